// Pieces of layout every widget uses the same way: margins, the header, the footer notes,
// and the invalid-params entries a story-dependent option check returns.
import { BoundedCache } from './bounded-cache'
import { type LocaleFormat } from './locale'
import { type Localized, type Story, localize } from './story'
import { type PlacedText, type TextLine, placeText } from './text-block'

/** A gallery and documentation example: query options as a page would write them. */
export interface Example {
  title: string
  options: Record<string, string>
}

export interface InvalidParam {
  name: string
  reason: string
}

/** Outer margin: tighter on phone-width embeds. */
export function margin(width: number): number {
  return width < 480 ? 16 : 24
}

export interface Header {
  lines: TextLine[]
  bottom: number
}

/** Widget title and the story headline under it. */
export function placeHeader(title: string, story: Story, fmt: LocaleFormat, width: number): Header {
  const pad = margin(width)
  const inner = width - 2 * pad
  const titleText = placeText(title, pad, pad, inner, { size: width < 480 ? 18 : 20, weight: 'bold', role: 'fg', dir: fmt.dir, script: fmt.script, leading: 1.3 })
  const top = pad + titleText.height + 2
  const sub = placeText(localize(story.headline, fmt.locale), pad, top, inner, { size: 13, role: 'muted', dir: fmt.dir, script: fmt.script })
  return { lines: [...titleText.lines, ...sub.lines], bottom: top + sub.height }
}

/** Footer notes, muted and small, one paragraph each, from `top` down. */
export function placeFooter(notes: string[], fmt: LocaleFormat, width: number, top: number): PlacedText {
  const pad = margin(width)
  const lines: TextLine[] = []
  let y = top
  for (const note of notes) {
    const placed = placeText(note, pad, y, width - 2 * pad, { size: 12, role: 'muted', dir: fmt.dir, script: fmt.script })
    lines.push(...placed.lines)
    y += placed.height + 2
  }
  return { lines, height: y - top }
}

/** Ids a list option names that the story does not have. */
export function unknownIds(name: string, wanted: string[] | undefined, known: { id: string }[], what: string): InvalidParam[] {
  if (!wanted) return []
  const ids = new Set(known.map((k) => k.id))
  const missing = wanted.filter((id) => !ids.has(id))
  if (!missing.length) return []
  return [{ name, reason: `no ${what} with id ${missing.map((m) => `"${m}"`).join(', ')} in this story; known: ${[...ids].join(', ')}` }]
}

/** Items picked by an id list option, in its order, or all of them. */
export function pick<T extends { id: string }>(items: T[], ids: string[] | undefined): T[] {
  if (!ids) return items
  const byId = new Map(items.map((item) => [item.id, item]))
  return [...new Set(ids)].map((id) => byId.get(id)).filter((item): item is T => item !== undefined)
}

/**
 * The sentences readers are given about this version (widgets/revision.ts): "Updated {date}:
 * …" for the last update that has one, "Corrected {date}: …" for each correction that still
 * stands. Only the editor's public note is printed; the version history's note never is.
 */
export function readerNotes(story: Story, fmt: LocaleFormat): string[] {
  const m = fmt.messages
  // The note keeps its own direction inside an Arabic or Hebrew sentence (FSI … PDI).
  return (story.revision?.notes ?? []).map((n) => (n.kind === 'correction' ? m.corrected : m.updated)(fmt.longDate(n.day), `\u2068${n.note}\u2069`))
}

export function text(value: Localized, fmt: LocaleFormat): string {
  return localize(value, fmt.locale)
}

// What a widget says (its labels, formatted numbers and dates, notes and the description's
// sentences) depends on the story, the locale and the items shown, never on width or theme.
// Each widget makes it once per parsed story and key and every layout shares it: layouts
// then only measure and place, the word-measuring cache finds the same strings, and markup
// keeps one escaped <desc> per sentences array. What is made must not be changed after.
//
// One map for every story, bounded by count and by size: an entry is a few kilobytes for
// the bundled story (the statement grid's sentences are the largest), about 130 KB for one
// at the schema's limits (60 statements of 1,000 characters). 600 entries serve three
// widgets of 200 stories at once (npm run bench:stories); the size of each, the length of
// its JSON when made, caps the whole at 4 million characters, about 8 MB, whatever the
// stories. The least recently used go first; an entry evicted here is made again, not lost.
const storyIds = new WeakMap<Story, number>()
let nextStoryId = 0
const said = new BoundedCache<string, unknown>(600, 4_000_000)

/** What `make` returns for this story and `key` (the widget id and every option it reads), made once. */
export function perStory<T>(story: Story, key: string, make: () => T): T {
  let storyId = storyIds.get(story)
  if (storyId === undefined) storyIds.set(story, (storyId = nextStoryId++))
  const full = `${storyId}|${key}`
  if (said.has(full)) return said.get(full) as T
  const made = make()
  return said.set(full, made, full.length + (JSON.stringify(made)?.length ?? 0)) as T
}
