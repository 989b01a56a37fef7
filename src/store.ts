// The only file with SQL. Story versions, stories and source texts live in D1
// (migrations/); every table refuses UPDATE and DELETE, so every function here only reads
// or appends.
// A query that fails or takes longer than DB_TIMEOUT_MS becomes a 503 problem: callers
// decide whether a version they already have can stand in (src/stories.ts).
// Editor tokens, in their own section at the end, are the exception to append-only:
// revoking one and recording its use update its row.
import { ProblemError } from './http/problem'

const DB_TIMEOUT_MS = 5000

function storageUnavailable(): ProblemError {
  return new ProblemError({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'The story store did not answer; try again shortly.', retryAfter: 5 })
}

let queries = 0
/** D1 queries this isolate has made: /healthz reports it, npm run bench:http reads it. */
export function queryCount(): number {
  return queries
}

async function timed<T>(work: () => Promise<T>): Promise<T> {
  queries++
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`D1 did not answer in ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS)
      }),
    ])
  } catch (err) {
    if (err instanceof ProblemError) throw err
    console.error('story store:', err instanceof Error ? err.message : err)
    throw storageUnavailable()
  } finally {
    if (timer !== undefined) clearTimeout(timer)
  }
}

export interface VersionRow {
  slug: string
  version: number
  published_at: string
  author: string
  note: string
  kind: 'update' | 'correction' | 'retraction'
  public_note: string | null
}

const VERSION_COLUMNS = 'slug, version, published_at, author, note, kind, public_note'

export interface VersionWithDataset extends VersionRow {
  dataset: string
}

/**
 * The latest version of a story (null when it has none), and the store's position when it
 * was read: the newest row of story_versions, which `versionsSince` continues from. Both
 * come from one statement, so they describe one moment.
 */
export async function latestVersion(db: D1Database, slug: string): Promise<{ row: VersionWithDataset | null; position: number }> {
  const found = await timed(() =>
    db
      .prepare(
        `SELECT p.position, v.* FROM (SELECT COALESCE(MAX(rowid), 0) AS position FROM story_versions) p
         LEFT JOIN (SELECT ${VERSION_COLUMNS}, dataset FROM story_versions WHERE slug = ?1 ORDER BY version DESC LIMIT 1) v`,
      )
      .bind(slug)
      .first<VersionWithDataset & { position: number }>(),
  )
  const { position, ...row } = found ?? { position: 0, slug: null }
  return { row: row.slug === null ? null : (row as VersionWithDataset), position }
}

/** At most this many changes are read at once; more means "assume everything changed". */
export const CHANGES_LIMIT = 1000

/**
 * The versions appended since `position` (a position latestVersion or this gave), oldest
 * first, and the position after them. Versions are only ever appended (the triggers refuse
 * UPDATE and DELETE), so the rowid orders them as they were written, and this is one range
 * of it however many stories there are. `rewound` says the store holds fewer rows than
 * `position` counted (restored from a backup, or a test's fresh database).
 */
export async function versionsSince(db: D1Database, position: number): Promise<{ changes: { slug: string; version: number }[]; position: number; complete: boolean; rewound: boolean }> {
  const { results } = await timed(() =>
    db
      .prepare(
        `SELECT p.newest, v.position, v.slug, v.version FROM (SELECT COALESCE(MAX(rowid), 0) AS newest FROM story_versions) p
         LEFT JOIN (SELECT rowid AS position, slug, version FROM story_versions WHERE rowid > ?1 ORDER BY rowid LIMIT ?2) v`,
      )
      .bind(position, CHANGES_LIMIT)
      .all<{ newest: number; position: number | null; slug: string | null; version: number | null }>(),
  )
  const changes = results.filter((r) => r.slug !== null).map((r) => ({ slug: r.slug as string, version: r.version as number }))
  const newest = results[0]?.newest ?? 0
  return {
    changes,
    position: changes.length ? (results[results.length - 1].position as number) : Math.min(position, newest),
    complete: changes.length < CHANGES_LIMIT,
    rewound: newest < position,
  }
}

export async function getVersion(db: D1Database, slug: string, version: number): Promise<VersionWithDataset | null> {
  return timed(() =>
    db
      .prepare(`SELECT ${VERSION_COLUMNS}, dataset FROM story_versions WHERE slug = ?1 AND version = ?2`)
      .bind(slug, version)
      .first<VersionWithDataset>(),
  )
}

/** Every version of a story, newest first, with datasets when `withDatasets`. */
export async function listVersions(db: D1Database, slug: string, withDatasets = false): Promise<VersionWithDataset[]> {
  const columns = withDatasets ? `${VERSION_COLUMNS}, dataset` : `${VERSION_COLUMNS}, '' AS dataset`
  const { results } = await timed(() => db.prepare(`SELECT ${columns} FROM story_versions WHERE slug = ?1 ORDER BY version DESC`).bind(slug).all<VersionWithDataset>())
  return results
}

/** Up to `count` versions of a story, oldest first, ending with version `through`, with datasets. */
export async function versionsThrough(db: D1Database, slug: string, through: number, count: number): Promise<VersionWithDataset[]> {
  const { results } = await timed(() =>
    db
      .prepare(`SELECT ${VERSION_COLUMNS}, dataset FROM story_versions WHERE slug = ?1 AND version <= ?2 AND version > ?2 - ?3 ORDER BY version`)
      .bind(slug, Math.min(through, 2 ** 31), Math.min(count, 2 ** 31))
      .all<VersionWithDataset>(),
  )
  return results
}

/** A source text to keep, under the SHA-256 of its text. */
export interface SourceText {
  digest: string
  text: string
}

/** What is stored of one version besides its dataset. */
interface VersionFields {
  dataset: string
  author: string
  note: string
  publishedAt: string
  kind: VersionRow['kind']
  publicNote: string | null
  /** The headline in the story's language and its as-of date, for listings. */
  headline: string
  asOf: string
  /** The texts the dataset cites by digest; a text already kept is kept as it is. */
  texts: SourceText[]
}

export interface Publication extends VersionFields {
  slug: string
  /** The version the editor edited: the new one is basedOn + 1, and only if basedOn is still the latest. */
  basedOn: number
  /** The bundled dataset, recorded as version 1 the first time anything is published over it. */
  bundled?: { dataset: string; publishedAt: string; headline: string; asOf: string }
}

function insertVersion(db: D1Database, slug: string, version: number, v: VersionFields, condition = '', conditionArgs: unknown[] = []): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO story_versions (slug, version, published_at, author, note, dataset, kind, public_note, headline, as_of)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 ${condition}`,
    )
    .bind(slug, version, v.publishedAt, v.author, v.note, v.dataset, v.kind, v.publicNote, v.headline, v.asOf, ...conditionArgs)
}

function insertTexts(db: D1Database, texts: SourceText[], condition = '', conditionArgs: unknown[] = []): D1PreparedStatement[] {
  return texts.map((t) =>
    db
      .prepare(`INSERT INTO source_texts (digest, text) SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM source_texts WHERE digest = ?1) ${condition}`)
      .bind(t.digest, t.text, ...conditionArgs),
  )
}

/**
 * Appends version basedOn + 1 in one transaction. Returns false when basedOn is no longer
 * the latest version: the conditional INSERTs then add nothing, and a racing publish of
 * the same number fails on the primary key, so two editors can never both succeed.
 */
export async function publishVersion(db: D1Database, p: Publication): Promise<boolean> {
  const statements: D1PreparedStatement[] = []
  if (p.bundled) {
    statements.push(
      db
        .prepare("INSERT OR IGNORE INTO story_versions (slug, version, published_at, author, note, dataset, headline, as_of) VALUES (?1, 1, ?2, 'factbox', 'Bundled dataset', ?3, ?4, ?5)")
        .bind(p.slug, p.bundled.publishedAt, p.bundled.dataset, p.bundled.headline, p.bundled.asOf),
    )
  }
  // Texts only go in with the version that cites them: a refused publish leaves none behind.
  const stillLatest = 'AND COALESCE((SELECT MAX(version) FROM story_versions WHERE slug = ?3), 1) = ?4'
  statements.push(...insertTexts(db, p.texts, stillLatest, [p.slug, p.basedOn]))
  statements.push(insertVersion(db, p.slug, p.basedOn + 1, p, 'WHERE COALESCE((SELECT MAX(version) FROM story_versions WHERE slug = ?1), 1) = ?11', [p.basedOn]))
  // One transaction: it appends whole or not at all, so a failure leaves no partial version.
  return timed(async () => {
    try {
      const results = await db.batch(statements)
      // Changes count the search index's row too (migrations/0004's trigger): none means refused.
      return (results[results.length - 1].meta.changes ?? 0) > 0
    } catch (err) {
      if (err instanceof Error && /UNIQUE constraint failed|PRIMARY KEY/i.test(err.message)) return false
      throw err
    }
  })
}

export interface Creation extends VersionFields {
  slug: string
}

/**
 * Creates a story as version 1 with its texts, in one transaction whose first insert is the
 * story's row: a slug already taken fails on its primary key and nothing else is written.
 * Returns false when the slug is taken.
 */
export async function createStory(db: D1Database, c: Creation): Promise<boolean> {
  const statements = [
    db.prepare('INSERT INTO stories (slug, created_at, created_by) VALUES (?1, ?2, ?3)').bind(c.slug, c.publishedAt, c.author),
    ...insertTexts(db, c.texts),
    insertVersion(db, c.slug, 1, c),
  ]
  return timed(async () => {
    try {
      await db.batch(statements)
      return true
    } catch (err) {
      if (err instanceof Error && /UNIQUE constraint failed: stories\.slug|UNIQUE constraint failed|PRIMARY KEY/i.test(err.message)) return false
      throw err
    }
  })
}

export interface StoryRow {
  slug: string
  created_at: string
  version: number
  published_at: string
  kind: VersionRow['kind']
  headline: string | null
  as_of: string | null
}

/**
 * The words a search asks for (GET /api/stories?q=): letters and digits, lower case, at
 * most eight. A story is found when each is the start of a word of its latest headline or
 * of its slug, as a reader types ("port str" finds "Port strike enters third week").
 */
export function searchWords(query: string): string[] {
  return wordsOf(query).slice(0, 8)
}

/** The words of a text as the search index reads them: no accents, lower case. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)
}

/**
 * A page of stories created over HTTP, newest first, after `cursor` (the last row of the
 * page before). The (created_at, slug) index makes each page one range scan, however many
 * stories there are; the latest version of each is found by its primary key. Pages after
 * the first have their own statement: with "?1 IS NULL OR (…) < (?1, ?2)" SQLite has no
 * range to seek to and scans the index from the newest story down to the cursor. A search
 * (q) reads the full-text index (migrations/0004): its cost follows the stories whose
 * words match, not the number of stories.
 */
export async function listStories(db: D1Database, page: { limit: number; after?: { createdAt: string; slug: string }; query?: string }): Promise<StoryRow[]> {
  const cursor = page.after ? '(s.created_at, s.slug) < (?1, ?2)' : '?1 IS NULL AND ?2 IS NULL'
  const latest = 'v.version = (SELECT MAX(version) FROM story_versions WHERE slug = s.slug)'
  const columns = 's.slug, s.created_at, v.version, v.published_at, v.kind, v.headline, v.as_of'
  if (page.query !== undefined) {
    const words = searchWords(page.query)
    if (!words.length) return []
    // Each word quoted (nothing in it is FTS syntax) and matched as a prefix.
    const match = words.map((w) => `"${w}"*`).join(' ')
    const { results } = await timed(() =>
      db
        .prepare(
          `SELECT DISTINCT ${columns}
           FROM story_search f JOIN stories s ON s.slug = f.slug JOIN story_versions v ON v.slug = f.slug AND v.version = f.version
           WHERE story_search MATCH ?4 AND ${latest} AND ${cursor}
           ORDER BY s.created_at DESC, s.slug DESC LIMIT ?3`,
        )
        .bind(page.after?.createdAt ?? null, page.after?.slug ?? null, page.limit, match)
        .all<StoryRow>(),
    )
    return results
  }
  const { results } = await timed(() =>
    db
      .prepare(
        `SELECT ${columns}
         FROM stories s JOIN story_versions v ON v.slug = s.slug AND ${latest}
         WHERE ${cursor}
         ORDER BY s.created_at DESC, s.slug DESC LIMIT ?3`,
      )
      .bind(page.after?.createdAt ?? null, page.after?.slug ?? null, page.limit)
      .all<StoryRow>(),
  )
  return results
}

/** True when a story of this slug was created over HTTP. */
export async function storyExists(db: D1Database, slug: string): Promise<boolean> {
  return (await timed(() => db.prepare('SELECT 1 AS found FROM stories WHERE slug = ?1').bind(slug).first())) !== null
}

/** The kept texts among `digests`, by digest. */
export async function sourceTexts(db: D1Database, digests: string[]): Promise<Map<string, string>> {
  if (!digests.length) return new Map()
  const { results } = await timed(() =>
    db.prepare(`SELECT digest, text FROM source_texts WHERE digest IN (${digests.map((_, i) => `?${i + 1}`).join(', ')})`).bind(...digests).all<SourceText>(),
  )
  return new Map(results.map((r) => [r.digest, r.text]))
}

// ---------------------------------------------------------------------------------------
// Editor tokens (migrations/0003_editor_tokens.sql, issue #14). Rows hold a token's
// SHA-256 digest, never the token. Lookups are not cached, so a revoke takes effect on the
// next request in every isolate.

export interface EditorTokenRow {
  id: string
  name: string
  /** JSON array of scopes. */
  scopes: string
  /** JSON array of slugs, or null for every story. */
  slugs: string | null
  created_by: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

const TOKEN_COLUMNS = 'id, name, scopes, slugs, created_by, created_at, last_used_at, revoked_at'

/** Adds a token; false when a working token already has this name. */
export async function insertEditorToken(db: D1Database, row: Omit<EditorTokenRow, 'last_used_at' | 'revoked_at'> & { digest: string }): Promise<boolean> {
  return timed(async () => {
    try {
      await db
        .prepare('INSERT INTO editor_tokens (id, digest, name, scopes, slugs, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)')
        .bind(row.id, row.digest, row.name, row.scopes, row.slugs, row.created_by, row.created_at)
        .run()
      return true
    } catch (err) {
      if (err instanceof Error && /UNIQUE constraint failed: editor_tokens\.name/i.test(err.message)) return false
      throw err
    }
  })
}

/** The working (not revoked) token with this digest. */
export async function findEditorToken(db: D1Database, digest: string): Promise<EditorTokenRow | null> {
  return timed(() => db.prepare(`SELECT ${TOKEN_COLUMNS} FROM editor_tokens WHERE digest = ?1 AND revoked_at IS NULL`).bind(digest).first<EditorTokenRow>())
}

/** Every token, revoked ones too, newest first. */
export async function listEditorTokens(db: D1Database): Promise<EditorTokenRow[]> {
  const { results } = await timed(() => db.prepare(`SELECT ${TOKEN_COLUMNS} FROM editor_tokens ORDER BY created_at DESC, id`).all<EditorTokenRow>())
  return results
}

/** Revokes a token; null when there is none with this id. A second revoke keeps the first time. */
export async function revokeEditorToken(db: D1Database, id: string, at: string): Promise<EditorTokenRow | null> {
  return timed(() =>
    db.prepare(`UPDATE editor_tokens SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1 RETURNING ${TOKEN_COLUMNS}`).bind(id, at).first<EditorTokenRow>(),
  )
}

/** Records a use. Callers skip it when the row says it was used within the last minute. */
export async function touchEditorToken(db: D1Database, id: string, at: string): Promise<void> {
  await timed(() => db.prepare('UPDATE editor_tokens SET last_used_at = ?2 WHERE id = ?1').bind(id, at).run())
}
