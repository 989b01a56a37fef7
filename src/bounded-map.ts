// The per-isolate caches of src/stories.ts (parsed versions, revisions, latest pointers,
// source digests) are Maps bounded by count: each set goes in last, and past the limit the
// entry set longest ago goes first. A Map iterates in insertion order, so that is its first.

/** Sets `key` to `value` as the newest entry of `map`, keeping at most `limit` entries. */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): V {
  map.delete(key)
  if (map.size >= limit) map.delete(map.keys().next().value as K)
  map.set(key, value)
  return value
}
