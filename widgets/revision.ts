// What readers are told about a version from the versions before it (CONTRACT.md "v2:
// updates, corrections, retractions", issue #13). Pure: the history comes in as
// arguments, oldest first, ending with the version shown; src/stories.ts loads it.
//
// - An update moves the world on: a figure whose `asOf` moved shows its change against its
//   value at its previous as-of ("up 133 since 6 May 2025"), the value the newest version of
//   that as-of gave, so an earlier correction is already in it. A figure whose as-of did not
//   move has no change line, whatever an editor published over it in between.
// - A correction fixes an error: "Corrected {date}: {publicNote}", and the figures it
//   changed carry a mark and no change line. It stands while those figures still show the
//   corrected value and as-of (a correction that changed no figure stands until the story's
//   `asOf` moves); after that it lives in the corrections feed only.
// - The newest update with a sentence for readers shows as "Updated {date}: {publicNote}".
//   The version history's `note` is for editors and never reaches a reader.
// - A retraction withdraws the story: every version of it, for as long as it is the latest.
import type { Figure, Story } from './story'

export type VersionKind = 'update' | 'correction' | 'retraction'

/** One published version as the history knows it. */
export interface VersionRecord {
  version: number
  kind: VersionKind
  publicNote: string | null
  /** The instant it was published, ISO 8601 (UTC). */
  publishedAt: string
  story: Story
}

/** A sentence for readers, dated by the story's own calendar day of the publish. */
export interface ReaderNote {
  kind: 'update' | 'correction'
  version: number
  /** YYYY-MM-DD in the story's time zone. */
  day: string
  note: string
}

export interface Withdrawal {
  /** The retraction's version. */
  version: number
  day: string
  note: string
}

export interface Revision {
  /** Newest first: the last update's sentence and the corrections that still stand. */
  notes: ReaderNote[]
  /** Figures a standing correction changed: marked, and never given a change line. */
  corrected: readonly string[]
  /** Per figure whose as-of moved: its value at the previous as-of, and that as-of. */
  changes: Record<string, { previous: number; since: string }>
  withdrawn?: Withdrawal
}

/** Corrections shown on a widget at once; older ones are in the corrections feed. */
const MAX_CORRECTIONS_SHOWN = 3

export const DEFAULT_TIME_ZONE = 'UTC'

const dayFormats = new Map<string, Intl.DateTimeFormat>()

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    if (dayFormats.size >= 100) dayFormats.clear()
    dayFormats.set(timeZone, f)
  }
  return f
}

/** True for a time zone name Intl knows (IANA names such as "Europe/Paris", and "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    dayFormat(name)
    return true
  } catch {
    return false
  }
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function localDay(instant: string, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(new Date(instant))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`
}

/** A figure as the corrections feed gives it, before or after a version. */
export interface FigureState {
  value: number
  qualifier: string | null
  asOf: string
  date: string | null
}

export interface FigureChange {
  id: string
  /** The figure's label in the story's language, as the newer version has it when it has one. */
  label: string
  /** null: the figure is new in this version. */
  before: FigureState | null
  /** null: this version dropped the figure. */
  after: FigureState | null
}

function state(f: Figure): FigureState {
  return { value: f.value, qualifier: f.qualifier ?? null, asOf: f.asOf, date: f.date ?? null }
}

const label = (f: Figure, story: Story) => f.label[story.language] ?? Object.values(f.label).find((l) => l !== undefined) ?? f.id

/** Every figure whose value, qualifier, precision, as-of, date or label differs between two versions. */
export function figureChanges(before: Story | undefined, after: Story): FigureChange[] {
  const out: FigureChange[] = []
  const old = new Map((before?.figures ?? []).map((f) => [f.id, f]))
  for (const f of after.figures) {
    const was = old.get(f.id)
    old.delete(f.id)
    if (was && was.value === f.value && was.qualifier === f.qualifier && was.precision === f.precision && was.asOf === f.asOf && was.date === f.date && label(was, before as Story) === label(f, after)) continue
    out.push({ id: f.id, label: label(f, after), before: was ? state(was) : null, after: state(f) })
  }
  if (before) for (const was of old.values()) out.push({ id: was.id, label: label(was, before), before: state(was), after: null })
  return out
}

const figureOf = (v: VersionRecord, id: string) => v.story.figures.find((f) => f.id === id)

/** The reporting version before `i`: retractions report nothing. */
function reportedBefore(history: readonly VersionRecord[], i: number): VersionRecord | undefined {
  for (let k = i - 1; k >= 0; k--) if (history[k].kind !== 'retraction') return history[k]
  return undefined
}

/** Notes, marks and change lines for the last version of `history` (oldest first). */
export function revise(history: readonly VersionRecord[]): Revision {
  const shown = history[history.length - 1]
  const timeZone = shown.story.timeZone ?? DEFAULT_TIME_ZONE
  const changes: Revision['changes'] = {}
  for (const f of shown.story.figures) {
    for (let k = history.length - 2; k >= 0; k--) {
      if (history[k].kind === 'retraction') continue
      const then = figureOf(history[k], f.id)
      if (!then) break
      if (then.asOf < f.asOf) {
        if (then.value !== f.value) changes[f.id] = { previous: then.value, since: then.asOf }
        break
      }
    }
  }

  const notes: ReaderNote[] = []
  const note = (kind: ReaderNote['kind'], v: VersionRecord) => ({ kind, version: v.version, day: localDay(v.publishedAt, timeZone), note: v.publicNote as string })
  const update = [...history].reverse().find((v) => v.kind === 'update' && v.publicNote)
  if (update) notes.push(note('update', update))

  const corrected = new Set<string>()
  let shownCorrections = 0
  for (let i = history.length - 1; i >= 1 && shownCorrections < MAX_CORRECTIONS_SHOWN; i--) {
    const c = history[i]
    if (c.kind !== 'correction' || !c.publicNote) continue
    const previous = reportedBefore(history, i)
    const fixed = previous ? figureChanges(previous.story, c.story).filter((x) => x.after).map((x) => x.id) : []
    const stands = fixed.length
      ? fixed.every((id) => {
          const now = figureOf(shown, id)
          const then = figureOf(c, id) as Figure
          return now !== undefined && now.value === then.value && now.asOf === then.asOf
        })
      : shown.story.asOf === c.story.asOf
    if (!stands) continue
    shownCorrections++
    notes.push(note('correction', c))
    for (const id of fixed) corrected.add(id)
  }
  notes.sort((a, b) => b.version - a.version)
  return { notes, corrected: [...corrected], changes }
}

/**
 * The retraction that withdraws the version shown: the latest version's, when the latest is
 * a retraction (older versions too), else the shown version's own, when it is one.
 */
export function withdrawal(shown: VersionRecord, latest: VersionRecord): Withdrawal | undefined {
  const by = latest.kind === 'retraction' ? latest : shown.kind === 'retraction' ? shown : undefined
  if (!by) return undefined
  return { version: by.version, day: localDay(by.publishedAt, by.story.timeZone ?? DEFAULT_TIME_ZONE), note: by.publicNote ?? '' }
}
