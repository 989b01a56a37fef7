// The one place that decides ETag and Cache-Control (CONTRACT.md "HTTP"): the ETag is a
// digest of what a response is made from (story version, route, normalised options and
// the package version; a widget's, PNG's, embed page's and script's name the deploy too,
// src/env.ts codeRevision), never of unknown query parameters, so a host page's own
// parameters do not split caches, and a published version changes every ETag at once.
import type { Context } from 'hono'
import pkg from '../../package.json'

/** Latest version: a minute in browsers, longer in shared caches, served stale while refetched. */
const LATEST = 'public, max-age=60, s-maxage=600, stale-while-revalidate=86400'
/**
 * A pinned version's data never changes once published, but a retraction withdraws every
 * version of a story, pinned ones too (CONTRACT.md "v2: updates, corrections, retractions"):
 * so they are cached no longer than the latest, and a takedown reaches shared caches within
 * their s-maxage.
 */
const PINNED = LATEST

export interface CacheIdentity {
  /** Everything the response is made from, e.g. ['widget', slug, version, id, format, options]. */
  parts: (string | number)[]
  /** True when the request named its version: the response can never change. */
  pinned: boolean
  /** Served while the story store is down: cached only briefly and said so. */
  stale?: boolean
}

/** While the store is down: a few seconds, so that caches come back for the latest soon. */
const STALE = 'public, max-age=5, s-maxage=5'

// Most requests ask for one of a few widget URLs: each ETag is digested once per isolate.
const digested = new Map<string, string>()

export async function computeEtag(parts: (string | number)[]): Promise<string> {
  const key = [pkg.version, ...parts].join('\u0000')
  const known = digested.get(key)
  if (known) return known
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)))
  let hex = ''
  for (let i = 0; i < 12; i++) hex += digest[i].toString(16).padStart(2, '0')
  if (digested.size >= 5000) digested.clear()
  digested.set(key, `"${hex}"`)
  return `"${hex}"`
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  // Weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

/**
 * Sets ETag and Cache-Control for a cacheable GET. Returns a 304 response when the client
 * already has this representation, so the caller skips the work of making it.
 */
export async function cacheFor(c: Context, identity: CacheIdentity): Promise<Response | undefined> {
  return cacheAs(c, await computeEtag(identity.parts), identity)
}

/** cacheFor with the ETag made already: a body kept with its ETag (src/stored-bodies.ts). */
export function cacheAs(c: Context, etag: string, identity: Omit<CacheIdentity, 'parts'>): Response | undefined {
  c.header('ETag', etag)
  c.header('Cache-Control', identity.stale ? STALE : identity.pinned ? PINNED : LATEST)
  if (identity.stale) c.header('X-Factbox-Stale', 'the story store did not answer; this may not be the latest version')
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304)
  return undefined
}
