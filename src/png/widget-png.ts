// A widget's PNG for a story version and options: from this isolate's memory, else from the
// location's Cache API, else from the PNGs drawn at publish time (Workers KV, every
// location), else drawn, streamed out and kept in the first two. The PNG route and the
// drawing done when a version is published (prerender.ts) share it, so both keep a PNG
// under the same key as its ETag; what publishing draws is also written to KV.
import { type WidgetModule, layoutWidget } from '../../widgets/index'
import type { Story } from '../../widgets/story'
import type { Frame } from '../../widgets/svg'
import { computeEtag } from '../http/caching'
import { invalidParams } from '../http/problem'
import { recall, remember } from '../http/render-cache'
import { MAX_PNG_HEIGHT, MAX_PNG_PIXELS } from './options'
import { rasterise } from './rasterise'

/** PNGs larger than this are kept in the Cache API only, not in the isolate's memory. */
const MAX_KEPT_IN_ISOLATE = 1024 * 1024

const CACHE_NAME = 'factbox-png'

export interface WidgetPng {
  widget: WidgetModule<any>
  story: Story
  version: number
  /** Parsed options without `version` and `scale`, as every widget route resolves them. */
  opts: any
  normalised: string
  scale: number
  /** The code drawing it (src/env.ts codeRevision). */
  revision: string
}

/** What a PNG is made from: also its ETag's parts. */
export function pngParts(p: Pick<WidgetPng, 'story' | 'version' | 'widget' | 'scale' | 'normalised' | 'revision'>): (string | number)[] {
  return ['widget', p.revision, p.story.slug, p.version, p.widget.id, 'png', p.scale, p.normalised]
}

/** The Cache API request a PNG is kept under (a host of our own: it is never fetched). */
export async function pngCacheKey(parts: (string | number)[]): Promise<Request> {
  return new Request(`https://png.factbox.internal/${(await computeEtag(parts)).replace(/"/g, '')}`)
}

function checkSize(frame: Frame, scale: number): void {
  const width = Math.ceil((frame.outer?.width ?? frame.width) * scale)
  const height = Math.ceil((frame.outer?.height ?? frame.height) * scale)
  if (height <= MAX_PNG_HEIGHT && width * height <= MAX_PNG_PIXELS) return
  const size = `${width}×${height} px`
  throw invalidParams([{
    name: scale > 1 ? 'scale' : 'width',
    reason: `this PNG would be ${size}; PNGs are at most ${MAX_PNG_HEIGHT} px tall and ${MAX_PNG_PIXELS / 1e6} million pixels: ${scale > 1 ? 'use a smaller scale, or the SVG' : 'use a wider width, fewer items, or the SVG'}`,
  }])
}

// One PNG is drawn at a time in an isolate. Drawing is CPU-bound, so taking turns costs no
// throughput, and a band of pixels is then all the memory drawing holds: interleaved at
// their awaits, 32 requests for new PNGs would hold 32 bands. A request waiting its turn
// polls this isolate's memory rather than awaiting the drawing request's promise (Workers
// do not let a request wait on another's I/O), and takes the PNG if the turn before it
// kept the one it wants.
let drawing = false
let turnStarted = 0
const TURN_POLL_MS = 5
/** A turn held longer than this was abandoned (its request went away mid-drawing): it lapses. */
const MAX_TURN_MS = 60_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitForTurn(key: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  while (drawing && Date.now() - turnStarted < MAX_TURN_MS) {
    await sleep(TURN_POLL_MS)
    const kept = recall<Uint8Array<ArrayBuffer>>(key)
    if (kept) return kept
  }
  drawing = true
  turnStarted = Date.now()
  return undefined
}

/** Where a PNG is kept everywhere: Workers KV, and what this request does there. */
export interface PublishedPngs {
  kv: KVNamespace
  /**
   * `publish`: write it, drawn or found (a publish draws). `read`: look there before drawing.
   * `fill`: look there, and write it if this request had to draw it: a reader's request for
   * a PNG that publishing draws (the card, the default) which no publish drew, as the bundled
   * story's, so that other locations read what one location drew.
   */
  mode: 'publish' | 'read' | 'fill'
}
// PNGs drawn at publish stay in KV for 30 days: long after readers have moved on to a newer
// version, and then they go without anyone deleting them. KV takes values up to 25 MiB.
const PUBLISHED_TTL_S = 30 * 24 * 3600
const MAX_PUBLISHED_BYTES = 25 * 1024 * 1024

/** The key of a PNG in KV: its ETag, as in the Cache API. */
const kvKey = (cacheKey: Request) => `png/${new URL(cacheKey.url).pathname.slice(1)}`

async function putInCache(cacheKey: Request, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const cache = await caches.open(CACHE_NAME)
  await cache.put(cacheKey, new Response(bytes, { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=31536000' } }))
}

async function keep(body: ReadableStream<Uint8Array>, key: string, cacheKey: Request, published?: PublishedPngs): Promise<void> {
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = new Uint8Array(await new Response(body).arrayBuffer())
    if (bytes.byteLength <= MAX_KEPT_IN_ISOLATE) remember(key, bytes)
  } finally {
    // The turn ends once the PNG is drawn and kept, or has failed.
    drawing = false
  }
  await putInCache(cacheKey, bytes)
  if (published && published.mode !== 'read' && bytes.byteLength <= MAX_PUBLISHED_BYTES) await published.kv.put(kvKey(cacheKey), bytes, { expirationTtl: PUBLISHED_TTL_S })
}

/**
 * The PNG, as bytes when it was kept, or as a stream being drawn. A drawn one is kept by
 * `ctx.waitUntil` as it streams (the reader's copy and the kept copy are the same bands),
 * so a reader who leaves early still leaves it kept.
 */
export async function widgetPng(ctx: Pick<ExecutionContext, 'waitUntil'>, p: WidgetPng, published?: PublishedPngs): Promise<Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array<ArrayBuffer>>> {
  const parts = pngParts(p)
  const key = parts.join('|')
  // A reader's PNG kept in this isolate costs one map lookup: no digest for the cache key.
  const kept = recall<Uint8Array<ArrayBuffer>>(key)
  const publishing = published?.mode === 'publish'
  if (kept && !publishing) return kept
  const cacheKey = await pngCacheKey(parts)
  // A publish that finds the PNG drawn already (a reader was quicker) still writes it to KV.
  const publish = (bytes: Uint8Array<ArrayBuffer>) => {
    if (publishing && bytes.byteLength <= MAX_PUBLISHED_BYTES) ctx.waitUntil(published.kv.put(kvKey(cacheKey), bytes, { expirationTtl: PUBLISHED_TTL_S }))
    return bytes
  }
  if (kept) return publish(kept)
  const cached = await (await caches.open(CACHE_NAME)).match(cacheKey).then((hit) => hit?.arrayBuffer())
  if (cached) {
    const bytes = new Uint8Array(cached)
    if (bytes.byteLength <= MAX_KEPT_IN_ISOLATE) remember(key, bytes)
    return publish(bytes)
  }
  // Drawn when its version was published, maybe in another location: one KV read, not resvg.
  // (KV reaches other locations within about a minute; until then they draw it themselves.)
  if (published && !publishing) {
    const stored = await published.kv.get(kvKey(cacheKey), 'arrayBuffer').catch(() => null)
    if (stored) {
      const bytes = new Uint8Array(stored)
      if (bytes.byteLength <= MAX_KEPT_IN_ISOLATE) remember(key, bytes)
      ctx.waitUntil(putInCache(cacheKey, bytes).catch(() => undefined))
      return bytes
    }
  }
  // Only a PNG that is not kept yet is laid out and measured: every kept one passed.
  const layout = layoutWidget(p.widget, p.story, p.opts)
  const frame = layout.frame
  checkSize(frame, p.scale)
  const picture = { width: frame.outer?.width ?? frame.width, height: frame.outer?.height ?? frame.height, view: frame.view ?? { x: 0, y: 0, width: frame.width, height: frame.height } }
  const svg = p.widget.render(layout as never)
  const keptMeanwhile = await waitForTurn(key)
  if (keptMeanwhile) return publish(keptMeanwhile)
  let body: ReadableStream<Uint8Array<ArrayBuffer>>
  try {
    body = (await rasterise(svg, picture, p.scale)).body
  } catch (err) {
    drawing = false
    throw err
  }
  // The reader's copy and the kept copy are the same bands: the kept copy reads as fast as
  // they are drawn, so the turn ends when drawing does, however slowly the reader reads.
  const [forReader, forKeeping] = body.tee()
  ctx.waitUntil(keep(forKeeping, key, cacheKey, published).catch((err) => console.error('PNG not kept:', err instanceof Error ? err.message : err)))
  return forReader
}
