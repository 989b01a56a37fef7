// Browser tests for embedding (issue #3): a host page on another localhost port embeds
// each widget as <img>, through /embed.js (included twice) and through Pym.js's own
// pym.Parent, and a sandboxed iframe; every iframe must end within 10 px of its content's
// height at phone and desktop widths, with no console errors. axe-core checks the embed
// pages and the workshop; a real oEmbed client finds the embed by discovery.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { extract } from '@extractus/oembed-extractor'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, startServer } from '../../scripts/dev-server.mjs'

const SLUG = 'gaza-2025-05-06'
const widgets = ['toll-counter', 'blockade-duration', 'statement-grid']
const pymSource = readFileSync('node_modules/pym.js/dist/pym.v1.min.js', 'utf8')
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8')

let factbox
let host
let hostBase
let browser

function hostPages(base) {
  const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<style>body{margin:0;font:16px sans-serif}main{max-width:100%;padding:0 8px}article{margin:0 0 24px}</style></head>
<body><main><h1>A news page</h1>${body}</main></body></html>`
  return {
    '/img.html': page(widgets.map((w) => `<article><img src="${base}/widgets/${SLUG}/${w}.svg" alt="${w}" style="max-width:100%;height:auto"></article>`).join('')),
    '/loader.html': page(
      widgets.map((w, i) => `<article><div data-factbox="${SLUG}/${w}"${i === 1 ? ' data-locale="ar"' : ''}></div></article>`).join('') +
        `<script async src="${base}/embed.js"></script><script async src="${base}/embed.js"></script>`,
    ),
    '/pym.html': page(
      widgets.map((w) => `<article><div id="pym-${w}"></div></article>`).join('') +
        `<script src="/pym.v1.min.js"></script><script>${widgets.map((w) => `new pym.Parent('pym-${w}', '${base}/embed/${SLUG}/${w}', {});`).join('')}</script>`,
    ),
    '/sandbox.html': page(
      `<script>window.messages=[];addEventListener('message',function(e){window.messages.push(e.data)})</script>` +
        `<iframe id="sandboxed" sandbox="allow-scripts" src="${base}/embed/${SLUG}/toll-counter?locale=he" style="width:100%;border:0;height:200px"></iframe>`,
    ),
    // Several embeds, some hidden until the reader opens them: hidden iframes have no layout.
    '/hidden.html': page(
      `<script>window.messages=[];addEventListener('message',function(e){window.messages.push(e.data)})</script>` +
        `<div id="tab" style="display:none">${widgets.map((w) => `<iframe src="${base}/embed/${SLUG}/${w}" style="width:100%;border:0;height:200px"></iframe>`).join('')}</div>` +
        `<details id="more"><summary>More</summary>${widgets.map((w) => `<iframe src="${base}/embed/${SLUG}/${w}?locale=ar" style="width:100%;border:0;height:200px"></iframe>`).join('')}</details>` +
        `<iframe src="${base}/embed/${SLUG}/toll-counter?theme=dark" style="width:100%;border:0;height:200px"></iframe>`,
    ),
    '/pym.v1.min.js': pymSource,
  }
}

before(async () => {
  factbox = await startServer()
  const pages = hostPages(factbox.base)
  host = createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://x').pathname]
    if (!body) return res.writeHead(404).end()
    res.writeHead(200, { 'Content-Type': req.url.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' }).end(body)
  })
  await new Promise((r) => host.listen(0, '127.0.0.1', r))
  hostBase = `http://127.0.0.1:${host.address().port}`
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
})
after(async () => {
  await browser?.close()
  host?.close()
  await factbox?.stop()
})

async function open(path, width, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options })
  const page = await context.newPage()
  const errors = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(hostBase + path, { waitUntil: 'networkidle' })
  return { page, context, errors }
}

/** Waits until every factbox iframe's height has settled, then compares it with its content. */
async function assertIframesFit(page, expected) {
  let frames = []
  for (let i = 0; i < 40; i++) {
    frames = await page.$$('iframe')
    if (frames.length === expected) break
    await page.waitForTimeout(100)
  }
  assert.equal(frames.length, expected)
  let last = ''
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(150)
    const heights = JSON.stringify(await Promise.all(frames.map((f) => f.evaluate((el) => el.getBoundingClientRect().height))))
    if (heights === last) break
    last = heights
  }
  for (const handle of frames) {
    const frame = await handle.contentFrame()
    const outer = await handle.evaluate((el) => el.getBoundingClientRect().height)
    const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height)
    assert.ok(Math.abs(outer - inner) <= 10, `${frame.url()}: iframe ${outer}px, content ${inner}px`)
    // The widget was laid out at the iframe's width, not scaled.
    const fit = await frame.evaluate(() => ({ svg: Number(document.querySelector('svg').getAttribute('width')), page: document.documentElement.clientWidth }))
    assert.ok(fit.svg <= fit.page && (fit.svg >= fit.page - 2 || fit.svg === 280 || fit.svg === 1600), `${frame.url()}: SVG ${fit.svg}px in a ${fit.page}px frame`)
  }
}

describe('a host page on another origin', () => {
  for (const width of [360, 1200]) {
    it(`shows every widget as an <img> at ${width} px`, async () => {
      const { page, context, errors } = await open('/img.html', width)
      const sizes = await page.$$eval('img', (imgs) => imgs.map((i) => [i.complete, i.naturalWidth, i.getBoundingClientRect().width]))
      for (const [complete, natural, shown] of sizes) {
        assert.ok(complete && natural > 0, 'image loaded')
        assert.ok(shown <= width, 'image fits the page')
      }
      assert.deepEqual(errors, [])
      await context.close()
    })

    it(`sizes embed.js iframes to their content at ${width} px, with the script included twice`, async () => {
      const { page, context, errors } = await open('/loader.html', width)
      await assertIframesFit(page, widgets.length)
      assert.equal(await page.evaluate(() => Object.keys(window).filter((k) => k.toLowerCase().includes('factbox'))).then((k) => k.join()), 'factbox')
      mkdirSync('snapshots', { recursive: true })
      // Cross-origin iframes are painted only inside the viewport: make it as tall as the page.
      await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) })
      await page.waitForTimeout(500)
      await page.screenshot({ path: `snapshots/host-loader-${width}.png` })
      assert.deepEqual(errors, [])
      await context.close()
    })

    it(`is sized by Pym.js’s own pym.Parent at ${width} px`, async () => {
      const { page, context, errors } = await open('/pym.html', width)
      await assertIframesFit(page, widgets.length)
      assert.deepEqual(errors, [])
      await context.close()
    })
  }

  it('never announces a height that is not positive, also for embeds hidden until the reader opens them', async () => {
    const { page, context, errors } = await open('/hidden.html', 700)
    await page.waitForTimeout(1500)
    const heightOf = (m) =>
      typeof m === 'string' && m.startsWith('pymxPYMx') ? Number(m.split('xPYMx').pop())
        : m && m.sentinel === 'amp' ? m.height
          : m && m['datawrapper-height'] ? Object.values(m['datawrapper-height'])[0]
            : m && m.message === 'height' ? m.value
              : undefined
    const heights = async () => (await page.evaluate(() => window.messages)).map(heightOf).filter((h) => h !== undefined)
    const before = await heights()
    // The one visible embed announced itself, in all four formats; the hidden six said nothing.
    assert.ok(before.length >= 4, 'the visible embed announced its height')
    assert.deepEqual(before.filter((h) => !(h > 0)), [])
    await page.evaluate(() => {
      document.getElementById('tab').style.display = 'block'
      document.getElementById('more').open = true
    })
    await page.waitForTimeout(1500)
    const after = await heights()
    assert.deepEqual(after.filter((h) => !(h > 0)), [])
    assert.ok(after.length >= before.length + 6 * 4, `each embed announced once shown (${after.length - before.length} messages)`)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('works in a sandboxed iframe: re-lays out, announces its height in every format', async () => {
    const { page, context, errors } = await open('/sandbox.html', 700)
    await page.waitForTimeout(1500)
    const messages = await page.evaluate(() => window.messages)
    const amp = messages.find((m) => m && m.sentinel === 'amp')
    assert.ok(amp && amp.height > 200, 'AMP embed-size message')
    assert.ok(messages.some((m) => typeof m === 'string' && /^pymxPYMx.+xPYMxheightxPYMx\d+$/.test(m)), 'Pym.js message')
    assert.ok(messages.some((m) => m && m['datawrapper-height']), 'Datawrapper message')
    assert.ok(messages.some((m) => m && m.message === 'height' && m.value > 200), 'WordPress message')
    const frame = await (await page.$('#sandboxed')).contentFrame()
    const fit = await frame.evaluate(() => ({ svg: Number(document.querySelector('svg').getAttribute('width')), page: document.documentElement.clientWidth }))
    assert.notEqual(fit.svg, 640, 'laid out again, not left at the default width')
    assert.equal(fit.svg, fit.page)
    assert.deepEqual(errors, [])
    await context.close()
  })
})

describe('embed pages', () => {
  it('show the figures as text with script off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${factbox.base}/embed/${SLUG}/toll-counter`)
    const text = await page.locator('svg').textContent()
    assert.match(text, /52,567/)
    assert.match(text, /Gaza’s Hamas-run health ministry/)
    await context.close()
  })

  it('keep right-to-left text inside the picture when inlined in a dir=rtl page', async () => {
    for (const locale of ['ar', 'he']) {
      const context = await browser.newContext({ viewport: { width: 390, height: 900 } })
      const page = await context.newPage()
      await page.goto(`${factbox.base}/embed/${SLUG}/statement-grid?locale=${locale}`, { waitUntil: 'networkidle' })
      await page.waitForTimeout(300)
      const outside = await page.evaluate(() => {
        const svg = document.querySelector('svg').getBoundingClientRect()
        return [...document.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect()).filter((b) => b.width && (b.left < svg.left - 1 || b.right > svg.right + 1)).length
      })
      assert.equal(outside, 0, `${locale}: lines outside the SVG`)
      await context.close()
    }
  })

  it('are found by an oEmbed client through discovery', async () => {
    const data = await extract(`${factbox.base}/embed/${SLUG}/blockade-duration?locale=fr`, { maxwidth: 500 })
    assert.equal(data.version, '1.0')
    assert.equal(data.type, 'rich')
    assert.equal(data.width, 500)
    assert.match(data.html, /^<iframe [^>]*src="[^"]+\/embed\/gaza-2025-05-06\/blockade-duration\?locale=fr"/)
  })
})

describe('accessibility (axe-core)', () => {
  const pages = [
    ...widgets.map((w) => `/embed/${SLUG}/${w}`),
    `/embed/${SLUG}/toll-counter?locale=ar`,
    '/',
    '/?widget=statement-grid&locale=he',
    '/admin',
  ]
  for (const colorScheme of ['light', 'dark']) {
    for (const path of pages) {
      it(`${path} has no serious or critical violations (${colorScheme})`, async () => {
        // axe is injected through the DevTools protocol; the pages' CSP allows no inline script.
        const context = await browser.newContext({ colorScheme, bypassCSP: true, viewport: { width: 1200, height: 900 } })
        const page = await context.newPage()
        await page.goto(factbox.base + path, { waitUntil: 'networkidle' })
        await page.evaluate(axeSource)
        const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
        assert.ok(results.passes.length > 10, 'axe ran its rules')
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [])
        await context.close()
      })
    }
  }
})
