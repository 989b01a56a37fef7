// The per-isolate caches (parsed story versions, revisions, latest pointers, source
// digests in src/stories.ts; what a widget says of a story in common.ts) are Maps bounded
// by count and, where entries vary in size, by a total size: each entry set or read goes
// last, and past either bound the least recently used go first. A Map iterates in
// insertion order, so that is its first entry.

export class BoundedCache<K, V> {
  private readonly map = new Map<K, { value: V; size: number }>()
  private total = 0

  /**
   * @param limit the most entries kept
   * @param maxSize the most total size kept (sizes are given to `set`); one entry larger
   *   than it is still kept, alone, until the next
   * @param onEvict told of each key evicted, so what is derived from it can go too
   */
  constructor(
    private readonly limit: number,
    private readonly maxSize = Number.POSITIVE_INFINITY,
    private readonly onEvict?: (key: K) => void,
  ) {}

  get size(): number {
    return this.map.size
  }

  /** The total size of what is kept. */
  get weight(): number {
    return this.total
  }

  /** The value, marked as the most recently used. */
  get(key: K): V | undefined {
    const entry = this.map.get(key)
    if (entry === undefined) return undefined
    this.map.delete(key)
    this.map.set(key, entry)
    return entry.value
  }

  /** The value, without marking it used. */
  peek(key: K): V | undefined {
    return this.map.get(key)?.value
  }

  has(key: K): boolean {
    return this.map.has(key)
  }

  set(key: K, value: V, size = 0): V {
    this.delete(key)
    this.map.set(key, { value, size })
    this.total += size
    while (this.map.size > this.limit || (this.total > this.maxSize && this.map.size > 1)) {
      const oldest = this.map.keys().next().value as K
      this.delete(oldest)
      this.onEvict?.(oldest)
    }
    return value
  }

  delete(key: K): void {
    const entry = this.map.get(key)
    if (entry === undefined) return
    this.map.delete(key)
    this.total -= entry.size
  }

  clear(): void {
    this.map.clear()
    this.total = 0
  }

  keys(): IterableIterator<K> {
    return this.map.keys()
  }
}
