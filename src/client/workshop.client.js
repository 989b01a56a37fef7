// The embed workshop (/): as options change, asks /api/embed-codes for every code, points
// the live preview at the new embed URL and keeps the page URL shareable. Without this
// script the form still works: it submits, and the server fills in the same codes.
(function () {
  'use strict'
  var form = document.getElementById('options')
  if (!form) return
  var preview = document.getElementById('preview')
  var stage = document.getElementById('stage')
  var status = document.getElementById('copy-status')
  var apply = document.getElementById('apply')
  if (apply) apply.hidden = true
  var LISTS = ['figures', 'statements']
  var ticket = 0
  var timer = 0

  function query() {
    var data = new FormData(form)
    var params = new URLSearchParams()
    data.forEach(function (value, key) {
      if (!value || LISTS.indexOf(key) >= 0) return
      params.set(key, value)
    })
    var widget = params.get('widget')
    LISTS.forEach(function (key) {
      var boxes = form.querySelectorAll('input[name="' + key + '"]')
      var picked = data.getAll(key)
      var relevant = (key === 'figures' && widget === 'toll-counter') || (key === 'statements' && widget === 'statement-grid')
      // All statements is the default: leave it out of the URL.
      if (relevant && picked.length && !(key === 'statements' && picked.length === boxes.length)) params.set(key, picked.join(','))
    })
    if (widget !== 'blockade-duration') params.delete('until')
    if (widget !== 'statement-grid') params.delete('columns')
    if (params.get('theme') === 'auto') params.delete('theme')
    if (params.get('locale') === 'en') params.delete('locale')
    return params
  }

  function showFields() {
    var widget = new FormData(form).get('widget')
    var parts = form.querySelectorAll('[data-widget]')
    for (var i = 0; i < parts.length; i++) parts[i].hidden = parts[i].getAttribute('data-widget') !== widget
  }

  function fill(id, text) {
    var el = document.getElementById(id)
    if (el) el.value = text
  }

  // The chooser's thumbnails follow the story and language chosen (their theme is auto).
  function updateThumbnails(params) {
    var thumbs = form.querySelectorAll('img[data-thumb]')
    for (var i = 0; i < thumbs.length; i++) {
      var src = new URL(thumbs[i].src)
      var story = params.get('story')
      if (story) src.pathname = src.pathname.replace(/^\/widgets\/[^/]+\//, '/widgets/' + encodeURIComponent(story) + '/')
      if (params.get('locale')) src.searchParams.set('locale', params.get('locale'))
      else src.searchParams.delete('locale')
      if (thumbs[i].src !== src.href) thumbs[i].src = src.href
    }
  }

  function update() {
    showFields()
    var params = query()
    updateThumbnails(params)
    var mine = ++ticket
    history.replaceState(null, '', '?' + params)
    fetch('/api/embed-codes?' + params)
      .then(function (res) {
        return res.json().then(function (body) {
          return { ok: res.ok, body: body }
        })
      })
      .then(function (r) {
        if (mine !== ticket) return
        if (!r.ok) {
          var reasons = (r.body['invalid-params'] || []).map(function (p) { return p.name + ' ' + p.reason })
          status.textContent = reasons.length ? 'Not updated: ' + reasons.join('; ') : r.body.detail || 'Not updated.'
          return
        }
        var codes = r.body
        status.textContent = ''
        fill('code-iframe', codes.iframe)
        fill('code-script', codes.script)
        fill('code-image', codes.image)
        fill('code-png', codes.png)
        fill('code-card', codes.card)
        fill('code-oembed', codes.embedUrl + '\n' + codes.oembed)
        fill('code-amp', codes.amp)
        fill('code-csp', codes.csp)
        document.getElementById('data-csv').href = codes.data.csv
        document.getElementById('data-json').href = codes.data.json
        if (preview.src !== codes.embedUrl) preview.src = codes.embedUrl
        stage.style.width = params.get('width') ? Number(params.get('width')) + 2 + 'px' : ''
      })
      .catch(function () {
        status.textContent = 'Not updated: the server did not answer.'
      })
  }

  form.addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(update, 150)
  })
  form.addEventListener('submit', function (event) {
    event.preventDefault()
    update()
  })

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-copy]')
    if (!button) return
    var area = document.getElementById(button.getAttribute('data-copy'))
    var title = button.getAttribute('aria-describedby') && document.getElementById(button.getAttribute('aria-describedby'))
    var done = function () {
      status.textContent = 'Copied the ' + (title ? title.textContent : '') + ' code.'
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(area.value).then(done, function () {
        area.select()
        document.execCommand('copy')
        done()
      })
    } else {
      area.select()
      document.execCommand('copy')
      done()
    }
  })

  showFields()
})()
