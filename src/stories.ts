// Where stories come from: the versions published to D1, and under them the bundled
// dataset in data/, which serves as version 1 until something is published over it.
// Versions never change, so each is parsed once per isolate; which version is the latest
// is remembered for a second, and at once in the isolate that publishes.
import type { Story } from '../widgets/story'
import { notFound } from './http/problem'
import { type VersionRow, getVersion, latestVersion } from './store'

export interface StoryVersion {
  story: Story
  version: number
  publishedAt: string
  author: string
  note: string
  /** Served from this isolate's memory because the store did not answer: maybe not the latest. */
  stale?: boolean
}

// The bundled datasets, imported when first asked for: imported statically, each would be
// built as an object literal while every isolate starts (issue #7).
const bundled: Record<string, () => Promise<{ default: unknown }>> = {
  'gaza-2025-05-06': () => import('../data/gaza-2025-05-06.json'),
}
const LATEST_TTL_MS = 1000
const PARSED_LIMIT = 200

const parsed = new Map<string, StoryVersion>()
const latest = new Map<string, { version: number; at: number }>()
const refreshing = new Set<string>()
const FIRST_ANSWER_WAIT_MS = 100
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Forgets every version and pointer, as a new isolate starts; tests use it to stand in for one. */
export function forgetStories(): void {
  parsed.clear()
  latest.clear()
  changed.clear()
}

export function storySlugs(): string[] {
  return Object.keys(bundled)
}

export function isKnownStory(slug: string): boolean {
  return Object.hasOwn(bundled, slug)
}

/** The bundled dataset as version 1. A dataset in data/ that fails validation is a build defect. */
export async function bundledVersion(slug: string): Promise<StoryVersion> {
  const key = `${slug}@bundled`
  let v = parsed.get(key)
  if (!v) {
    // Validated where it is written, not on every isolate's first read: building the schema
    // is most of a new isolate's first widget response (issue #15). Tests hold the bundled
    // file to be exactly what parseStory makes of it (tests/routes/cold-reads.test.ts).
    const story = (await bundled[slug]()).default as Story
    v = { story, version: 1, publishedAt: `${story.published}T00:00:00Z`, author: 'factbox', note: 'Bundled dataset' }
    parsed.set(key, v)
    // Version 1 is this dataset until something is published, and as stored after that.
    parsed.set(`${slug}@1`, v)
  }
  return v
}

function remember(key: string, v: StoryVersion): StoryVersion {
  if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value as string)
  parsed.set(key, v)
  return v
}

/** A stored version, parsed; corrected versions carry the editor's note for the widgets. */
function fromRow(row: VersionRow & { dataset: string }): StoryVersion {
  const key = `${row.slug}@${row.version}`
  const cached = parsed.get(key)
  if (cached) return cached
  // Stored as parseStory's output when it was published (routes/admin.ts): read as it is.
  const stored = JSON.parse(row.dataset) as Story
  const story = row.version > 1 ? { ...stored, updated: { date: row.published_at.slice(0, 10), note: row.note } } : stored
  return remember(key, { story, version: row.version, publishedAt: row.published_at, author: row.author, note: row.note })
}

/** Records a publish in this isolate at once, so its next request serves the new version. */
export function notePublished(slug: string, version: number): void {
  latest.set(slug, { version, at: Date.now() })
}

/** The story at `version`, or the latest when omitted, with what changed in its figures. */
export async function loadStory(db: D1Database, slug: string, version?: number): Promise<StoryVersion> {
  const v = await loadVersion(db, slug, version)
  const withHistory = await withChanges(db, v)
  return v.stale ? { ...withHistory, stale: true } : withHistory
}

const MAX_HISTORY = 50
const changed = new Map<string, StoryVersion>()

/**
 * For each figure whose value differs from an earlier version, that earlier value and
 * its as-of date ("up 33 since 6 May"): the newest earlier version with another value.
 */
async function withChanges(db: D1Database, v: StoryVersion): Promise<StoryVersion> {
  if (v.version === 1) return v
  const key = `${v.story.slug}@${v.version}`
  const done = changed.get(key)
  if (done) return done
  const changes: Record<string, { previous: number; since: string }> = {}
  const pending = new Map(v.story.figures.map((f) => [f.id, f.value]))
  for (let k = v.version - 1; k >= Math.max(1, v.version - MAX_HISTORY) && pending.size; k--) {
    const older = await loadVersion(db, v.story.slug, k).catch(() => undefined)
    if (!older) continue
    for (const [id, value] of pending) {
      const then = older.story.figures.find((f) => f.id === id)
      if (!then) pending.delete(id)
      else if (then.value !== value) {
        changes[id] = { previous: then.value, since: then.asOf }
        pending.delete(id)
      }
    }
  }
  const result = Object.keys(changes).length ? { ...v, story: { ...v.story, changes } } : v
  if (changed.size >= PARSED_LIMIT) changed.delete(changed.keys().next().value as string)
  changed.set(key, result)
  return result
}

async function loadVersion(db: D1Database, slug: string, version?: number): Promise<StoryVersion> {
  if (!isKnownStory(slug)) throw notFound(`There is no story "${slug}". Known stories: ${storySlugs().join(', ')}.`)
  if (version === undefined) {
    const known = latest.get(slug)
    // Within the second, or while another request is asking the store, the version known
    // stands: one query per isolate per second however many requests arrive. (Requests may
    // not await each other's I/O in Workers, so they do not share the query itself.)
    if (known && (Date.now() - known.at < LATEST_TTL_MS || refreshing.has(slug))) return loadVersion(db, slug, known.version)
    // A new isolate knows no version yet: when a burst of requests arrives, the first asks
    // the store and the others wait a moment for its answer (polling this isolate's memory,
    // not awaiting that request's I/O) before they would ask themselves.
    if (!known && refreshing.has(slug)) {
      for (let waited = 0; waited < FIRST_ANSWER_WAIT_MS && refreshing.has(slug) && !latest.has(slug); waited += 2) await sleep(2)
      const answered = latest.get(slug)
      if (answered) return loadVersion(db, slug, answered.version)
    }
    let row
    refreshing.add(slug)
    try {
      row = await latestVersion(db, slug)
    } catch (err) {
      // The store is down: the version this isolate served last can stand in, marked
      // stale; the bundled data never does, since a newer version may exist.
      if (known) return { ...(await loadVersion(db, slug, known.version)), stale: true }
      throw err
    } finally {
      refreshing.delete(slug)
    }
    const v = row ? fromRow(row) : await bundledVersion(slug)
    latest.set(slug, { version: v.version, at: Date.now() })
    return v
  }
  const cached = parsed.get(`${slug}@${version}`)
  if (cached) return cached
  const row = await getVersion(db, slug, version)
  if (row) return fromRow(row)
  if (version === 1) return await bundledVersion(slug)
  throw notFound(`Story "${slug}" has no published version ${version}.`)
}
