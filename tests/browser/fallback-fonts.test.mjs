// Browser test (issue #4): a reader whose browser has no Noto fonts gets the stack's
// fallbacks. Each widget is drawn by Chromium with the Noto names removed from its
// styles, once with DejaVu Sans (the usual Linux default) and once with Liberation Sans
// (Arial's metrics, so Windows' and macOS's Arial and Helvetica too): no line may leave
// the picture or run into another. The layout measures with the widest of these fonts.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, startServer } from '../../scripts/dev-server.mjs'

const SLUG = 'gaza-2025-05-06'
let server
let browser
let page
before(async () => {
  server = await startServer()
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  page = await browser.newPage()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

// In the page: swap every Noto family for `family`, then measure like widgets.test.mjs.
function measureWith(family) {
  const style = document.querySelector('style')
  style.textContent = style.textContent.replace(/'Noto Sans(?: Arabic| Hebrew)?'/g, `'${family}'`)
  const svg = document.documentElement
  const width = Number(svg.getAttribute('width'))
  const boxes = [...svg.querySelectorAll('text')]
    .filter((t) => !t.classList.contains('mark-num') && t.textContent.replace(/[\u2066-\u2069]/g, '').trim())
    .map((t) => {
      const b = t.getBBox()
      const size = Number(t.getAttribute('font-size'))
      const baseline = Number(t.getAttribute('y'))
      return { text: t.textContent, left: b.x, right: b.x + b.width, top: baseline - 0.7 * size, bottom: baseline + 0.1 * size }
    })
  return { width, boxes }
}

describe('widgets drawn with fallback fonts', () => {
  for (const family of ['DejaVu Sans', 'Liberation Sans']) {
    for (const widget of ['toll-counter', 'blockade-duration', 'statement-grid']) {
      for (const locale of ['en', 'ar', 'he', 'fr', 'de', 'es']) {
        for (const width of [280, 1200]) {
          it(`${widget} in ${locale} at ${width} px with ${family}`, async () => {
            await page.goto(`${server.base}/widgets/${SLUG}/${widget}.svg?locale=${locale}&width=${width}&theme=light`)
            const { width: w, boxes } = await page.evaluate(measureWith, family)
            for (const b of boxes) assert.ok(b.left >= -0.5 && b.right <= w + 0.5, `"${b.text}" runs outside the SVG (${b.left.toFixed(1)}..${b.right.toFixed(1)} of ${w})`)
            for (let i = 0; i < boxes.length; i++) {
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i]
                const b = boxes[j]
                const across = Math.min(a.right, b.right) - Math.max(a.left, b.left)
                const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
                assert.ok(!(across > 1 && down > 1), `"${a.text}" overlaps "${b.text}"`)
              }
            }
          })
        }
      }
    }
  }
})
