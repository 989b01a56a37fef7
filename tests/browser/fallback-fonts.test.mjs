// Browser test (issue #4): a reader whose browser has no Noto fonts gets the stack's
// fallbacks. Each widget is drawn by Chromium with the Noto names removed from its
// styles, once with DejaVu Sans (the usual Linux default) and once with Liberation Sans
// (Arial's metrics, so Windows' and macOS's Arial and Helvetica too): no line may leave
// the picture or run into another. The layout measures with the widest of these fonts.
import { describe, it } from 'node:test'
import { SLUG, assertInsideAndApart, measureTextBoxes, useBrowser } from './helpers.mjs'

const ctx = useBrowser(async (c) => {
  c.page = await c.browser.newPage()
})

describe('widgets drawn with fallback fonts', () => {
  for (const family of ['DejaVu Sans', 'Liberation Sans']) {
    for (const widget of ['toll-counter', 'blockade-duration', 'statement-grid']) {
      for (const locale of ['en', 'ar', 'he', 'fr', 'de', 'es']) {
        for (const width of [280, 1200]) {
          it(`${widget} in ${locale} at ${width} px with ${family}`, async () => {
            await ctx.page.goto(`${ctx.server.base}/widgets/${SLUG}/${widget}.svg?locale=${locale}&width=${width}&theme=light`)
            assertInsideAndApart(await ctx.page.evaluate(measureTextBoxes, family))
          })
        }
      }
    }
  }
})
