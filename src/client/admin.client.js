// The editor page (/admin). Loads the live version of a story, lets an editor change
// figures and statements, shows what changed and previews every widget with the change
// (POST …/preview), and publishes with If-Match so that a version someone else published
// meanwhile is never overwritten: a 412 shows their change instead. Who is signing in
// comes from /api/me: behind Cloudflare Access the page is signed in before anything is
// typed (Access adds its token to every request); otherwise an editor token is typed in
// and held in this closure only: no cookie, no storage. Every publish names its kind
// (update, correction, retraction) and the previews draw the note for readers as it will
// read; a retraction asks for confirmation first (issue #13).
(function () {
  'use strict'
  var $ = function (id) { return document.getElementById(id) }
  var token = ''
  var editor = null // { id, via, scopes, slugs? } from /api/me
  var slug = ''
  var live = null // { etag, version, dataset }
  var draft = null
  var timer = 0
  var QUALIFIERS = ['', 'at least', 'approximately', 'more than']

  function status(el, text, kind) {
    el.textContent = text
    el.className = 'status' + (kind ? ' ' + kind : '')
  }

  function clone(x) { return JSON.parse(JSON.stringify(x)) }

  function request(url, options) {
    options = options || {}
    var headers = options.headers || {}
    if (token) headers.Authorization = 'Bearer ' + token
    options.headers = headers
    // An editor must see what is live now, not what the browser cached a minute ago.
    options.cache = 'no-store'
    return fetch(url, options)
  }

  function api(path, options) {
    return request('/api/stories/' + encodeURIComponent(slug) + path, options)
  }

  var VIA = { access: 'through Cloudflare Access', token: 'with an editor token', 'admin-token': 'with the owner’s admin token' }

  function showEditor() {
    $('who').hidden = false
    $('who').textContent = 'Signed in as ' + editor.id + ' ' + VIA[editor.via] + (editor.slugs ? ', for ' + editor.slugs.join(', ') + ' only' : '') + '.'
    $('publishing-as').textContent = 'Publishing as ' + editor.id + '.'
  }

  // Behind Access, /api/me names the editor without anything typed: the token field goes.
  function whoAmI() {
    return request('/api/me').then(function (res) { return res.ok ? res.json() : null }).then(function (me) {
      if (me && me.signedIn) {
        editor = me.editor
        $('token-field').hidden = true
        $('token').required = false
        showEditor()
        status($('status'), 'Choose a story and load it.', 'ok')
      }
    }).catch(function () {})
  }

  // A typed token is checked before anything else, so a wrong one is told at once.
  function signIn() {
    if (editor && !token) return Promise.resolve(true)
    token = $('token').value.trim()
    return request('/api/me').then(function (res) {
      return res.json().then(function (body) {
        if (res.ok && body.signedIn) {
          editor = body.editor
          showEditor()
          return true
        }
        token = ''
        editor = null
        $('who').hidden = true
        status($('status'), res.status === 429 ? body.detail : 'The token is not valid.', 'error')
        return false
      })
    }).catch(function () {
      status($('status'), 'The server did not answer.', 'error')
      return false
    })
  }

  function showHistory(versions) {
    var list = $('history')
    list.textContent = ''
    versions.forEach(function (v) {
      var li = document.createElement('li')
      li.appendChild(document.createTextNode('Version ' + v.version + ', ' + v.publishedAt.replace('T', ' ').slice(0, 16) + ' UTC, by '))
      var by = document.createElement('span')
      by.className = 'by'
      by.textContent = v.author
      li.appendChild(by)
      li.appendChild(document.createTextNode(': ' + v.note))
      list.appendChild(li)
    })
  }

  function load() {
    status($('status'), 'Loading…')
    return Promise.all([api(''), api('/versions')]).then(function (res) {
      if (!res[0].ok) throw new Error('The story could not be loaded (' + res[0].status + ').')
      var etag = res[0].headers.get('ETag')
      return Promise.all([res[0].json(), res[1].json()]).then(function (bodies) {
        live = { etag: etag, version: bodies[1][0].version, dataset: bodies[0], versions: bodies[1] }
        draft = clone(live.dataset)
        var v = bodies[1][0]
        $('live').textContent = 'Live: version ' + v.version + ', published ' + v.publishedAt.replace('T', ' ').slice(0, 16) + ' UTC by ' + v.author + ' — ' + v.note +
          (v.kind === 'retraction' ? ' (withdrawn: readers see only the notice; publish an update or a correction to restore it)' : v.kind === 'correction' ? ' (a correction)' : '')
        $('corrections-json').href = '/api/stories/' + encodeURIComponent(slug) + '/corrections'
        $('corrections-atom').href = '/api/stories/' + encodeURIComponent(slug) + '/corrections.atom'
        showHistory(bodies[1])
        $('editor').hidden = false
        status($('status'), 'Loaded version ' + v.version + '. Edit below; nothing is published until you press Publish.', 'ok')
        render()
        refresh()
      })
    }).catch(function (err) { status($('status'), err.message, 'error') })
  }

  function field(parent, labelText, control) {
    var wrap = document.createElement('div')
    wrap.className = 'field' + (control.tagName === 'TEXTAREA' ? ' wide' : '')
    var label = document.createElement('label')
    var id = 'f' + Math.random().toString(36).slice(2)
    control.id = id
    label.htmlFor = id
    label.textContent = labelText
    wrap.appendChild(label)
    wrap.appendChild(control)
    parent.appendChild(wrap)
    return control
  }

  function input(type, value, onChange) {
    var el = document.createElement(type === 'textarea' ? 'textarea' : 'input')
    if (type !== 'textarea') el.type = type
    el.value = value == null ? '' : value
    el.addEventListener('input', function () { onChange(el.value); schedule() })
    return el
  }

  function select(options, value, onChange) {
    var el = document.createElement('select')
    options.forEach(function (o) {
      var opt = document.createElement('option')
      opt.value = o
      opt.textContent = o || '(none)'
      opt.selected = o === (value || '')
      el.appendChild(opt)
    })
    el.addEventListener('change', function () { onChange(el.value); schedule() })
    return el
  }

  function item(parent, title) {
    var box = document.createElement('div')
    box.className = 'item'
    var h = document.createElement('h3')
    h.textContent = title
    box.appendChild(h)
    var row = document.createElement('div')
    row.className = 'row'
    box.appendChild(row)
    parent.appendChild(box)
    return row
  }

  function render() {
    var figures = $('figures')
    figures.textContent = ''
    draft.figures.forEach(function (f) {
      var row = item(figures, f.label.en + ' (' + f.id + ')')
      field(row, 'Value', input('number', f.value, function (v) { f.value = v === '' ? v : Number(v) }))
      field(row, 'Qualifier', select(QUALIFIERS, f.qualifier, function (v) { if (v) f.qualifier = v; else delete f.qualifier }))
      field(row, 'As of', input('date', f.asOf, function (v) { f.asOf = v }))
      // A changed toll comes from a later report: add it under Sources and cite it here.
      field(row, 'Source', select(draft.sources.map(function (src) { return src.id }), f.source || draft.sources[0].id, function (v) { f.source = v }))
      field(row, 'Excerpt (verbatim from its source)', input('textarea', f.excerpt, function (v) { f.excerpt = v }))
    })
    var sources = $('sources')
    sources.textContent = ''
    draft.sources.forEach(function (src) {
      var row = item(sources, src.title + ' (' + src.id + ')')
      if (src.digest) {
        // A kept source's text never changes (CONTRACT.md "v2: stories from any article").
        var kept = document.createElement('p')
        kept.className = 'hint'
        kept.textContent = 'Published ' + src.published + (src.publisher ? ' by ' + src.publisher : '') + '. Kept as published; a new document is a new source.'
        row.appendChild(kept)
        return
      }
      field(row, 'Title', input('text', src.title, function (v) { src.title = v }))
      field(row, 'Publisher', input('text', src.publisher, function (v) { if (v) src.publisher = v; else delete src.publisher }))
      field(row, 'Published', input('date', src.published, function (v) { src.published = v }))
      field(row, 'URL', input('url', src.url, function (v) { if (v) src.url = v; else delete src.url }))
      field(row, 'Full text', input('textarea', src.text, function (v) { src.text = v }))
    })
    var statements = $('statements')
    statements.textContent = ''
    draft.statements.forEach(function (s) {
      var row = item(statements, (s.speaker.name.en || 'New statement') + ' (' + s.id + ')')
      field(row, 'Speaker', input('text', s.speaker.name.en, function (v) { s.speaker.name.en = v }))
      field(row, 'Role', input('text', s.speaker.role ? s.speaker.role.en : '', function (v) { if (v) s.speaker.role = Object.assign(s.speaker.role || {}, { en: v }); else delete s.speaker.role }))
      field(row, 'Kind', select(['quote', 'paraphrase'], s.kind, function (v) { s.kind = v }))
      field(row, 'Date', input('date', s.date, function (v) { if (v) { s.date = v; s.datePrecision = s.datePrecision || 'exact' } else { delete s.date; delete s.datePrecision } }))
      field(row, 'Words shown (verbatim from the article)', input('textarea', s.text, function (v) { s.text = v }))
      field(row, 'Excerpt (the sentence they come from)', input('textarea', s.excerpt, function (v) { s.excerpt = v }))
    })
  }

  // Differences by path; list items are matched by id, so a reorder is not a change.
  function diff(a, b, path, out) {
    if (Array.isArray(a) && Array.isArray(b) && a.concat(b).every(function (x) { return x && typeof x === 'object' && 'id' in x })) {
      var ids = {}
      a.concat(b).forEach(function (x) { ids[x.id] = true })
      Object.keys(ids).forEach(function (id) {
        var x = a.filter(function (i) { return i.id === id })[0]
        var y = b.filter(function (i) { return i.id === id })[0]
        diff(x, y, path + '[' + id + ']', out)
      })
    } else if (a && b && typeof a === 'object' && typeof b === 'object') {
      var keys = {}
      Object.keys(a).concat(Object.keys(b)).forEach(function (k) { keys[k] = true })
      Object.keys(keys).forEach(function (k) { diff(a[k], b[k], path ? path + '.' + k : k, out) })
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push({ path: path, before: a, after: b })
    }
    return out
  }

  function showDiff(list, changes) {
    list.textContent = ''
    if (!changes.length) {
      var none = document.createElement('li')
      none.textContent = 'No changes.'
      list.appendChild(none)
    }
    changes.forEach(function (c) {
      var li = document.createElement('li')
      li.appendChild(document.createTextNode(c.path + ': '))
      var del = document.createElement('del')
      del.textContent = c.before === undefined ? '(none)' : JSON.stringify(c.before)
      var ins = document.createElement('ins')
      ins.textContent = c.after === undefined ? '(removed)' : JSON.stringify(c.after)
      li.appendChild(del)
      li.appendChild(document.createTextNode(' → '))
      li.appendChild(ins)
      list.appendChild(li)
    })
  }

  function schedule() {
    clearTimeout(timer)
    timer = setTimeout(refresh, 300)
  }

  function problems(body) {
    return (body['invalid-params'] || []).map(function (p) { return p.name + ': ' + p.reason }).join('; ')
  }

  function kind() {
    var checked = document.querySelector('input[name=kind]:checked')
    return checked ? checked.value : ''
  }

  // The dataset with what the publish would say to readers, as preview and PUT take it.
  function withReaderNote(body) {
    var k = kind()
    var publicNote = $('public-note').value.trim()
    if (k) body.kind = k
    if (publicNote) body.publicNote = publicNote
    return body
  }

  var PUBLISH_LABELS = { '': 'Publish', update: 'Publish the update', correction: 'Publish the correction', retraction: 'Withdraw the story' }

  function refresh() {
    $('publish').textContent = PUBLISH_LABELS[kind()]
    showDiff($('changes'), diff(live.dataset, draft, '', []))
    var imgs = document.querySelectorAll('.previews img')
    var failed = ''
    Promise.all(Array.prototype.map.call(imgs, function (img) {
      return api('/preview?widget=' + img.getAttribute('data-widget') + '&width=640&theme=light', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(withReaderNote(clone(draft))),
      }).then(function (res) {
        if (!res.ok) return res.json().then(function (b) { failed = problems(b) || b.detail })
        return res.blob().then(function (blob) {
          if (img.src.indexOf('blob:') === 0) URL.revokeObjectURL(img.src)
          img.src = URL.createObjectURL(blob)
        })
      })
    })).then(function () {
      status($('preview-status'), failed ? 'Not previewed: ' + failed : '', failed ? 'error' : '')
    })
  }

  function publish() {
    var out = $('publish-result')
    out.textContent = ''
    var note = $('note').value.trim()
    var k = kind()
    var publicNote = $('public-note').value.trim()
    if (!k) { out.textContent = 'Choose what this publish is first: an update, a correction or a retraction.'; return }
    if (!note) { out.textContent = 'Write what changed and why for the version history first (readers never see it).'; return }
    if (k !== 'update' && !publicNote) { out.textContent = 'A ' + k + ' needs the note for readers: say what was wrong as well as what is right.'; return }
    if (k === 'retraction' && !window.confirm('Withdraw this story? Every widget, embed, image and data link of it will show only “Withdrawn on …: ' + publicNote + '” until a later version is published.')) {
      out.textContent = 'Not withdrawn.'
      return
    }
    var body = Object.assign(withReaderNote(clone(draft)), { note: note })
    $('publish').disabled = true
    api('', { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': live.etag }, body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().then(function (b) { return { res: res, body: b } })
      })
      .then(function (r) {
        if (r.res.ok) {
          var done = document.createElement('p')
          done.className = 'status ok'
          done.textContent = (r.body.kind === 'retraction' ? 'Withdrew the story in version ' + r.body.version + ' as ' + r.body.author + '. Every widget shows the notice now.' : 'Published version ' + r.body.version + (r.body.kind === 'correction' ? ', a correction,' : '') + ' as ' + r.body.author + '. Every widget shows it now.')
          out.appendChild(done)
          $('note').value = ''
          $('public-note').value = ''
          var checked = document.querySelector('input[name=kind]:checked')
          if (checked) checked.checked = false
          return load()
        }
        var p = document.createElement('p')
        p.className = 'status error'
        if (r.res.status === 412) {
          var cur = r.body.current || {}
          p.textContent = 'Someone else published version ' + cur.version + ' first' + (cur.author ? ' (' + cur.author + ': ' + cur.note + ')' : '') + '. Your changes are still here; their change is below. Load the live version and apply yours again.'
          out.appendChild(p)
          return api('').then(function (res) { return res.json() }).then(function (theirs) {
            var list = document.createElement('ul')
            list.className = 'diff'
            showDiff(list, diff(live.dataset, theirs, '', []))
            out.appendChild(list)
          })
        }
        p.textContent = r.res.status === 401 ? 'The token is not valid any more (revoked, or the sign-in expired); nothing was published.' : (r.body.detail || 'Not published.') + (problems(r.body) ? ' ' + problems(r.body) : '')
        out.appendChild(p)
      })
      .catch(function () { out.textContent = 'The server did not answer; nothing was published.' })
      .then(function () { $('publish').disabled = false })
  }

  $('access').addEventListener('submit', function (event) {
    event.preventDefault()
    signIn().then(function (ok) {
      if (!ok) return
      slug = $('story').value
      load()
    })
  })
  whoAmI()
  $('publish').addEventListener('click', publish)
  $('kind').addEventListener('change', schedule)
  $('public-note').addEventListener('input', schedule)
  $('add-source').addEventListener('click', function () {
    var n = draft.sources.length + 1
    while (draft.sources.some(function (src) { return src.id === 'source-' + n })) n++
    draft.sources.push({ id: 'source-' + n, title: 'Follow-up report', published: new Date().toISOString().slice(0, 10), language: draft.language, text: '' })
    render()
    schedule()
  })
  $('add-statement').addEventListener('click', function () {
    var n = draft.statements.length + 1
    while (draft.statements.some(function (s) { return s.id === 'statement-' + n })) n++
    draft.statements.push({ id: 'statement-' + n, speaker: { name: { en: '' } }, kind: 'paraphrase', text: '', excerpt: '' })
    render()
    schedule()
  })
})()

// The story list (issue #11): newest first from GET /api/stories, a page at a time through
// its Link rel="next", searched by headline (q=). "Edit" loads the story into the editor
// through the sign-in form above, so a typed token is asked for first; /admin?story={slug}
// (where /admin/new links after a create) comes with that story chosen.
;(function () {
  'use strict'
  var $ = function (id) { return document.getElementById(id) }
  var next = null
  var run = 0
  var timer = 0

  function choose(slug, headline) {
    var select = $('story')
    if (!Array.prototype.some.call(select.options, function (o) { return o.value === slug })) {
      var option = document.createElement('option')
      option.value = slug
      option.textContent = headline + ' (' + slug + ')'
      select.appendChild(option)
    }
    select.value = slug
  }

  function row(story) {
    var li = document.createElement('li')
    var headline = document.createElement('span')
    headline.className = 'headline'
    headline.id = 'story-' + story.slug
    headline.textContent = story.headline
    var meta = document.createElement('span')
    meta.className = 'meta'
    meta.textContent = story.slug + ' · version ' + story.version + ' · as of ' + story.asOf + (story.status === 'withdrawn' ? ' · withdrawn' : '')
    var edit = document.createElement('button')
    edit.type = 'button'
    edit.className = 'secondary'
    edit.textContent = 'Edit'
    edit.setAttribute('aria-describedby', headline.id)
    edit.addEventListener('click', function () {
      choose(story.slug, story.headline)
      $('access').requestSubmit()
      $('access').scrollIntoView({ block: 'start' })
    })
    li.appendChild(headline)
    li.appendChild(meta)
    li.appendChild(edit)
    return li
  }

  function load(url, append) {
    var mine = ++run
    $('stories-status').textContent = 'Loading stories…'
    fetch(url, { cache: 'no-store' }).then(function (res) {
      if (!res.ok) throw new Error('The stories could not be listed (' + res.status + ').')
      var link = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('Link') || '')
      return res.json().then(function (stories) {
        if (mine !== run) return
        next = link ? link[1] : null
        if (!append) $('story-list').textContent = ''
        stories.forEach(function (s) { $('story-list').appendChild(row(s)) })
        $('more-stories').hidden = !next
        var shown = $('story-list').children.length
        $('stories-status').textContent = shown ? shown + (shown === 1 ? ' story' : ' stories') + (next ? ' shown; there are more.' : '.') : 'No story has these words in its headline.'
      })
    }).catch(function (err) { if (mine === run) $('stories-status').textContent = err.message })
  }

  function search() {
    var q = $('story-search').value.trim()
    load('/api/stories?limit=20' + (q ? '&q=' + encodeURIComponent(q) : ''), false)
  }

  $('story-search').addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(search, 250)
  })
  $('more-stories').addEventListener('click', function () { if (next) load(next, true) })
  var wanted = new URLSearchParams(location.search).get('story')
  if (wanted) choose(wanted, wanted)
  search()
})()
