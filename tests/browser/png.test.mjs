// Browser test (issue #4): the PNG the worker rasterises must look like Chromium's drawing
// of the same SVG, in Latin, Arabic and Hebrew. Both are drawn into a canvas in the page
// and compared pixel by pixel; anti-aliasing differs a little, a misplaced line a lot.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SLUG, useBrowser } from './helpers.mjs'

// Share of pixels whose colour differs by more than 64 (of 255) in some channel. Chromium
// draws with Debian's Noto fonts, slightly different releases from the bundled ones (bold
// Arabic-Indic digits differ most: 2.6% on the Arabic toll counter); a misplaced line or
// a wrong picture differs far more (see the last test).
const THRESHOLD = 0.03

const ctx = useBrowser(async (c) => {
  c.page = await c.browser.newPage()
  await c.page.goto(`${c.server.base}/healthz`)
})

/** Runs in the page: loads both pictures and returns the share of pixels that differ. */
function compare([a, b]) {
  const load = (src) =>
    new Promise((resolve, reject) => {
      const img = new Image()
      img.onload = () => resolve(img)
      img.onerror = () => reject(new Error(`could not load ${src}`))
      img.src = src
    })
  return Promise.all([load(a), load(b)]).then(([x, y]) => {
    const w = x.naturalWidth
    const h = x.naturalHeight
    if (w !== y.naturalWidth || h !== y.naturalHeight) return { w, h, size: `${y.naturalWidth}x${y.naturalHeight}`, share: 1 }
    const pixels = (img) => {
      const canvas = document.createElement('canvas')
      canvas.width = w
      canvas.height = h
      const ctx = canvas.getContext('2d')
      ctx.drawImage(img, 0, 0, w, h)
      return ctx.getImageData(0, 0, w, h).data
    }
    const p = pixels(x)
    const q = pixels(y)
    let differ = 0
    for (let i = 0; i < p.length; i += 4) {
      if (Math.abs(p[i] - q[i]) > 64 || Math.abs(p[i + 1] - q[i + 1]) > 64 || Math.abs(p[i + 2] - q[i + 2]) > 64) differ++
    }
    return { w, h, share: differ / (w * h) }
  })
}

describe('PNG against Chromium’s SVG', () => {
  for (const widget of ['toll-counter', 'blockade-duration', 'statement-grid']) {
    for (const locale of ['en', 'ar', 'he']) {
      it(`${widget} in ${locale} differs in under ${THRESHOLD * 100}% of pixels`, async () => {
        const query = `locale=${locale}&theme=light&width=640`
        const base = `${ctx.server.base}/widgets/${SLUG}/${widget}`
        const result = await ctx.page.evaluate(compare, [`${base}.png?${query}`, `${base}.svg?${query}`])
        console.log(`${widget} ${locale}: ${(result.share * 100).toFixed(2)}% of ${result.w}x${result.h} differ`)
        assert.ok(result.share < THRESHOLD, `${(result.share * 100).toFixed(2)}% of pixels differ`)
      })
    }
  }

  it('would notice a wrong picture: the Arabic PNG against the English SVG', async () => {
    const base = `${ctx.server.base}/widgets/${SLUG}/toll-counter`
    const result = await ctx.page.evaluate(compare, [`${base}.png?locale=ar&theme=light&width=640`, `${base}.svg?locale=en&theme=light&width=640`])
    assert.ok(result.share > 3 * THRESHOLD, `only ${(result.share * 100).toFixed(2)}% differ`)
  })
})
