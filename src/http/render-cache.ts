// Rendered bodies kept per isolate, keyed like their ETag (story version, route, options):
// a repeat request for the same version and options does no layout, markup or rasterising.
// SVG, JSON, CSV and embed pages are kept as strings, PNGs as bytes, under one bound on
// count and size; the least recently used go first.
const MAX_ENTRIES = 500
const MAX_BYTES = 16 * 1024 * 1024

type Body = string | Uint8Array

const entries = new Map<string, Body>()
let bytes = 0

const size = (body: Body) => (typeof body === 'string' ? body.length * 2 : body.byteLength)

/** The body kept under `key`, marked as the most recently used. */
export function recall<T extends Body>(key: string): T | undefined {
  const hit = entries.get(key)
  if (hit === undefined) return undefined
  entries.delete(key)
  entries.set(key, hit)
  return hit as T
}

/** Keeps `body` under `key`, making room by dropping the least recently used. */
export function remember<T extends Body>(key: string, body: T): T {
  const old = entries.get(key)
  if (old !== undefined) {
    entries.delete(key)
    bytes -= size(old)
  }
  entries.set(key, body)
  bytes += size(body)
  while (entries.size > MAX_ENTRIES || bytes > MAX_BYTES) {
    const [oldest, value] = entries.entries().next().value as [string, Body]
    entries.delete(oldest)
    bytes -= size(value)
  }
  return body
}

/** The string kept under `key`, or `render()`'s, kept from now on. */
export function cachedRender(key: string, render: () => string): string {
  return recall<string>(key) ?? remember(key, render())
}

/** Empties the cache, as a new isolate starts; tests use it to stand in for another isolate. */
export function forgetRendered(): void {
  entries.clear()
  bytes = 0
}
