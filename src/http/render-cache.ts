// Rendered bodies kept per isolate, keyed like their ETag (story version, route, options):
// a repeat request for the same version and options does no layout or markup. Bounded
// by count and bytes; the oldest entries go first.
const MAX_ENTRIES = 500
const MAX_BYTES = 16 * 1024 * 1024

const entries = new Map<string, string>()
let bytes = 0

export function cachedRender(key: string, render: () => string): string {
  const hit = entries.get(key)
  if (hit !== undefined) {
    // Most recently used last, so eviction takes the least recently used.
    entries.delete(key)
    entries.set(key, hit)
    return hit
  }
  const body = render()
  entries.set(key, body)
  bytes += body.length * 2
  while (entries.size > MAX_ENTRIES || bytes > MAX_BYTES) {
    const [oldest, value] = entries.entries().next().value as [string, string]
    entries.delete(oldest)
    bytes -= value.length * 2
  }
  return body
}
