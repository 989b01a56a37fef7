// GET /api/stories and /api/stories/{slug} (CONTRACT.md "Endpoints").
import { router } from '../env'
import { cacheFor } from '../http/caching'
import { loadStory, storySlugs } from '../stories'

export const storyRoutes = router()

storyRoutes.get('/api/stories', async (c) => {
  const list = await Promise.all(storySlugs().map((slug) => loadStory(c.env.DB, slug)))
  const body = list.map(({ story, version }) => ({
    slug: story.slug, headline: story.headline.en, asOf: story.asOf, published: story.published, version,
  }))
  const notModified = await cacheFor(c, { parts: ['stories', ...list.map((s) => `${s.story.slug}@${s.version}`)], pinned: false })
  return notModified ?? c.json(body)
})

storyRoutes.get('/api/stories/:slug', async (c) => {
  const { story, version } = await loadStory(c.env.DB, c.req.param('slug'))
  const notModified = await cacheFor(c, { parts: ['story', story.slug, version], pinned: false })
  // Readers of the dataset may be about to edit it: its ETag is what PUT's If-Match names.
  if (notModified) return notModified
  c.header('X-Story-Version', String(version))
  return c.json(story)
})
