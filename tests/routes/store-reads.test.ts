// Issue #7: under load an isolate reads the latest-version pointer from D1 at most once a
// second, and a burst of requests reaching an isolate that knows no version yet costs one
// read, not one per request. Issue #11: with many stories, the reads of a second do not grow
// with the number of slugs the isolate knows. The app is called with a D1 binding that
// counts its queries.
import { createExecutionContext, env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { forgetStories } from '../../src/stories'
import { SLUG, rawStory } from '../fixtures'

function countingDb() {
  const counter = { reads: 0, statements: [] as string[] }
  const db = new Proxy(env.DB, {
    get(target, key) {
      if (key === 'prepare') {
        return (sql: string) => {
          counter.reads++
          counter.statements.push(sql)
          return target.prepare(sql)
        }
      }
      const value = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { db, counter }
}

const request = (path: string, db: D1Database) => app.request(`http://factbox.test${path}`, {}, { ...env, DB: db }, createExecutionContext())

describe('reads of the story store', () => {
  it('asks once when a burst of requests reaches an isolate that knows no version yet', async () => {
    forgetStories()
    const { db, counter } = countingDb()
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) => request(`/widgets/${SLUG}/${['toll-counter', 'blockade-duration', 'statement-grid'][i % 3]}.svg?width=${400 + i}`, db)),
    )
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200))
    expect(new Set(responses.map((r) => r.headers.get('X-Story-Version'))).size).toBe(1)
    expect(counter.reads).toBe(1)
  })

  it('asks again only once the second is up, however many requests come within it', async () => {
    const { db, counter } = countingDb()
    for (let i = 0; i < 30; i++) expect((await request(`/widgets/${SLUG}/toll-counter.json?width=${300 + i}`, db)).status).toBe(200)
    expect(counter.reads).toBeLessThanOrEqual(1)
    await new Promise((r) => setTimeout(r, 1100))
    await Promise.all(Array.from({ length: 10 }, () => request(`/widgets/${SLUG}/toll-counter.json`, db)))
    expect(counter.reads).toBeLessThanOrEqual(2)
  })

  it('keeps every slug it knows current with one read a second, and serves a story another isolate created within it', async () => {
    forgetStories()
    const { db, counter } = countingDb()
    const slugs = Array.from({ length: 40 }, (_, i) => `probed-story-${i}`)
    for (const slug of slugs) expect((await request(`/widgets/${slug}/toll-counter.svg`, db)).status).toBe(404)
    expect(counter.reads).toBe(slugs.length)
    // Another isolate creates one of them: its version lands in D1, not in this isolate.
    const created = { ...rawStory(), slug: slugs[7] }
    await env.DB.prepare("INSERT INTO story_versions (slug, version, published_at, author, note, dataset) VALUES (?1, 1, '2026-03-12T09:00:00Z', 'editor', 'elsewhere', ?2)").bind(slugs[7], JSON.stringify(created)).run()
    await new Promise((r) => setTimeout(r, 1100))
    const before = counter.reads
    const statuses = []
    for (const slug of slugs) statuses.push((await request(`/widgets/${slug}/toll-counter.svg`, db)).status)
    expect(statuses).toEqual(slugs.map((s) => (s === slugs[7] ? 200 : 404)))
    // One read of what changed since, and one of the new version itself.
    expect(counter.reads - before).toBeLessThanOrEqual(2)
  })

  it('keeps 250 stories it serves parsed: asking for all of them again reads nothing but what changed', async () => {
    forgetStories()
    const { db, counter } = countingDb()
    const slugs = Array.from({ length: 250 }, (_, i) => `kept-story-${i}`)
    // As the store keeps a dataset: its sources name their text by digest.
    const dataset = { ...rawStory(), sources: rawStory().sources.map(({ text: _t, ...source }: any) => ({ ...source, digest: 'a'.repeat(64) })) }
    await env.DB.batch(slugs.map((slug) =>
      env.DB.prepare("INSERT INTO story_versions (slug, version, published_at, author, note, dataset) VALUES (?1, 1, '2026-03-12T09:00:00Z', 'editor', 'kept', ?2)").bind(slug, JSON.stringify({ ...dataset, slug }))))
    for (const slug of slugs) expect((await request(`/widgets/${slug}/toll-counter.json`, db)).status).toBe(200)
    await new Promise((r) => setTimeout(r, 1100))
    const before = counter.reads
    for (const slug of slugs) expect((await request(`/widgets/${slug}/toll-counter.json?width=500`, db)).status).toBe(200)
    expect(counter.reads - before).toBeLessThanOrEqual(1)
  }, 60_000) // 500 requests that parse and draw: a while on a loaded machine.

  it('finds a page after a cursor by seeking the index, not by reading every newer story first', async () => {
    const dataset = JSON.stringify(rawStory())
    await env.DB.batch(['paged-a', 'paged-b', 'paged-c'].flatMap((slug, i) => [
      env.DB.prepare("INSERT INTO stories (slug, created_at, created_by) VALUES (?1, ?2, 'editor')").bind(slug, `2026-01-0${i + 1}T00:00:00Z`),
      env.DB.prepare("INSERT INTO story_versions (slug, version, published_at, author, note, dataset, headline, as_of) VALUES (?1, 1, ?2, 'editor', 'paged', ?3, ?1, '2026-01-01')").bind(slug, `2026-01-0${i + 1}T00:00:00Z`, dataset),
    ]))
    const { db, counter } = countingDb()
    const first = await request('/api/stories?limit=1', db)
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('Link') ?? '')?.[1] as string
    counter.statements.length = 0
    const second = await request(next, db)
    expect(((await second.json()) as { slug: string }[]).map((s) => s.slug)).toEqual(['paged-b'])
    const [sql] = counter.statements
    const cursor = JSON.parse(atob(new URL(next, 'http://x').searchParams.get('cursor') as string))
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(cursor[0], cursor[1], 2).all<{ detail: string }>()
    expect(plan.results.map((r) => r.detail).join('\n')).toMatch(/SEARCH s USING COVERING INDEX stories_newest \(\(created_at,slug\)<\(\?,\?\)\)/)
  })
})
