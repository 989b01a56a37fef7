// Browser test (npm run test:browser): every widget as Chromium draws it, with the Noto
// fonts the layout was measured with. Real glyph boxes must stay inside the SVG and must
// not overlap one another, in every locale, at the narrowest and widest widths.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, startServer } from '../../scripts/dev-server.mjs'

const SLUG = 'gaza-2025-05-06'
const widgets = ['toll-counter', 'blockade-duration', 'statement-grid']
const locales = ['en', 'ar', 'he', 'fr', 'de', 'es']

let server
let browser
let page
before(async () => {
  server = await startServer()
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  page = await browser.newPage()
  page.on('console', (msg) => {
    if (msg.type() === 'error') throw new Error(`console error: ${msg.text()}`)
  })
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

// Runs in the page: each text element's drawn box, with its vertical extent taken as the
// band from cap height to baseline so that stacked lines, whose ascender and descender
// boxes touch by design, do not count as overlapping.
function measure() {
  const svg = document.documentElement
  const width = Number(svg.getAttribute('width'))
  const height = Number(svg.getAttribute('height'))
  const boxes = [...svg.querySelectorAll('text')]
    .filter((t) => !t.classList.contains('mark-num') && t.textContent.replace(/[\u2066-\u2069]/g, '').trim())
    .map((t) => {
      const b = t.getBBox()
      const size = Number(t.getAttribute('font-size'))
      const baseline = Number(t.getAttribute('y'))
      return { text: t.textContent, left: b.x, right: b.x + b.width, top: baseline - 0.7 * size, bottom: baseline + 0.1 * size }
    })
  return { width, height, boxes }
}

describe('widgets drawn by Chromium', () => {
  for (const widget of widgets) {
    for (const locale of locales) {
      for (const width of [280, 1600]) {
        it(`${widget} in ${locale} at ${width} px: text stays inside and never overlaps`, async () => {
          const res = await page.goto(`${server.base}/widgets/${SLUG}/${widget}.svg?locale=${locale}&width=${width}&theme=light`)
          assert.equal(res.status(), 200)
          const { width: w, height: h, boxes } = await page.evaluate(measure)
          assert.equal(w, width)
          assert.ok(boxes.length > 5)
          for (const b of boxes) {
            assert.ok(b.left >= -0.5 && b.right <= w + 0.5, `"${b.text}" runs outside the SVG (${b.left.toFixed(1)}..${b.right.toFixed(1)} of ${w})`)
            assert.ok(b.bottom <= h, `"${b.text}" is below the bottom edge`)
          }
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
})
