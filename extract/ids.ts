// Ids: kebab-case slugs of an item's first meaningful words, unique within their list.

const STOP = new Set('a an the of in on at to for and or but by with from as is are was were be been has have had its their his her it this that these those who which than then there since into over per'.split(' '))

export function slugWords(text: string, max = 4): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w))
  return words.slice(0, max).join('-').slice(0, 48).replace(/-+$/, '')
}

/** Hands out ids from words, adding -2, -3 … where a list already has one. */
export class IdMaker {
  private readonly seen = new Set<string>()
  private readonly next = new Map<string, number>()
  constructor(private readonly fallback: string) {}

  make(words: string): string {
    const base = slugWords(words) || this.fallback
    let id = base
    for (let i = this.next.get(base) ?? 2; this.seen.has(id); i++) {
      id = `${base}-${i}`
      this.next.set(base, i + 1)
    }
    this.seen.add(id)
    return id
  }
}
