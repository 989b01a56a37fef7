// Browser test (npm run test:browser): every widget as Chromium draws it, with the Noto
// fonts the layout was measured with. Real glyph boxes must stay inside the SVG and must
// not overlap one another, in every locale, at the narrowest and widest widths.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SLUG, assertInsideAndApart, measureTextBoxes, useBrowser } from './helpers.mjs'

const widgets = ['toll-counter', 'blockade-duration', 'statement-grid']
const locales = ['en', 'ar', 'he', 'fr', 'de', 'es']
const ctx = useBrowser(async (c) => {
  c.page = await c.browser.newPage()
  c.page.on('console', (msg) => {
    if (msg.type() === 'error') throw new Error(`console error: ${msg.text()}`)
  })
})

describe('widgets drawn by Chromium', () => {
  for (const widget of widgets) {
    for (const locale of locales) {
      for (const width of [280, 1600]) {
        it(`${widget} in ${locale} at ${width} px: text stays inside and never overlaps`, async () => {
          const res = await ctx.page.goto(`${ctx.server.base}/widgets/${SLUG}/${widget}.svg?locale=${locale}&width=${width}&theme=light`)
          assert.equal(res.status(), 200)
          const drawn = await ctx.page.evaluate(measureTextBoxes)
          assert.equal(drawn.width, width)
          assert.ok(drawn.boxes.length > 5)
          assertInsideAndApart(drawn)
        })
      }
    }
  }
})
