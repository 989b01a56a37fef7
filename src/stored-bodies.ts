// A new isolate's first response for a story, without drawing (issue #15): the SVG, JSON,
// CSV and embed page of each widget at its default options, for the latest version, are
// made when the version is published (src/prerender.ts) and kept in Workers KV for
// every location. The first request for a slug in an isolate asks D1 which version is the
// latest and KV for the body at once; the body is served when it is of that version, so a
// KV copy that is behind (KV reaches other locations within about a minute) is never
// served: the route draws instead, as it would without KV.
//
// A reader who had to draw one (the bundled story, which no publish drew, or a version
// whose KV copy had not arrived) writes it, as for the PNGs publishing draws. Only the
// default options are kept: they are what embed codes and a plain <img> link, and their
// number is bounded. Keys name the deployed code (CF_VERSION_METADATA), so that a deploy
// never serves bodies an older version of the worker made.
import type { WidgetModule } from '../widgets/index'
import { quickOptions } from '../widgets/options'
import { type Env, codeRevision } from './env'
import { recall, remember } from './http/render-cache'
import { type LatestVersion, knowsLatest, readLatestVersion, validSlug } from './stories'
import type { BodyFormat } from './widget-bodies'

/** What a stored body is, besides its text: which version it is of, and its response's ETag and cache key. */
interface Stored extends LatestVersion {
  etag: string
  /** Its key in this isolate's render cache (src/http/render-cache.ts), as the route makes it. */
  key: string
}

export interface StoredBody extends Stored {
  body: string
  /** The store did not answer: this is the version published last that KV holds, maybe not the latest. */
  stale?: boolean
}

const TTL_S = 30 * 24 * 3600
/** KV keys are at most 512 bytes; an origin longer than fits is not stored. */
const MAX_KEY_BYTES = 512
const MAX_METADATA_CHARS = 1000

const defaults = new Map<string, string>()
/** The options a widget is drawn with when a request names none, as routes normalise them. */
function defaultOptions(widget: WidgetModule<any>): string {
  let made = defaults.get(widget.id)
  if (made === undefined) {
    made = JSON.stringify(quickOptions(widget.optionSpecs, {}))
    defaults.set(widget.id, made)
  }
  return made
}

/**
 * Where the body for a request is kept, if it is one publishing stores: a widget at its
 * default options (pinned to no version) as SVG, JSON or CSV, or its embed page at them
 * with no fixed width. `opts` are the request's parsed options; `url` gives the request's URL.
 */
export function storedRoute(env: Env, widget: WidgetModule<any>, format: BodyFormat, slug: string, opts: Record<string, unknown>, url: () => URL): string | undefined {
  if (!env.PUBLISHED_PNGS || !validSlug(slug)) return undefined
  const { version, ...rest } = opts
  if (version !== undefined || JSON.stringify(rest) !== defaultOptions(widget)) return undefined
  if (format === 'embed' && url().searchParams.has('width')) return undefined
  const key = `body/${codeRevision(env)}/${slug}/${widget.id}.${format}${format === 'embed' ? `/${url().origin}` : ''}`
  return new TextEncoder().encode(key).byteLength <= MAX_KEY_BYTES ? key : undefined
}

/** What a request that may be answered from KV found there. */
export interface Lookup {
  /** The body, of the latest version. */
  found?: StoredBody
  /** Nothing of the latest version was there: the route draws it and writes it (`keep`) as of this version. */
  fill?: LatestVersion
}

/**
 * For the first request for `slug` in this isolate: which version is the latest (D1) and
 * what KV keeps under `route`, asked at once. Later requests are served from this
 * isolate's memory and pointers as before, and look nothing up.
 */
export async function lookUp(env: Env, slug: string, route: string | undefined): Promise<Lookup> {
  const kv = env.PUBLISHED_PNGS
  if (!kv || route === undefined || knowsLatest(slug)) return {}
  const [latest, kept] = await Promise.all([
    readLatestVersion(env.DB, slug).catch(() => 'unanswered' as const),
    kv.getWithMetadata<Stored>(route, 'text').catch(() => null),
  ])
  const meta = kept?.metadata
  // D1 did not answer. A new isolate has no version of its own to stand in (src/stories.ts),
  // but the body published last stands in as that would, marked stale; never the bundled
  // story's, since a version (a retraction) may have been published over it. Without one
  // the route answers 503.
  if (latest === 'unanswered') return kept?.value != null && meta && meta.storedAt !== 'bundled' ? { found: { ...meta, body: kept.value, stale: true } } : {}
  // No story: the route says so, as it would without KV.
  if (latest === undefined) return {}
  if (kept?.value == null || !meta || meta.version !== latest.version || meta.storedAt !== latest.storedAt) return { fill: latest }
  // Kept in memory as the route keeps what it draws, so this isolate's next one is a lookup.
  if (recall(meta.key) === undefined) remember(meta.key, kept.value)
  return { found: { ...meta, body: kept.value } }
}

/** Writes a body to KV under `route`: publishing does, and a reader who had to draw it. */
export async function keep(env: Env, route: string, body: StoredBody): Promise<void> {
  const { body: text, ...meta } = body
  // KV keeps up to 1024 bytes of metadata with a value: a longer cache key is not stored.
  if (JSON.stringify(meta).length > MAX_METADATA_CHARS) return
  await env.PUBLISHED_PNGS?.put(route, text, { metadata: meta, expirationTtl: TTL_S })
}
