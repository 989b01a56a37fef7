// PNGs drawn in bands and streamed (issue #15): the pixels of a one-piece render, valid
// chunks and CRCs, print sizes for every widget, and a limit on height that names scale.
import { Resvg } from '@resvg/resvg-wasm'
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import arabicBold from '../../src/png/fonts/NotoSansArabic_700Bold.ttf'
import arabicRegular from '../../src/png/fonts/NotoSansArabic_400Regular.ttf'
import hebrewBold from '../../src/png/fonts/NotoSansHebrew_700Bold.ttf'
import hebrewRegular from '../../src/png/fonts/NotoSansHebrew_400Regular.ttf'
import latinBold from '../../src/png/fonts/NotoSans_700Bold.ttf'
import latinRegular from '../../src/png/fonts/NotoSans_400Regular.ttf'
import { forgetRendered } from '../../src/http/render-cache'
import { crc32 } from '../../src/png/encode'
import { rasteriseBytes } from '../../src/png/rasterise'
import { layoutWidget, widgets } from '../../widgets/index'
import { optionDefaults } from '../../widgets/options'
import { bundledStory, rawStory, SLUG } from '../fixtures'
import { ORIGIN, get, problem } from '../http'
import { decodePng } from '../png-decode'

const fontBuffers = [latinRegular, latinBold, arabicRegular, arabicBold, hebrewRegular, hebrewBold].map((b) => new Uint8Array(b))

/** resvg's own PNG of the whole picture at once: the reference a banded PNG must match. */
function onePiece(svg: string, scale: number): Uint8Array {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { fontBuffers, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' }, textRendering: 2 })
  const image = resvg.render()
  try {
    return image.asPng()
  } finally {
    image.free()
    resvg.free()
  }
}

/**
 * Rows down to 2048 device px must be the same bytes. Further down, the one-piece render
 * holds coordinates to 1/4096 px only, and an anti-aliased edge may come out a shade
 * different: at most one pixel in 20,000 there (6 of 351,000 is the most seen).
 */
function expectSamePixels(banded: Uint8Array, reference: Uint8Array, width: number, label: string) {
  expect(banded.length, label).toBe(reference.length)
  const exactUntil = Math.min(banded.length, 2048 * width * 4)
  let first = -1
  for (let i = 0; i < exactUntil; i++) {
    if (banded[i] !== reference[i]) {
      first = i
      break
    }
  }
  expect(first < 0 ? 'identical' : `differs at row ${Math.floor(first / (width * 4))}, x ${Math.floor((first % (width * 4)) / 4)}`, label).toBe('identical')
  let differing = 0
  for (let i = exactUntil; i < banded.length; i += 4) {
    if (banded[i] !== reference[i] || banded[i + 1] !== reference[i + 1] || banded[i + 2] !== reference[i + 2] || banded[i + 3] !== reference[i + 3]) differing++
  }
  expect(differing, label).toBeLessThanOrEqual(Math.ceil((banded.length - exactUntil) / 4 / 2e4))
}

describe('PNG chunks', () => {
  it('carry the CRC-32 that PNG and zlib use', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082)
  })
})

describe('a PNG drawn in bands', () => {
  const story = bundledStory()
  const cases = Object.values(widgets).flatMap((w) => [1, 2, 3].flatMap((scale) => ['en', 'ar'].map((locale) => ({ w, scale, locale }))))
  it.each(cases.map((c) => [`${c.w.id} at scale ${c.scale} in ${c.locale}`, c]))('%s has the pixels of a one-piece render', { timeout: 30_000 }, async (label, { w, scale, locale }) => {
    const opts = { ...optionDefaults(w.optionSpecs), width: 500, theme: 'light', locale }
    const layout = layoutWidget(w, story, opts)
    const { frame } = layout
    // Where both fit: the one-piece render holds the picture in memory several times over.
    if (frame.width * frame.height * scale * scale > 8_000_000) return
    const svg = w.render(layout as never)
    const banded = await decodePng(await rasteriseBytes(svg, { width: frame.width, height: frame.height, view: { x: 0, y: 0, width: frame.width, height: frame.height } }, scale, 200_000))
    const reference = await decodePng(onePiece(svg, scale))
    expect([banded.width, banded.height]).toEqual([reference.width, reference.height])
        expectSamePixels(banded.pixels, reference.pixels, banded.width, label)
  })

  it('is what the PNG route serves, in 64 KiB IDAT chunks', { timeout: 30_000 }, async () => {
    const res = await get(`/widgets/${SLUG}/statement-grid.png?scale=2&theme=dark`)
    expect(res.status).toBe(200)
    const served = await decodePng(new Uint8Array(await res.arrayBuffer()))
    const w = widgets['statement-grid']
    const svg = w.render(layoutWidget(w, bundledStory(), { ...optionDefaults(w.optionSpecs), theme: 'dark' } as never) as never)
    const reference = await decodePng(onePiece(svg, 2))
    expect([served.width, served.height]).toEqual([1520, reference.height])
    expect(served.chunks.filter((c) => c === 'IDAT').length).toBeGreaterThan(2)
    expectSamePixels(served.pixels, reference.pixels, served.width, 'served statement grid')
  })
})

describe('PNGs asked for at once', () => {
  it('are each drawn whole, in turn, and the same PNG asked twice is the same bytes', { timeout: 60_000 }, async () => {
    forgetRendered()
    const paths = ['toll-counter.png?width=420', 'blockade-duration.png?width=430&locale=he', 'statement-grid.png?width=440', 'toll-counter.png?width=450&scale=2']
    const responses = await Promise.all([...paths, ...paths].map((p) => get(`/widgets/${SLUG}/${p}`)))
    const bodies = await Promise.all(responses.map(async (r) => (expect(r.status).toBe(200), new Uint8Array(await r.arrayBuffer()))))
    for (let i = 0; i < paths.length; i++) {
      expect(bodies[i + paths.length], paths[i]).toEqual(bodies[i])
      const png = await decodePng(bodies[i])
      expect(png.width, paths[i]).toBe(paths[i].includes('scale=2') ? 900 : Number(/width=(\d+)/.exec(paths[i])![1]))
    }
  })
})

describe('PNG for print', () => {
  it.each(Object.keys(widgets))('draws %s at width 1600 and scale 3', async (id) => {
    const svg = await (await get(`/widgets/${SLUG}/${id}.svg?width=1600`)).text()
    const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)![1])
    const res = await get(`/widgets/${SLUG}/${id}.png?width=1600&scale=3`)
    expect(res.status).toBe(200)
    const png = await decodePng(new Uint8Array(await res.arrayBuffer()))
    expect([png.width, png.height]).toEqual([4800, height * 3])
    // The last band is drawn too: the bottom rows are the background, not empty.
    expect(png.pixels.subarray(png.pixels.length - 4)).toEqual(new Uint8Array([255, 255, 255, 255]))
  })

  it('refuses a PNG taller than 16384 px with a 400 naming scale, and draws it at a scale that fits', async () => {
    // 60 statements, one column at 280 px: taller than any image tool opens at scale 3.
    const current = await get(`/api/stories/${SLUG}`)
    const story = rawStory()
    story.statements = Array.from({ length: 60 }, (_, i) => ({ ...story.statements[i % story.statements.length], id: `s-${i}` }))
    const put = await SELF.fetch(`${ORIGIN}/api/stories/${SLUG}`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag')! },
      body: JSON.stringify({ ...story, note: 'Every statement three times over' }),
    })
    expect(put.status).toBe(200)
    const res = await get(`/widgets/${SLUG}/statement-grid.png?width=280&scale=3`)
    expect(res.status).toBe(400)
    expect((await problem(res))['invalid-params']).toEqual([{ name: 'scale', reason: expect.stringMatching(/^this PNG would be 840×\d+ px; PNGs are at most 16384 px tall/) }])
    const fits = await get(`/widgets/${SLUG}/statement-grid.png?width=280&scale=1`)
    expect(fits.status).toBe(200)
    expect((await decodePng(new Uint8Array(await fits.arrayBuffer()))).width).toBe(280)
  })
})
