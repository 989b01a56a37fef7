// GET /api/stories, /api/stories/{slug} and /api/stories/{slug}/sources/{id}
// (CONTRACT.md "Endpoints", "v2: stories from any article").
import * as z from 'zod/mini'
import { router } from '../env'
import { hasEditorCredentials } from '../http/auth'
import { cacheFor } from '../http/caching'
import { invalidParams, notFound } from '../http/problem'
import { validate } from '../http/validation'
import { audienceFor, cacheForAudience, withdrawnNotice, withdrawnText } from '../http/withdrawn'
import { loadStory, readCursor, storedForm, storyPage, textsByDigest } from '../stories'
import { lazySchema } from '../../widgets/options'

export const storyRoutes = router()

const listQuery = lazySchema(() => z.object({
  limit: z._default(
    z.coerce.number().check(z.int({ error: 'must be a whole number from 1 to 100' }), z.minimum(1, { error: 'must be at least 1' }), z.maximum(100, { error: 'must be at most 100' })),
    50,
  ),
  cursor: z.optional(z.string().check(z.maxLength(200, { error: 'is not a cursor this service gave' }))),
  q: z.optional(z.string().check(z.trim(), z.maxLength(200, { error: 'must be at most 200 characters' }))),
}))

storyRoutes.get('/api/stories', validate('query', listQuery), async (c) => {
  const { limit, cursor, q } = c.req.valid('query')
  const after = cursor === undefined ? undefined : readCursor(cursor)
  if (cursor !== undefined && !after) throw invalidParams([{ name: 'cursor', reason: 'is not a cursor this service gave; start from the first page' }])
  // Editors (with credentials) see a withdrawn story's headline; readers see that it was withdrawn.
  c.header('Vary', 'Authorization')
  const audience = (await hasEditorCredentials(c)) ? 'editors' : 'readers'
  const page = await storyPage(c.env.DB, { limit, after, query: q || undefined }, audience)
  const identity = { parts: ['stories', audience, limit, cursor ?? '', q ?? '', ...page.stories.map((s) => `${s.slug}@${s.version}`)], pinned: false }
  const notModified = await cacheFor(c, identity)
  if (audience === 'editors') {
    // What editors see is never stored by a shared cache (as a withdrawn story's data).
    c.header('Cache-Control', 'private, no-store')
    notModified?.headers.set('Cache-Control', 'private, no-store')
  }
  // A JSON list, as in v1; the next page is a Link (RFC 8288), as GitHub's API pages.
  if (page.next) {
    const next = new URLSearchParams({ limit: String(limit), cursor: page.next, ...(q ? { q } : {}) })
    c.header('Link', `</api/stories?${next}>; rel="next"`)
  }
  return notModified ?? c.json(page.stories)
})

storyRoutes.get('/api/stories/:slug', async (c) => {
  const { story, version } = await loadStory(c.env.DB, c.req.param('slug'))
  const audience = await audienceFor(c, story)
  const notModified = await cacheForAudience(c, { parts: ['story', story.slug, version], pinned: false }, audience, story)
  // Readers of the dataset may be about to edit it: its ETag is what PUT's If-Match names.
  if (notModified) return notModified
  c.header('X-Story-Version', String(version))
  if (audience === 'readers') return c.json(withdrawnNotice(story))
  // Sources name their text by digest; a PUT may send them back as they are.
  return c.json((await storedForm(story)).dataset)
})

const versionQuery = lazySchema(() => z.object({
  version: z.optional(z.coerce.number().check(z.int({ error: 'must be a published version number' }), z.minimum(1, { error: 'must be a published version number' }))),
}))

storyRoutes.get('/api/stories/:slug/sources/:id', validate('query', versionQuery), async (c) => {
  const pin = c.req.valid('query').version
  const { story, version } = await loadStory(c.env.DB, c.req.param('slug'), pin)
  const id = c.req.param('id')
  const json = /\bapplication\/json\b/i.test(c.req.header('Accept') ?? '')
  const audience = await audienceFor(c, story)
  if (audience === 'readers') {
    // Whatever the id: which sources the story cites is part of what was withdrawn.
    const notModified = await cacheForAudience(c, { parts: ['source', story.slug, version, json ? 'json' : 'text'], pinned: pin !== undefined }, audience, story)
    if (notModified) return notModified
    return json ? c.json(withdrawnNotice(story)) : c.body(withdrawnText(story), 200, { 'Content-Type': 'text/plain; charset=utf-8' })
  }
  const source = story.sources.find((s) => s.id === id)
  if (!source) throw notFound(`Story "${story.slug}" cites no source "${id}". Its sources: ${story.sources.map((s) => s.id).join(', ')}.`)
  const notModified = await cacheForAudience(c, { parts: ['source', story.slug, version, id, json ? 'json' : 'text'], pinned: pin !== undefined }, audience, story)
  if (notModified) return notModified
  const { dataset, texts } = await storedForm({ ...story, sources: [source] })
  const meta = (dataset.sources as Record<string, unknown>[])[0]
  let text: string | undefined = source.text ?? texts[0]?.text
  if (text === undefined && typeof meta.digest === 'string') text = (await textsByDigest(c.env.DB, [meta.digest])).get(meta.digest)
  if (text === undefined) throw notFound(`The text of source "${id}" is not kept.`)
  c.header('X-Story-Version', String(version))
  if (json) return c.json({ ...meta, text })
  return c.body(text, 200, { 'Content-Type': 'text/plain; charset=utf-8' })
})
