// Where stories come from: the versions published to D1 (stories created over HTTP, and
// versions published over a bundled one), and under them the bundled datasets in data/,
// which serve as version 1 until something is published over them. Versions never change,
// so each is parsed once per isolate; which version is the latest (or that a slug has
// none) is remembered, checked against the store's changes once a second, and known at
// once in the isolate that publishes.
import { BoundedCache } from '../widgets/bounded-cache'
import { localeFormat } from '../widgets/locale'
import { type VersionRecord, revise, withdrawal } from '../widgets/revision'
import { type Story, parseStory } from '../widgets/story'
import { ProblemError, notFound } from './http/problem'
import { type SourceText, type VersionRow, type VersionWithDataset, getVersion, latestVersion, listStories, searchWords, sourceTexts, wordsOf, versionsSince, versionsThrough } from './store'

export interface StoryVersion {
  story: Story
  version: number
  publishedAt: string
  author: string
  note: string
  kind: VersionRow['kind']
  publicNote: string | null
  /** Served from this isolate's memory because the store did not answer: maybe not the latest. */
  stale?: boolean
}

// The bundled datasets, imported when first asked for: imported statically, each would be
// built as an object literal while every isolate starts (issue #7).
const bundled: Record<string, () => Promise<{ default: unknown }>> = {
  'gaza-2025-05-06': () => import('../data/gaza-2025-05-06.json'),
}
const LATEST_TTL_MS = 1000
// Parsed versions, the least recently used out first, bounded by count and by the length of
// their stored JSON: a parsed story takes about twice its JSON in the heap (29 KB for the
// 16.6 KB port-strike story), and a stored dataset may be up to 512 KiB, so 8 million
// characters hold 500 such stories and, at worst, 16 at the limit: tens of MB either way.
const PARSED_LIMIT = 500
const PARSED_CHARS = 8_000_000

const parsed = new BoundedCache<string, StoryVersion>(PARSED_LIMIT, PARSED_CHARS, (key) => revised.delete(key))
/** The latest version of a slug (0: none), when it was learned, and the feed epoch that keeps it current (-1: none). */
const latest = new BoundedCache<string, { version: number; at: number; epoch: number }>(10_000)
const refreshing = new Set<string>()
// Which versions the store appended since this isolate last asked (store.versionsSince):
// read once a second, it keeps every pointer the isolate knows current with one query,
// so the reads of a second do not grow with the number of slugs asked for (issue #11).
// A pointer is kept current by the feed only if it was learned at or after the feed's
// position in the same epoch; a new epoch (the feed failed, overflowed or the store went
// back) leaves every earlier pointer to ask for itself once its second is up.
let feed: { position: number; at: number; epoch: number } | undefined
let epoch = 0
let polling = false
const FIRST_ANSWER_WAIT_MS = 100
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Forgets every version and pointer, as a new isolate starts; tests use it to stand in for one. */
export function forgetStories(): void {
  parsed.clear()
  unparsed.clear()
  latest.clear()
  revised.clear()
  feed = undefined
  epoch++
}

/** The stories bundled in data/: served with nothing in the store. */
export function bundledSlugs(): string[] {
  return Object.keys(bundled)
}

export function isBundled(slug: string): boolean {
  return Object.hasOwn(bundled, slug)
}

/** The bundled dataset as version 1. A dataset in data/ that fails validation is a build defect. */
export async function bundledVersion(slug: string): Promise<StoryVersion> {
  const key = `${slug}@bundled`
  let v = parsed.get(key)
  if (!v) {
    // Judged where it is written, not on every isolate's first read: parsing it with the
    // story schema (zod, the verbatim rule, labels that stand alone) was half of a new
    // isolate's first widget response (issue #15). tests/routes/cold-reads.test.ts holds the
    // file to be exactly what parseStory makes of it, with every label standing alone.
    const story = (await bundled[slug]()).default as Story
    v = { story, version: 1, publishedAt: `${story.published}T00:00:00Z`, author: 'factbox', note: 'Bundled dataset', kind: 'update', publicNote: null }
    // Part of the bundle, so not counted against the stored JSON kept.
    parsed.set(key, v, 0)
    // Version 1 is this dataset until something is published, and as stored after that.
    parsed.set(`${slug}@1`, v, 0)
  }
  return v
}

/**
 * A version stored in the v1 shape (before stories carried their sources) of a bundled
 * story: it cites the bundled dataset's sources, and its duration keeps the bundled title.
 * The sources are named by digest, without their text, as every stored version's are: a
 * version published before the verbatim rule (a v1 toll changed over an unchanged excerpt)
 * is served as it was published, never judged again by a rule it was not published under.
 */
async function fromV1(slug: string, raw: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (raw.sources !== undefined || !isBundled(slug)) return raw
  const b = (await bundledVersion(slug)).story
  const { dataset } = await storedForm(b)
  const duration = (raw.duration ?? raw.blockade) as Record<string, unknown> | undefined
  const { blockade: _v1, ...rest } = raw
  return { ...rest, sources: dataset.sources, ...(duration ? { duration: { ...duration, title: duration.title ?? b.duration?.title } } : {}) }
}

/**
 * A stored version, as it was published. Versions stored before kinds existed read as
 * updates with no public note: their note was written for the history, not for readers.
 *
 * A version in today's shape (it names its sources) was written by storedForm from what
 * parseStory made of the publish, so it is read as it is: no read builds the story schema
 * (issue #15; tests/routes/cold-reads.test.ts). Only a version of the first release's shape
 * goes through the schema, to be brought to today's. A change to the schema that adds a
 * default or renames a field must bring stored versions along here the same way.
 */
async function fromRow(row: VersionRow & { dataset: string }): Promise<StoryVersion> {
  const key = `${row.slug}@${row.version}`
  const cached = parsed.get(key)
  if (cached) return cached
  const raw = JSON.parse(row.dataset) as Record<string, unknown>
  let story: Story
  if (raw.sources !== undefined) story = raw as unknown as Story
  else {
    const result = parseStory(await fromV1(row.slug, raw))
    if (!result.ok) throw new Error(`stored version ${key} does not validate: ${JSON.stringify(result.problems)}`)
    story = result.story
  }
  return parsed.set(key, { story, version: row.version, publishedAt: row.published_at, author: row.author, note: row.note, kind: row.kind ?? 'update', publicNote: row.public_note ?? null }, row.dataset.length)
}

/** Records a publish in this isolate at once, so its next request serves the new version. */
export function notePublished(slug: string, version: number): void {
  // Any later version is appended after the feed's position, so the feed sees it.
  noteLatest(slug, version, feed ? feed.epoch : -1)
}

// Source texts by digest, as the store keeps them (SHA-256, hex). A text is digested once
// per isolate: the bundled article, or a body's text on every publish that repeats it.
// Keyed by the text, so bounded by the characters kept as well as by count: a source may
// be 200,000 characters, and 100 of those would hold 20 million.
const digests = new BoundedCache<string, string>(100, 2_000_000)

export async function digestText(text: string): Promise<string> {
  const known = digests.get(text)
  if (known) return known
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  let hex = ''
  for (const b of bytes) hex += b.toString(16).padStart(2, '0')
  return digests.set(text, hex, text.length)
}

/**
 * The texts of these digests: the bundled stories' own first (a store upgraded from the
 * first release never had them written), then those the store keeps.
 */
export async function textsByDigest(db: D1Database, wanted: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const slug of bundledSlugs()) {
    for (const s of (await bundledVersion(slug)).story.sources) {
      if (s.text !== undefined && wanted.includes(await digestText(s.text))) found.set(await digestText(s.text), s.text)
    }
  }
  for (const [digest, text] of await sourceTexts(db, wanted.filter((d) => !found.has(d)))) found.set(digest, text)
  return found
}

/**
 * The story as the store keeps it and the API serves it: each source names its text by
 * digest instead of carrying it (GET /api/stories/{slug}/sources/{id} serves the text),
 * and the texts to keep beside it.
 */
export async function storedForm(story: Story): Promise<{ dataset: Record<string, unknown>; texts: SourceText[] }> {
  const texts: SourceText[] = []
  const sources = await Promise.all(
    story.sources.map(async ({ text, ...rest }) => {
      if (text === undefined) return rest
      const digest = await digestText(text)
      texts.push({ digest, text })
      return { ...rest, digest }
    }),
  )
  const { revision: _r, ...dataset } = story
  return { dataset: { ...dataset, sources }, texts }
}

/**
 * The story at `version`, or the latest when omitted, with what readers are told about it
 * (widgets/revision.ts): notes, corrected figures, change lines, and whether the story is
 * withdrawn, which the latest version decides for every version.
 */
export async function loadStory(db: D1Database, slug: string, version?: number): Promise<StoryVersion> {
  const v = await loadVersion(db, slug, version)
  let latest = v
  let stale = v.stale === true
  if (version !== undefined) {
    try {
      latest = await loadVersion(db, slug)
      stale ||= latest.stale === true
    } catch (err) {
      // The store is down: the pinned version is served, marked stale, since whether the
      // story was withdrawn since cannot be known.
      if (!(err instanceof ProblemError) || err.problem.status !== 503) throw err
      stale = true
    }
  }
  const revised = await withRevision(db, v)
  const withdrawn = withdrawal(record(v), record(latest))
  const shown = withdrawn ? withWithdrawal(revised, withdrawn) : revised
  return stale ? { ...shown, stale: true } : shown
}

const record = (v: StoryVersion): VersionRecord => ({ version: v.version, kind: v.kind, publicNote: v.publicNote, publishedAt: v.publishedAt, story: v.story })

/** Versions read to say what a version changed; older ones are in the corrections feed only. */
export const MAX_HISTORY = 50
// Keyed as parsed is (with "!N" for a withdrawal), and dropped with the parsed version.
const revised = new BoundedCache<string, StoryVersion>(PARSED_LIMIT)

function keep(key: string, v: StoryVersion): StoryVersion {
  return revised.set(key, v)
}

/**
 * The version with its revision, made from the versions before it in one read of the
 * store, once per isolate and version. The same object is returned every time, so what a
 * widget says of it is made once too (widgets/common.ts perStory).
 */
async function withRevision(db: D1Database, v: StoryVersion): Promise<StoryVersion> {
  if (v.version === 1) return v
  const key = `${v.story.slug}@${v.version}`
  const done = revised.get(key)
  if (done) return done
  let history: StoryVersion[]
  try {
    history = await storyHistory(db, v.story.slug, { through: v.version, count: MAX_HISTORY })
  } catch (err) {
    // The store did not answer: the version is served without its history this once.
    if (err instanceof ProblemError && err.problem.status === 503) return v
    throw err
  }
  const chain = history.filter((h) => h.version < v.version).map(record)
  return keep(key, { ...v, story: { ...v.story, revision: revise([...chain, record(v)]) } })
}

/** The version as readers of a withdrawn story are given it, one object per version and retraction. */
function withWithdrawal(v: StoryVersion, withdrawn: NonNullable<ReturnType<typeof withdrawal>>): StoryVersion {
  const key = `${v.story.slug}@${v.version}!${withdrawn.version}`
  const done = revised.get(key)
  if (done) return done
  const revision = v.story.revision ?? { notes: [], corrected: [], changes: {} }
  return keep(key, { ...v, story: { ...v.story, revision: { ...revision, withdrawn } } })
}

/**
 * A story's versions, oldest first, as published: every one, or the `count` up to and
 * including `through`. The bundled dataset is version 1 until something is stored over it.
 */
export async function storyHistory(db: D1Database, slug: string, range: { through?: number; count?: number } = {}): Promise<StoryVersion[]> {
  const rows = await versionsThrough(db, slug, range.through ?? Number.MAX_SAFE_INTEGER, range.count ?? Number.MAX_SAFE_INTEGER)
  const versions = await Promise.all(rows.map((r) => fromRow(r)))
  const from = range.through !== undefined && range.count !== undefined ? range.through - range.count + 1 : 1
  if (from <= 1 && !versions.some((v) => v.version === 1) && isBundled(slug)) versions.unshift(await bundledVersion(slug))
  return versions
}

/**
 * Records which version is the latest (0: the slug has none), bounded, oldest entries
 * first out. Versions are only ever appended, so a pointer never goes back.
 */
function noteLatest(slug: string, version: number, pointerEpoch: number): void {
  const was = latest.peek(slug)
  latest.set(slug, { version: Math.max(version, was?.version ?? 0), at: Date.now(), epoch: pointerEpoch })
}

/** A pointer learned from the store at `position`: kept current by the feed when the feed is behind it. */
function learned(slug: string, version: number, position: number): void {
  if (!feed) feed = { position, at: Date.now(), epoch }
  noteLatest(slug, version, position >= feed.position ? feed.epoch : -1)
}

/** True while the pointer may be served without asking the store. */
function current(p: { at: number; epoch: number }, now: number): boolean {
  return now - p.at < LATEST_TTL_MS || (feed !== undefined && p.epoch === feed.epoch && (polling || now - feed.at < LATEST_TTL_MS))
}

/** Reads what the store appended since the feed's position into the pointers, once a second per isolate. */
async function pollChanges(db: D1Database): Promise<void> {
  if (!feed || polling) return
  const was = feed
  polling = true
  try {
    const { changes, position, complete, rewound } = await versionsSince(db, was.position)
    if (feed !== was) return
    if (rewound || !complete) {
      // More changes than one read holds, or a store that went back: start a new epoch.
      feed = { position, at: Date.now(), epoch: ++epoch }
      return
    }
    for (const c of changes) {
      const p = latest.peek(c.slug)
      if (p && c.version > p.version) p.version = c.version
    }
    feed = { position, at: Date.now(), epoch: was.epoch }
  } catch {
    // The store did not answer: each pointer asks for itself again, and serves stale if it must.
    if (feed === was) feed = undefined
    epoch++
  } finally {
    polling = false
  }
}

// Rows a new isolate's first read of a slug fetched, not parsed yet (readLatestVersion): the
// story is made from them only if the request needs it, without asking the store again.
const unparsed = new BoundedCache<string, VersionWithDataset>(50, PARSED_CHARS / 4)

/** Whether this isolate has asked the store for the slug's latest version yet. */
export function knowsLatest(slug: string): boolean {
  return latest.has(slug)
}

/** Which version a slug's latest is: its number, and when it was stored ('bundled': the bundled dataset, never stored). */
export interface LatestVersion {
  version: number
  /**
   * The row's published_at. A store restored from a backup may number a later publish as
   * an earlier one was: the two differ in this.
   */
  storedAt: string
}

/**
 * The slug's latest version, as loadStory would serve it, from one read of the store and
 * without making the story: a new isolate's first request for the slug may be answered
 * with a body stored when the version was published (src/stored-bodies.ts). The row is
 * kept, so a loadStory after it does not read the store again. Undefined when the slug has
 * no story (loadStory then says so); throws the 503 problem when the store did not answer.
 */
export async function readLatestVersion(db: D1Database, slug: string): Promise<LatestVersion | undefined> {
  if (!validSlug(slug)) return undefined
  const asked = await askLatest(db, slug)
  if (!asked) return undefined
  const { row } = asked
  if (row) unparsed.set(`${slug}@${row.version}`, row, row.dataset.length)
  return { version: row ? row.version : 1, storedAt: row ? row.published_at : 'bundled' }
}

/** A slug as stories are named: lowercase words joined by hyphens, at most 64 characters. */
export const validSlug = (slug: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 64

/**
 * Asks the store for the slug's latest version and records it, marking the slug as being
 * asked for meanwhile: its row (null: the bundled dataset is the latest), or undefined when
 * the slug has no story.
 */
async function askLatest(db: D1Database, slug: string): Promise<{ row: VersionWithDataset | null } | undefined> {
  refreshing.add(slug)
  try {
    const { row, position } = await latestVersion(db, slug)
    if (!row && !isBundled(slug)) {
      learned(slug, 0, position)
      return undefined
    }
    learned(slug, row ? row.version : 1, position)
    return { row }
  } finally {
    // Only once the answer is recorded: a request waiting for it stops waiting now.
    refreshing.delete(slug)
  }
}

/** Asks the store for the slug's latest version and records it (null: the slug has none). */
async function readLatest(db: D1Database, slug: string): Promise<StoryVersion | null> {
  const asked = await askLatest(db, slug)
  if (!asked) return null
  return asked.row ? fromRow(asked.row) : bundledVersion(slug)
}

function noStory(slug: string): never {
  throw notFound(`There is no story "${slug}". GET /api/stories lists every story.`)
}

async function loadVersion(db: D1Database, slug: string, version?: number): Promise<StoryVersion> {
  if (!validSlug(slug)) noStory(slug)
  if (version === undefined) {
    if (feed && !polling && Date.now() - feed.at >= LATEST_TTL_MS && latest.get(slug)?.epoch === feed.epoch) await pollChanges(db)
    const known = latest.get(slug)
    // Within the second, while the feed keeps it current, or while another request is
    // asking the store, the version known stands: one query per isolate per second however
    // many requests and slugs arrive. (Requests may not await each other's I/O in Workers,
    // so they do not share the query itself.)
    if (known && (current(known, Date.now()) || refreshing.has(slug))) {
      // A slug with no story is remembered like one with a version, so probing slugs costs
      // the store no more than reading a known one.
      if (known.version === 0) noStory(slug)
      return loadVersion(db, slug, known.version)
    }
    // A new isolate knows no version yet: when a burst of requests arrives, the first asks
    // the store and the others wait a moment for its answer (polling this isolate's memory,
    // not awaiting that request's I/O) before they would ask themselves.
    if (!known && refreshing.has(slug)) {
      for (let waited = 0; waited < FIRST_ANSWER_WAIT_MS && refreshing.has(slug) && !latest.has(slug); waited += 2) await sleep(2)
      const answered = latest.get(slug)
      if (answered?.version === 0) noStory(slug)
      if (answered) return loadVersion(db, slug, answered.version)
    }
    let v
    try {
      v = await readLatest(db, slug)
    } catch (err) {
      // The store is down: the version this isolate served last can stand in, marked
      // stale; the bundled data never does, since a newer version may exist.
      if (known?.version) return { ...(await loadVersion(db, slug, known.version)), stale: true }
      throw err
    }
    if (!v) noStory(slug)
    return v
  }
  const cached = parsed.get(`${slug}@${version}`)
  if (cached) return cached
  const fetched = unparsed.get(`${slug}@${version}`)
  if (fetched) {
    unparsed.delete(`${slug}@${version}`)
    return fromRow(fetched)
  }
  const row = await getVersion(db, slug, version)
  if (row) return fromRow(row)
  if (version === 1 && isBundled(slug)) return await bundledVersion(slug)
  // A version that does not exist of a story that does, or no such story at all.
  await loadVersion(db, slug)
  throw notFound(`Story "${slug}" has no published version ${version}.`)
}

export interface StoryListing {
  slug: string
  headline: string
  asOf: string | null
  version: number
  status: 'published' | 'withdrawn'
  createdAt: string
}

const cursorOf = (s: { createdAt: string; slug: string }) => btoa(JSON.stringify([s.createdAt, s.slug])).replace(/=+$/, '')

/** The position a cursor from `storyPage` names, or undefined when it is not one. */
export function readCursor(cursor: string): { createdAt: string; slug: string } | undefined {
  try {
    const [createdAt, slug] = JSON.parse(atob(cursor)) as unknown[]
    if (typeof createdAt === 'string' && typeof slug === 'string' && createdAt.length <= 40 && slug.length <= 64) return { createdAt, slug }
  } catch {
    // Not base64 JSON: not a cursor this service made.
  }
  return undefined
}

const before = (a: { createdAt: string; slug: string }, b: { createdAt: string; slug: string }) =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.slug < b.slug)

/**
 * One page of every story, newest first: those created over HTTP, read a page at a time
 * from the store, with the bundled ones in their place (created on their published day).
 */
export async function storyPage(
  db: D1Database,
  page: { limit: number; after?: { createdAt: string; slug: string }; query?: string },
  audience: 'readers' | 'editors',
): Promise<{ stories: StoryListing[]; next?: string }> {
  const rows = await listStories(db, { ...page, limit: page.limit + 1 })
  const listed: StoryListing[] = rows.map((r) => ({
    slug: r.slug, headline: r.headline ?? r.slug, asOf: r.as_of, version: r.version,
    status: r.kind === 'retraction' ? 'withdrawn' : 'published', createdAt: r.created_at,
  }))
  // The bundled stories are searched as the store searches (store.searchWords).
  const words = page.query === undefined ? undefined : searchWords(page.query)
  const matches = (headline: string, slug: string) => {
    const own = wordsOf(`${headline} ${slug}`)
    return words!.length > 0 && words!.every((w) => own.some((o) => o.startsWith(w)))
  }
  for (const slug of bundledSlugs()) {
    const b = await bundledVersion(slug)
    const at = { createdAt: b.publishedAt, slug }
    if (page.after && !before(at, page.after)) continue
    const v = await loadStory(db, slug)
    const headline = v.story.headline[v.story.language] ?? v.story.headline.en ?? slug
    if (words && !matches(headline, slug)) continue
    listed.push({ slug, headline, asOf: v.story.asOf, version: v.version, status: v.kind === 'retraction' ? 'withdrawn' : 'published', createdAt: at.createdAt })
  }
  listed.sort((a, b) => (before(a, b) ? 1 : before(b, a) ? -1 : 0))
  const more = listed.length > page.limit
  const stories = listed.slice(0, page.limit)
  const next = more ? { next: cursorOf(stories[stories.length - 1]) } : {}
  if (audience === 'editors') return { stories, ...next }
  // Readers are not given a withdrawn story's headline, which may be what had to be
  // withdrawn (as its widgets and API give the notice instead), and a search finds it by
  // its slug's words only. A page may then be shorter than the limit; the cursor still
  // follows the page as read, so no story is skipped.
  const bySlug = (slug: string) => words !== undefined && words.length > 0 && words.every((w) => wordsOf(slug).some((o) => o.startsWith(w)))
  const shown = stories
    .filter((s) => s.status !== 'withdrawn' || words === undefined || bySlug(s.slug))
    .map((s) => (s.status === 'withdrawn' ? { ...s, headline: localeFormat('en').messages.withdrawnTitle } : s))
  return { stories: shown, ...next }
}
