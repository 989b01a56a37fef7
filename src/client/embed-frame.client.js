// factbox embed page (/embed/{story}/{widget}): runs inside the iframe. Re-lays the widget
// out at the iframe's width and announces the page height to the parent on load and on
// every change, in each format newsroom loaders already listen for (CONTRACT.md
// "Embedding"). Uses no cookies or storage, so it works in a sandboxed iframe.
(function () {
  'use strict'
  var host = document.getElementById('factbox-widget')
  if (!host) return
  var params = new URLSearchParams(location.search)
  // Pym.js passes the id its parent listens for; Datawrapper's loaders key on the same id.
  var childId = params.get('childId') || host.getAttribute('data-id')
  // WordPress appends #?secret=… to embed URLs and only accepts messages carrying it.
  var secretMatch = location.hash.match(/[#?&]secret=([A-Za-z0-9]+)/)
  var secret = secretMatch ? secretMatch[1] : undefined
  var requested = Number(host.getAttribute('data-requested-width')) || Infinity
  var current = Number(host.getAttribute('data-width'))
  var src = host.getAttribute('data-src')
  var lastHeight = -1
  var pending = 0

  function announce() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height)
    // An iframe the host page hides (display:none, a closed <details>, an inactive tab) has
    // no layout and measures 0: a loader told so would collapse it. Say nothing until it is
    // shown; the ResizeObserver then fires with the real height.
    if (!(height > 0) || height === lastHeight || window.parent === window) return
    lastHeight = height
    var parent = window.parent
    parent.postMessage('pymxPYMx' + childId + 'xPYMxheightxPYMx' + height, '*')
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: height }, '*')
    var datawrapper = {}
    datawrapper[childId] = height
    parent.postMessage({ 'datawrapper-height': datawrapper }, '*')
    parent.postMessage({ message: 'height', value: height, secret: secret }, '*')
  }

  // The width to lay out at: the iframe's, within the widget's range and the width asked for.
  function target() {
    var available = document.documentElement.clientWidth
    return Math.max(280, Math.min(1600, requested, available))
  }

  function relayout() {
    var width = target()
    if (width === current) return announce()
    var ticket = ++pending
    fetch(src + (src.indexOf('?') < 0 ? '?' : '&') + 'width=' + width)
      .then(function (res) {
        return res.ok ? res.text() : Promise.reject(new Error('HTTP ' + res.status))
      })
      .then(function (svg) {
        if (ticket !== pending) return
        host.innerHTML = svg.replace(/^<\?xml[^>]*>\s*/, '')
        current = width
        announce()
      })
      .catch(function () {
        // The server-rendered picture stays; it scales with CSS.
        announce()
      })
  }

  var timer = 0
  function schedule() {
    clearTimeout(timer)
    timer = setTimeout(relayout, 80)
  }

  if ('ResizeObserver' in window) {
    new ResizeObserver(function () {
      announce()
    }).observe(document.documentElement)
  }
  window.addEventListener('resize', schedule)
  window.addEventListener('load', announce)
  relayout()
  announce()
})()
