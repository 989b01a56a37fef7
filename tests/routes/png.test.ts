import { describe, expect, it } from 'vitest'
import { forgetRendered } from '../../src/http/render-cache'
import { widgets } from '../../widgets/index'
import { SLUG } from '../fixtures'
import { get, problem } from '../http'

const ids = Object.keys(widgets)

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
  const view = new DataView(bytes.buffer, bytes.byteOffset)
  expect(String.fromCharCode(...bytes.slice(12, 16))).toBe('IHDR')
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

async function png(path: string) {
  const res = await get(path)
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toBe('image/png')
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
}

async function svgHeight(path: string): Promise<number> {
  const svg = await (await get(path)).text()
  return Number(/<svg[^>]* height="(\d+)"/.exec(svg)![1])
}

describe('GET /widgets/{slug}/{widget}.png', () => {
  it.each(ids.flatMap((id) => ['en', 'ar', 'he'].map((locale) => [id, locale])))('%s in %s is a PNG the size of its SVG', async (id, locale) => {
    const { bytes } = await png(`/widgets/${SLUG}/${id}.png?locale=${locale}&width=500`)
    expect(pngSize(bytes)).toEqual({ width: 500, height: await svgHeight(`/widgets/${SLUG}/${id}.svg?locale=${locale}&width=500`) })
  })

  it('is width × scale wide at scale 2 and 3', async () => {
    const h = await svgHeight(`/widgets/${SLUG}/toll-counter.svg?width=400`)
    for (const scale of [2, 3]) {
      const { bytes } = await png(`/widgets/${SLUG}/toll-counter.png?width=400&scale=${scale}`)
      expect(pngSize(bytes)).toEqual({ width: 400 * scale, height: h * scale })
    }
  })

  it.each(ids)('preset=card makes %s a 1200×630 social card', async (id) => {
    expect(pngSize((await png(`/widgets/${SLUG}/${id}.png?preset=card`)).bytes)).toEqual({ width: 1200, height: 630 })
    expect(pngSize((await png(`/widgets/${SLUG}/${id}.png?preset=card&scale=2&locale=ar`)).bytes)).toEqual({ width: 2400, height: 1260 })
    const svg = await (await get(`/widgets/${SLUG}/${id}.svg?preset=card`)).text()
    expect(svg).toMatch(/<svg[^>]* width="1200" height="630" viewBox="[-\d. ]+"/)
  })

  it.each(['scale=0', 'scale=4', 'scale=1.5', 'preset=poster', 'width=100'])('refuses %s with a 400 problem', async (query) => {
    const res = await get(`/widgets/${SLUG}/toll-counter.png?${query}`)
    expect(res.status).toBe(400)
    expect((await problem(res))['invalid-params']![0].name).toBe(query.split('=')[0])
  })

  it('draws the 18-card statement grid at scale 3, which one-piece rendering refused over 8 million pixels', async () => {
    // 760 px wide and 1657 px tall: 2280×4971 at scale 3, 11.3 million pixels, drawn in bands.
    expect(pngSize((await png(`/widgets/${SLUG}/statement-grid.png?scale=3`)).bytes)).toEqual({ width: 2280, height: 4971 })
  })

  it('answers 304 to its ETag, which differs by scale', async () => {
    const { res } = await png(`/widgets/${SLUG}/blockade-duration.png`)
    const etag = res.headers.get('ETag')!
    expect((await get(`/widgets/${SLUG}/blockade-duration.png`, { 'If-None-Match': etag })).status).toBe(304)
    const { res: twice } = await png(`/widgets/${SLUG}/blockade-duration.png?scale=2`)
    expect(twice.headers.get('ETag')).not.toBe(etag)
  })

  it('keeps each PNG in the isolate and in the edge cache, which an isolate without it takes it from', { timeout: 20_000 }, async () => {
    const path = `/widgets/${SLUG}/statement-grid.png?width=300&theme=dark`
    const first = await png(path)
    const cache = await caches.open('factbox-png')
    const key = `https://png.factbox.internal/${first.res.headers.get('ETag')!.replace(/"/g, '')}`
    let cached: Response | undefined
    for (let i = 0; i < 50 && !cached; i++) {
      cached = await cache.match(key)
      if (!cached) await new Promise((r) => setTimeout(r, 20))
    }
    expect(new Uint8Array(await cached!.arrayBuffer())).toEqual(first.bytes)
    // Replace the edge cache's copy: this isolate still answers from memory, whole, every time.
    await cache.put(key, new Response(first.bytes.slice(0, 100), { headers: { 'Cache-Control': 'max-age=60' } }))
    for (let i = 0; i < 3; i++) expect((await png(path)).bytes).toEqual(first.bytes)
    // An isolate that has not drawn it takes the edge cache's copy: no new render.
    forgetRendered()
    expect((await png(path)).bytes.length).toBe(100)
    // One full-length statement grid rasterised and put in the edge cache: 2–4 s alone on this
    // 2-core machine, over vitest's 5 s default while the other test files run beside it.
  })

  it('draws theme=auto as the light theme: resvg has no prefers-color-scheme', async () => {
    const auto = (await png(`/widgets/${SLUG}/toll-counter.png?theme=auto&width=320`)).bytes
    const light = (await png(`/widgets/${SLUG}/toll-counter.png?theme=light&width=320`)).bytes
    const dark = (await png(`/widgets/${SLUG}/toll-counter.png?theme=dark&width=320`)).bytes
    expect(auto).toEqual(light)
    expect(dark).not.toEqual(light)
  })
})

describe('social cards on embed pages', () => {
  it('point og:image and twitter:image at the card', async () => {
    const html = await (await get(`/embed/${SLUG}/toll-counter?locale=ar`)).text()
    expect(html).toContain(`<meta property="og:image" content="http://factbox.test/widgets/${SLUG}/toll-counter.png?locale=ar&amp;preset=card"/>`)
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>')
  })
})
