// The only file with SQL. Story versions live in D1 (migrations/0001_story_versions.sql);
// the table refuses UPDATE and DELETE, so every function here only reads or appends.
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
}

export interface VersionWithDataset extends VersionRow {
  dataset: string
}

export async function latestVersion(db: D1Database, slug: string): Promise<VersionWithDataset | null> {
  return timed(() =>
    db
      .prepare('SELECT slug, version, published_at, author, note, dataset FROM story_versions WHERE slug = ?1 ORDER BY version DESC LIMIT 1')
      .bind(slug)
      .first<VersionWithDataset>(),
  )
}

export async function getVersion(db: D1Database, slug: string, version: number): Promise<VersionWithDataset | null> {
  return timed(() =>
    db
      .prepare('SELECT slug, version, published_at, author, note, dataset FROM story_versions WHERE slug = ?1 AND version = ?2')
      .bind(slug, version)
      .first<VersionWithDataset>(),
  )
}

/** Every version of a story, newest first, with datasets when `withDatasets`. */
export async function listVersions(db: D1Database, slug: string, withDatasets = false): Promise<VersionWithDataset[]> {
  const columns = withDatasets ? 'slug, version, published_at, author, note, dataset' : "slug, version, published_at, author, note, '' AS dataset"
  const { results } = await timed(() => db.prepare(`SELECT ${columns} FROM story_versions WHERE slug = ?1 ORDER BY version DESC`).bind(slug).all<VersionWithDataset>())
  return results
}

export interface Publication {
  slug: string
  /** The version the editor edited: the new one is basedOn + 1, and only if basedOn is still the latest. */
  basedOn: number
  dataset: string
  author: string
  note: string
  publishedAt: string
  /** The bundled dataset, recorded as version 1 the first time anything is published over it. */
  bundled?: { dataset: string; publishedAt: string }
}

/**
 * Appends version basedOn + 1 in one transaction. Returns false when basedOn is no longer
 * the latest version: the conditional INSERT then adds nothing, and a racing publish of
 * the same number fails on the primary key, so two editors can never both succeed.
 */
export async function publishVersion(db: D1Database, p: Publication): Promise<boolean> {
  const statements: D1PreparedStatement[] = []
  if (p.bundled) {
    statements.push(
      db
        .prepare("INSERT OR IGNORE INTO story_versions (slug, version, published_at, author, note, dataset) VALUES (?1, 1, ?2, 'factbox', 'Bundled dataset', ?3)")
        .bind(p.slug, p.bundled.publishedAt, p.bundled.dataset),
    )
  }
  statements.push(
    db
      .prepare(
        `INSERT INTO story_versions (slug, version, published_at, author, note, dataset)
         SELECT ?1, ?2 + 1, ?3, ?4, ?5, ?6
         WHERE COALESCE((SELECT MAX(version) FROM story_versions WHERE slug = ?1), 1) = ?2`,
      )
      .bind(p.slug, p.basedOn, p.publishedAt, p.author, p.note, p.dataset),
  )
  // One transaction: it appends whole or not at all, so a failure leaves no partial version.
  return timed(async () => {
    try {
      const results = await db.batch(statements)
      return (results[results.length - 1].meta.changes ?? 0) === 1
    } catch (err) {
      if (err instanceof Error && /UNIQUE constraint failed|PRIMARY KEY/i.test(err.message)) return false
      throw err
    }
  })
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
