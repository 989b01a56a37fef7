// factbox loader (/embed.js). Turns <div data-factbox="{story}/{widget}" data-theme="dark"
// data-locale="ar" …> into a responsive iframe of /embed/{story}/{widget}, and keeps every
// factbox iframe on the page as tall as its content, matching each message to the iframe
// that sent it by event.source. Safe to include twice; its one global is window.factbox.
(function () {
  'use strict'
  var ns = (window.factbox = window.factbox || {})
  if (ns.scan) {
    ns.scan()
    return
  }
  var script = document.currentScript
  var origin = script && script.src ? new URL(script.src).origin : location.origin
  var OPTIONS = ['theme', 'width', 'locale', 'version', 'figures', 'until', 'columns', 'statements']

  function scan(root) {
    var divs = (root || document).querySelectorAll('div[data-factbox]:not([data-factbox-ready])')
    for (var i = 0; i < divs.length; i++) mount(divs[i])
  }

  function mount(div) {
    div.setAttribute('data-factbox-ready', '')
    var parts = (div.getAttribute('data-factbox') || '').split('/')
    if (parts.length !== 2) return
    var query = new URLSearchParams()
    for (var i = 0; i < OPTIONS.length; i++) {
      var value = div.getAttribute('data-' + OPTIONS[i])
      if (value) query.set(OPTIONS[i], value)
    }
    var iframe = document.createElement('iframe')
    iframe.src = origin + '/embed/' + encodeURIComponent(parts[0]) + '/' + encodeURIComponent(parts[1]) + (query.toString() ? '?' + query : '')
    iframe.title = div.getAttribute('data-title') || 'factbox ' + parts[1].replace(/-/g, ' ')
    iframe.setAttribute('scrolling', 'no')
    iframe.setAttribute('loading', 'lazy')
    var width = div.getAttribute('data-width')
    iframe.style.cssText = 'display:block;width:100%;border:0;height:' + (Number(div.getAttribute('data-height')) || 400) + 'px' + (width ? ';max-width:' + Number(width) + 'px' : '')
    div.appendChild(iframe)
  }

  // Every embed page announces its height in several formats; the AMP one is enough here.
  window.addEventListener('message', function (event) {
    var data = event.data
    if (!data || data.sentinel !== 'amp' || data.type !== 'embed-size' || !(data.height > 0)) return
    var iframes = document.getElementsByTagName('iframe')
    for (var i = 0; i < iframes.length; i++) {
      var iframe = iframes[i]
      if (iframe.contentWindow === event.source && iframe.src.indexOf(origin + '/embed/') === 0) {
        iframe.style.height = Math.ceil(data.height) + 'px'
      }
    }
  })

  ns.scan = scan
  scan()
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { scan() })
  if ('MutationObserver' in window) new MutationObserver(function () { scan() }).observe(document.documentElement, { childList: true, subtree: true })
})()
