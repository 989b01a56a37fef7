// Creating, publishing and reading versions (CONTRACT.md "Admin", "v2: stories from any
// article"; issues #5 and #11):
//   POST /api/stories                             a new story, as version 1
//   PUT /api/stories/{slug}                       a new version, if If-Match names the latest
//   GET /api/stories/{slug}/versions              every version, newest first
//   GET /api/stories/{slug}/versions/{n}          that version's dataset as stored
//   GET /api/stories/{slug}/figures/{id}/history  a figure's value in every version
import { bodyLimit } from 'hono/body-limit'
import { type AppEnv, router } from '../env'
import { computeEtag } from '../http/caching'
import { requireEditor } from '../http/auth'
import { assertSlugAllowed } from '../http/editor'
import { paramsProblem } from '../http/validation'
import { ProblemError, invalidParams, notFound } from '../http/problem'
import { createStory, getVersion, listVersions, publishVersion } from '../store'
import { MAX_HISTORY, type StoryVersion, bundledVersion, digestText, isBundled, loadStory, notePublished, storedForm, storyHistory, textsByDigest } from '../stories'
import { audienceFor, cacheForAudience, historyAudience, withdrawnNotice } from '../http/withdrawn'
import { revise, withdrawal } from '../../widgets/revision'
import { leaningLabels } from '../../widgets/standalone'
import { type Story, localize, parseStory } from '../../widgets/story'
import { renderWidget, widgets } from '../../widgets/index'
import { withdrawnWidget } from '../../widgets/withdrawn'
import { XML_DECLARATION } from '../../widgets/svg'
import { SVG_CSP } from '../widget-bodies'
import { prerenderPublished } from '../prerender'
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

/** A publish's own fields, beside the dataset (CONTRACT.md "v2: updates, corrections, retractions"). */
interface PublishFields {
  note: unknown
  author: unknown
  kind: unknown
  publicNote: unknown
}

/** A POST, PUT or preview body: the dataset, and the fields that travel with it. */
async function readStoryBody(c: Context<AppEnv>): Promise<PublishFields & { dataset: Record<string, unknown> }> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw problem(400, 'Bad Request', 'The body is not valid JSON.')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw problem(400, 'Bad Request', 'The body must be a JSON object: the story’s dataset plus note.')
  const { note, author, kind, publicNote, ...dataset } = body as Record<string, unknown>
  return { note, author, kind, publicNote, dataset }
}

function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): ProblemError {
  return new ProblemError({ type: 'about:blank', title, status, detail, ...extra })
}

type Param = { name: string; reason: string }

function unprocessable(what: string, problems: Param[]): ProblemError {
  return problem(422, 'Unprocessable Content', `${what}: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}.`, { 'invalid-params': problems })
}

const kinds = ['update', 'correction', 'retraction'] as const
type Kind = (typeof kinds)[number]

/** The note, kind and public note of a publish, or the problems with them. */
function publishFields(f: PublishFields, problems: Param[]): { note: string; kind: Kind; publicNote: string | null } {
  const note = typeof f.note === 'string' ? f.note.trim() : ''
  if (!note) problems.push({ name: 'note', reason: 'say what changed and why, in a sentence (for the version history; readers never see it)' })
  else if (note.length > 500) problems.push({ name: 'note', reason: 'must be at most 500 characters' })
  const kind = (f.kind ?? 'update') as Kind
  if (!kinds.includes(kind)) problems.push({ name: 'kind', reason: 'must be update, correction or retraction' })
  let publicNote: string | null = null
  if (f.publicNote !== undefined && f.publicNote !== null) {
    if (typeof f.publicNote !== 'string' || !f.publicNote.trim()) problems.push({ name: 'publicNote', reason: 'must be a sentence for readers' })
    else if (f.publicNote.length > 300) problems.push({ name: 'publicNote', reason: 'must be at most 300 characters' })
    else publicNote = f.publicNote.trim()
  }
  if ((kind === 'correction' || kind === 'retraction') && !publicNote) {
    problems.push({ name: 'publicNote', reason: `a ${kind} needs the sentence readers will see, saying what was wrong` })
  }
  return { note, kind: kinds.includes(kind) ? kind : 'update', publicNote }
}

/**
 * Sources a body names by digest alone (as GET /api/stories/{slug} serves them) get their
 * kept text back, so the verbatim rule can read it; a digest nothing keeps is a problem.
 */
async function withSourceTexts(c: Context<AppEnv>, dataset: Record<string, unknown>, problems: Param[]): Promise<Record<string, unknown>> {
  if (!Array.isArray(dataset.sources)) return dataset
  const wanted = dataset.sources
    .map((s, i) => ({ s: s as Record<string, unknown>, i }))
    .filter(({ s }) => s && typeof s === 'object' && s.text === undefined && typeof s.digest === 'string')
  if (!wanted.length) return dataset
  const kept = await textsByDigest(c.env.DB, wanted.map(({ s }) => s.digest as string))
  const sources = dataset.sources.slice()
  for (const { s, i } of wanted) {
    const text = kept.get(s.digest as string)
    if (text === undefined) problems.push({ name: `sources.${i}.digest`, reason: 'no kept text has this digest: send the source’s full text' })
    else sources[i] = { ...s, text }
  }
  return { ...dataset, sources }
}

/** Every source of a publish carries its text, and one already kept keeps its text. */
async function checkSources(story: Story, previous: Story | undefined, problems: Param[]): Promise<void> {
  const before = new Map<string, string | undefined>()
  for (const s of previous?.sources ?? []) before.set(s.id, s.digest ?? (s.text !== undefined ? await digestText(s.text) : undefined))
  for (const [i, s] of story.sources.entries()) {
    if (s.text === undefined) {
      problems.push({ name: `sources.${i}.text`, reason: 'send the source’s full text (or the digest of a text already kept)' })
      continue
    }
    const was = before.get(s.id)
    if (was && was !== (await digestText(s.text))) {
      problems.push({ name: `sources.${i}.text`, reason: `source "${s.id}" is already kept with another text, which never changes: add the new document as a new source with its own id` })
    }
  }
}

/** Figure labels that lean on another figure (widgets/standalone.ts), as invalid params. */
function labelProblems(story: Story): Param[] {
  return leaningLabels(story).map((p) => ({ name: p.path, reason: p.message }))
}

/** A slug from the headline and the published date: "port-strike-enters-third-week-2026-03-12". */
async function slugFor(dataset: Record<string, unknown>): Promise<string | undefined> {
  const headline = dataset.headline as Record<string, unknown> | undefined
  const published = typeof dataset.published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dataset.published) ? dataset.published : undefined
  const words = typeof headline === 'object' && headline ? headline[String(dataset.language ?? 'en')] ?? Object.values(headline)[0] : undefined
  if (typeof words !== 'string' || !published) return undefined
  let base = words.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  if (base.length > 50) base = base.slice(0, 50).replace(/-[^-]*$/, '')
  // A headline in a script without Latin letters gets a short digest of its words instead.
  if (!base) base = `story-${(await digestText(words)).slice(0, 8)}`
  return `${base}-${published}`
}

adminRoutes.post(
  '/api/stories',
  requireEditor('stories:create'),
  storyBodyLimit,
  async (c) => {
    if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) throw problem(415, 'Unsupported Media Type', 'Send the story as application/json.')
    const body = await readStoryBody(c)
    const problems: Param[] = []
    const { note } = publishFields({ ...body, kind: undefined, publicNote: undefined }, problems)
    const slug = typeof body.dataset.slug === 'string' ? body.dataset.slug : await slugFor(body.dataset)
    const dataset = await withSourceTexts(c, { ...body.dataset, ...(slug ? { slug } : {}) }, problems)
    const parsed = parseStory(dataset)
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => ({ name: p.path, reason: p.message })))
    else {
      await checkSources(parsed.story, undefined, problems)
      problems.push(...labelProblems(parsed.story))
    }
    if (problems.length || !parsed.ok) throw unprocessable('The story was not created', problems)
    const story = parsed.story
    if (isBundled(story.slug)) throw taken(story.slug)
    // A token limited to some stories creates only those.
    assertSlugAllowed(c.var.editor, story.slug)

    const publishedAt = new Date().toISOString()
    // The version's author is who signed in; a body `author` is ignored (CONTRACT.md "v2: editors and identity").
    const author = c.var.editor.id
    const { dataset: stored, texts } = await storedForm(story)
    const created = await createStory(c.env.DB, {
      slug: story.slug, dataset: JSON.stringify(stored), texts, author, note, publishedAt,
      kind: 'update', publicNote: null, headline: localize(story.headline, story.language), asOf: story.asOf,
    })
    if (!created) throw taken(story.slug)
    notePublished(story.slug, 1)
    prerenderPublished(c.executionCtx, c.env, { slug: story.slug, version: 1, storedAt: publishedAt, origin: new URL(c.req.url).origin })
    c.header('ETag', await storyEtag(story.slug, 1))
    c.header('Location', `/api/stories/${story.slug}`)
    return c.json({ slug: story.slug, version: 1, publishedAt, author, note }, 201)
  },
)

function taken(slug: string): ProblemError {
  return problem(409, 'Conflict', `A story with the slug "${slug}" exists already. Edit it with PUT /api/stories/${slug}, or choose another slug.`, { slug })
}

adminRoutes.put(
  '/api/stories/:slug',
  requireEditor('stories:publish', { slugParam: 'slug' }),
  storyBodyLimit,
  async (c) => {
    const slug = c.req.param('slug')
    const current = await loadStory(c.env.DB, slug)
    const ifMatch = c.req.header('If-Match')
    if (!ifMatch) throw problem(428, 'Precondition Required', 'Send If-Match with the ETag of the version you edited (GET /api/stories/{slug}), so that no one else’s publish is overwritten.')
    if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) throw problem(415, 'Unsupported Media Type', 'Send the story as application/json.')

    const currentEtag = await storyEtag(slug, current.version)
    if (ifMatch.split(',').map((t) => t.trim().replace(/^W\//, '')).indexOf(currentEtag) < 0) {
      c.header('ETag', currentEtag)
      throw problem(412, 'Precondition Failed', `Version ${current.version} was published after the one you edited (${current.publishedAt}, by ${current.author}: ${current.note}). Load it, apply your change again and publish.`, {
        current: { version: current.version, publishedAt: current.publishedAt, author: current.author, note: current.note },
      })
    }

    const problems: Param[] = []
    const body = await readStoryBody(c)
    const { note, kind, publicNote } = publishFields(body, problems)
    const dataset = await withSourceTexts(c, body.dataset, problems)
    const parsed = parseStory(dataset)
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => ({ name: p.path, reason: p.message })))
    if (parsed.ok && parsed.story.slug !== slug) problems.push({ name: 'slug', reason: `must be "${slug}", the story this URL publishes` })
    if (parsed.ok) await checkSources(parsed.story, current.story, problems)
    if (parsed.ok) problems.push(...labelProblems(parsed.story))
    if (problems.length || !parsed.ok) throw unprocessable('The story was not published', problems)

    const story = parsed.story
    const publishedAt = new Date().toISOString()
    // The version's author is who signed in; a body `author` is ignored (CONTRACT.md "v2: editors and identity").
    const author = c.var.editor.id
    const { dataset: stored, texts } = await storedForm(story)
    let bundled
    if (isBundled(slug)) {
      const b = await bundledVersion(slug)
      const form = await storedForm(b.story)
      texts.push(...form.texts)
      bundled = { dataset: JSON.stringify(form.dataset), publishedAt: b.publishedAt, headline: localize(b.story.headline, b.story.language), asOf: b.story.asOf }
    }
    const ok = await publishVersion(c.env.DB, {
      slug, basedOn: current.version, dataset: JSON.stringify(stored), texts, author, note, publishedAt,
      kind, publicNote, headline: localize(story.headline, story.language), asOf: story.asOf, bundled,
    })
    if (!ok) {
      // Someone published between our read and our insert: the database refused the second.
      const now = await loadStory(c.env.DB, slug, undefined).catch(() => current)
      throw problem(412, 'Precondition Failed', 'Another version was published at the same moment; load it and publish again.', { current: { version: now.version } })
    }
    const version = current.version + 1
    notePublished(slug, version)
    prerenderPublished(c.executionCtx, c.env, { slug, version, storedAt: publishedAt, origin: new URL(c.req.url).origin })
    c.header('ETag', await storyEtag(slug, version))
    return c.json({ slug, version, publishedAt, author, note, kind, publicNote })
  },
)

/** Every version, newest first: the bundled dataset is version 1 until it is stored. */
async function versions(c: Context<AppEnv>, slug: string, withDatasets: boolean) {
  const rows = await listVersions(c.env.DB, slug, withDatasets)
  if (!rows.some((r) => r.version === 1)) {
    if (!isBundled(slug)) {
      // No version at all: answered as for any unknown story.
      await loadStory(c.env.DB, slug)
      throw notFound(`There is no story "${slug}".`)
    }
    const b = await bundledVersion(slug)
    rows.push({ slug, version: 1, published_at: b.publishedAt, author: b.author, note: b.note, kind: 'update', public_note: null, dataset: withDatasets ? JSON.stringify((await storedForm(b.story)).dataset) : '' })
  }
  return rows
}

adminRoutes.get('/api/stories/:slug/versions', async (c) => {
  const slug = c.req.param('slug')
  const { story } = await loadStory(c.env.DB, slug)
  const audience = await historyAudience(c, story)
  const rows = await versions(c, slug, false)
  const notModified = await cacheForAudience(c, { parts: ['versions', slug, rows[0].version, audience], pinned: false }, audience, story)
  if (notModified) return notModified
  if (audience === 'readers') return c.json(withdrawnNotice(story))
  // The history note is the editors'; readers get what each version says to them.
  return c.json(rows.map((r) => ({ version: r.version, publishedAt: r.published_at, author: r.author, ...(audience === 'editors' ? { note: r.note } : {}), kind: r.kind, publicNote: r.public_note })))
})

adminRoutes.get('/api/stories/:slug/versions/:n{[0-9]+}', async (c) => {
  const slug = c.req.param('slug')
  const n = Number(c.req.param('n'))
  const v = await loadStory(c.env.DB, slug, n)
  const audience = await audienceFor(c, v.story)
  const notModified = await cacheForAudience(c, { parts: ['story', slug, v.version], pinned: true }, audience, v.story)
  if (notModified) return notModified
  c.header('X-Story-Version', String(v.version))
  if (audience === 'readers') return c.json(withdrawnNotice(v.story))
  const stored = await getVersion(c.env.DB, slug, n)
  // As stored at publish time; the bundled version 1 as its file says until it is stored.
  return c.body(stored ? stored.dataset : JSON.stringify((await storedForm((await bundledVersion(slug)).story)).dataset), 200, { 'Content-Type': 'application/json; charset=utf-8' })
})

adminRoutes.get('/api/stories/:slug/figures/:id/history', async (c) => {
  const slug = c.req.param('slug')
  const id = c.req.param('id')
  const { story } = await loadStory(c.env.DB, slug)
  const audience = await historyAudience(c, story)
  if (audience === 'readers') {
    const notModified = await cacheForAudience(c, { parts: ['history', slug, id], pinned: false }, audience, story)
    return notModified ?? c.json(withdrawnNotice(story))
  }
  const rows = await versions(c, slug, true)
  const history = rows
    .map((r) => {
      const figure = (JSON.parse(r.dataset) as { figures: { id: string; value: number; qualifier?: string; asOf: string }[] }).figures.find((f) => f.id === id)
      return figure && { version: r.version, publishedAt: r.published_at, ...(audience === 'editors' ? { note: r.note } : {}), kind: r.kind, publicNote: r.public_note, value: figure.value, qualifier: figure.qualifier ?? null, asOf: figure.asOf }
    })
    .filter((h) => h !== undefined)
  if (!history.length) throw notFound(`Story "${slug}" has no figure "${id}" in any version.`)
  const notModified = await cacheForAudience(c, { parts: ['history', slug, id, rows[0].version, audience], pinned: false }, audience, story)
  return notModified ?? c.json(history)
})

/**
 * POST /api/stories/{slug}/preview?widget=…&…options: a widget drawn from an unpublished
 * dataset, for the editor page, of a story stored or not yet created. Editors only (the worker is no open rendering service);
 * nothing is stored. The body's `kind` and `publicNote` are drawn as a publish would show
 * them, against the versions published so far: "Updated …" or "Corrected …" and the change
 * lines as readers will see them, or the withdrawal notice. Invalid datasets get the same
 * 422 a publish would.
 */
adminRoutes.post(
  '/api/stories/:slug/preview',
  requireEditor(['stories:publish', 'stories:create'], { slugParam: 'slug' }),
  storyBodyLimit,
  async (c) => {
    const widgetId = c.req.query('widget') ?? ''
    if (!Object.hasOwn(widgets, widgetId)) throw invalidParams([{ name: 'widget', reason: `must be one of ${Object.keys(widgets).join(', ')}` }])
    const widget = widgets[widgetId]
    const { widget: _w, ...query } = c.req.query()
    const opts = widget.options.safeParse(query)
    if (!opts.success) throw paramsProblem(opts.error.issues)
    // Any slug: a story being written in the editor has none stored yet.
    const slug = c.req.param('slug')
    const problems: Param[] = []
    const body = await readStoryBody(c)
    const { kind, publicNote } = publishFields({ ...body, note: typeof body.note === 'string' && body.note.trim() ? body.note : 'preview' }, problems)
    // The versions the draft would follow (none for a story not created yet); a bundled
    // story's texts are known before they are stored.
    const live = await loadStory(c.env.DB, slug).catch((err) => {
      if (err instanceof ProblemError && err.problem.status === 404) return undefined
      throw err
    })
    const history = live ? await storyHistory(c.env.DB, slug, { through: live.version, count: MAX_HISTORY }) : []
    const dataset = await withSourceTexts(c, { ...body.dataset, slug }, problems)
    const parsed = parseStory(dataset)
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => ({ name: p.path, reason: p.message })))
    else problems.push(...labelProblems(parsed.story))
    if (problems.length || !parsed.ok) throw unprocessable('The story cannot be drawn', problems)
    const story = asPublished(history, parsed.story, kind, publicNote)
    const shown = story.revision?.withdrawn ? withdrawnWidget(widget) : widget
    const missing = shown.unavailable?.(story)
    if (missing) throw invalidParams([{ name: 'widget', reason: missing }])
    const checks = shown.check(story, opts.data)
    if (checks.length) throw invalidParams(checks)
    c.header('Content-Security-Policy', SVG_CSP)
    return c.body(XML_DECLARATION + renderWidget(shown, story, opts.data as { width: number }), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' })
  },
)

/** The dataset with the revision it would have if it were published now as the next version. */
function asPublished(history: StoryVersion[], story: Story, kind: Kind, publicNote: string | null): Story {
  const chain = history.map((v) => ({ version: v.version, kind: v.kind, publicNote: v.publicNote, publishedAt: v.publishedAt, story: v.story }))
  const next = { version: (chain[chain.length - 1]?.version ?? 0) + 1, kind, publicNote, publishedAt: new Date().toISOString(), story }
  const revision = revise([...chain, next])
  const withdrawn = withdrawal(next, next)
  return { ...story, revision: withdrawn ? { ...revision, withdrawn } : revision }
}
