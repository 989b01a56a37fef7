// Publishing and reading versions (CONTRACT.md "Admin", issue #5):
//   PUT /api/stories/{slug}                       a new version, if If-Match names the latest
//   GET /api/stories/{slug}/versions              every version, newest first
//   GET /api/stories/{slug}/versions/{n}          that version's dataset as stored
//   GET /api/stories/{slug}/figures/{id}/history  a figure's value in every version
import { bodyLimit } from 'hono/body-limit'
import { type AppEnv, router } from '../env'
import { cacheFor, computeEtag } from '../http/caching'
import { requireAdmin } from '../http/auth'
import { paramsProblem } from '../http/validation'
import { ProblemError, invalidParams, notFound } from '../http/problem'
import { getVersion, listVersions, publishVersion } from '../store'
import { bundledVersion, isKnownStory, loadStory, notePublished } from '../stories'
import { parseStory } from '../../widgets/story'
import { renderWidget, widgets } from '../../widgets/index'
import { XML_DECLARATION } from '../../widgets/svg'
import { SVG_CSP } from './widgets'
import { prerenderPublished } from '../png/prerender'
import type { Context } from 'hono'

export const adminRoutes = router()

/** The ETag of a story version: what GET /api/stories/{slug} sends and PUT's If-Match names. */
export function storyEtag(slug: string, version: number): Promise<string> {
  return computeEtag(['story', slug, version])
}

const MAX_BODY = 512 * 1024

/** A story body over MAX_BODY is refused with 413 before it is read. */
const storyBodyLimit = bodyLimit({
  maxSize: MAX_BODY,
  onError: () => {
    throw problem(413, 'Content Too Large', `A story may be at most ${MAX_BODY / 1024} KiB of JSON.`)
  },
})

/** A PUT or preview body: the dataset, and the note and author that travel with it. */
async function readStoryBody(c: Context<AppEnv>): Promise<{ note: unknown; author: unknown; dataset: Record<string, unknown> }> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw problem(400, 'Bad Request', 'The body is not valid JSON.')
  }
  const { note, author, ...dataset } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  return { note, author, dataset }
}

function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): ProblemError {
  return new ProblemError({ type: 'about:blank', title, status, detail, ...extra })
}

adminRoutes.put(
  '/api/stories/:slug',
  requireAdmin(),
  storyBodyLimit,
  async (c) => {
    const slug = c.req.param('slug')
    if (!isKnownStory(slug)) throw notFound(`There is no story "${slug}".`)
    const ifMatch = c.req.header('If-Match')
    if (!ifMatch) throw problem(428, 'Precondition Required', 'Send If-Match with the ETag of the version you edited (GET /api/stories/{slug}), so that no one else’s publish is overwritten.')
    if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) throw problem(415, 'Unsupported Media Type', 'Send the story as application/json.')

    const current = await loadStory(c.env.DB, slug)
    const currentEtag = await storyEtag(slug, current.version)
    if (ifMatch.split(',').map((t) => t.trim().replace(/^W\//, '')).indexOf(currentEtag) < 0) {
      c.header('ETag', currentEtag)
      throw problem(412, 'Precondition Failed', `Version ${current.version} was published after the one you edited (${current.publishedAt}, by ${current.author}: ${current.note}). Load it, apply your change again and publish.`, {
        current: { version: current.version, publishedAt: current.publishedAt, author: current.author, note: current.note },
      })
    }

    const problems: { name: string; reason: string }[] = []
    const { note, author, dataset } = await readStoryBody(c)
    if (typeof note !== 'string' || !note.trim()) problems.push({ name: 'note', reason: 'say what changed and why, in a sentence' })
    else if (note.length > 500) problems.push({ name: 'note', reason: 'must be at most 500 characters' })
    if (author !== undefined && (typeof author !== 'string' || !author.trim() || author.length > 100)) problems.push({ name: 'author', reason: 'must be a name of at most 100 characters' })
    const parsed = parseStory(dataset)
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => ({ name: p.path, reason: p.message })))
    if (parsed.ok && parsed.story.slug !== slug) problems.push({ name: 'slug', reason: `must be "${slug}", the story this URL publishes` })
    if (problems.length || !parsed.ok) {
      throw problem(422, 'Unprocessable Content', `The story was not published: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}.`, { 'invalid-params': problems })
    }

    const publishedAt = new Date().toISOString()
    const bundled = await bundledVersion(slug)
    const ok = await publishVersion(c.env.DB, {
      slug,
      basedOn: current.version,
      dataset: JSON.stringify(parsed.story),
      author: typeof author === 'string' ? author.trim() : 'editor',
      note: (note as string).trim(),
      publishedAt,
      bundled: { dataset: JSON.stringify(bundled.story), publishedAt: bundled.publishedAt },
    })
    if (!ok) {
      // Someone published between our read and our insert: the database refused the second.
      const now = await loadStory(c.env.DB, slug, undefined).catch(() => current)
      throw problem(412, 'Precondition Failed', 'Another version was published at the same moment; load it and publish again.', { current: { version: now.version } })
    }
    const version = current.version + 1
    notePublished(slug, version)
    prerenderPublished(c.executionCtx, c.env, slug, version)
    c.header('ETag', await storyEtag(slug, version))
    return c.json({ slug, version, publishedAt, author: typeof author === 'string' ? author.trim() : 'editor', note: (note as string).trim() })
  },
)

/** Every version, newest first: the bundled dataset is version 1 until it is stored. */
async function versions(c: Context<AppEnv>, slug: string, withDatasets: boolean) {
  if (!isKnownStory(slug)) throw notFound(`There is no story "${slug}".`)
  const rows = await listVersions(c.env.DB, slug, withDatasets)
  if (!rows.some((r) => r.version === 1)) {
    const b = await bundledVersion(slug)
    rows.push({ slug, version: 1, published_at: b.publishedAt, author: b.author, note: b.note, dataset: withDatasets ? JSON.stringify(b.story) : '' })
  }
  return rows
}

adminRoutes.get('/api/stories/:slug/versions', async (c) => {
  const slug = c.req.param('slug')
  const rows = await versions(c, slug, false)
  const notModified = await cacheFor(c, { parts: ['versions', slug, rows[0].version], pinned: false })
  return notModified ?? c.json(rows.map((r) => ({ version: r.version, publishedAt: r.published_at, author: r.author, note: r.note })))
})

adminRoutes.get('/api/stories/:slug/versions/:n{[0-9]+}', async (c) => {
  const slug = c.req.param('slug')
  const n = Number(c.req.param('n'))
  const v = await loadStory(c.env.DB, slug, n)
  const stored = await getVersion(c.env.DB, slug, n)
  const notModified = await cacheFor(c, { parts: ['story', slug, v.version], pinned: true })
  if (notModified) return notModified
  c.header('X-Story-Version', String(v.version))
  // As stored at publish time; the bundled version 1 as its file says until it is stored.
  return c.body(stored ? stored.dataset : JSON.stringify((await bundledVersion(slug)).story), 200, { 'Content-Type': 'application/json; charset=utf-8' })
})

adminRoutes.get('/api/stories/:slug/figures/:id/history', async (c) => {
  const slug = c.req.param('slug')
  const id = c.req.param('id')
  const rows = await versions(c, slug, true)
  const history = rows
    .map((r) => {
      const figure = (JSON.parse(r.dataset) as { figures: { id: string; value: number; qualifier?: string; asOf: string }[] }).figures.find((f) => f.id === id)
      return figure && { version: r.version, publishedAt: r.published_at, note: r.note, value: figure.value, qualifier: figure.qualifier ?? null, asOf: figure.asOf }
    })
    .filter((h) => h !== undefined)
  if (!history.length) throw notFound(`Story "${slug}" has no figure "${id}" in any version.`)
  const notModified = await cacheFor(c, { parts: ['history', slug, id, rows[0].version], pinned: false })
  return notModified ?? c.json(history)
})

/**
 * POST /api/stories/{slug}/preview?widget=…&…options: a widget drawn from an unpublished
 * dataset, for the editor page. Admin only (the worker is no open rendering service);
 * nothing is stored. Invalid datasets get the same 422 a publish would.
 */
adminRoutes.post(
  '/api/stories/:slug/preview',
  requireAdmin(),
  storyBodyLimit,
  async (c) => {
    const slug = c.req.param('slug')
    if (!isKnownStory(slug)) throw notFound(`There is no story "${slug}".`)
    const widgetId = c.req.query('widget') ?? ''
    if (!Object.hasOwn(widgets, widgetId)) throw invalidParams([{ name: 'widget', reason: `must be one of ${Object.keys(widgets).join(', ')}` }])
    const widget = widgets[widgetId]
    const { widget: _w, ...query } = c.req.query()
    const opts = widget.options.safeParse(query)
    if (!opts.success) throw paramsProblem(opts.error.issues)
    const { dataset } = await readStoryBody(c)
    const parsed = parseStory(dataset)
    if (!parsed.ok) {
      throw problem(422, 'Unprocessable Content', `${parsed.problems.length} problems.`, { 'invalid-params': parsed.problems.map((p) => ({ name: p.path, reason: p.message })) })
    }
    const checks = widget.check(parsed.story, opts.data)
    if (checks.length) throw invalidParams(checks)
    c.header('Content-Security-Policy', SVG_CSP)
    return c.body(XML_DECLARATION + renderWidget(widget, parsed.story, opts.data as { width: number }), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' })
  },
)
