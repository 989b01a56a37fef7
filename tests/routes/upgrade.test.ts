// A database made by the first release's migration (0001: story_versions only), holding
// versions published then in the v1 shape (`blockade`, no sources, a toll changed without a
// new source), upgraded by today's migrations: every stored version still serves, as stored,
// and the story can be published over. A story created before the search index (0004) is
// found by a search once the index is added.
import { applyD1Migrations, createExecutionContext, env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import strike from '../fixtures/stories/port-strike.json'
import v1 from '../fixtures/v1/gaza-2025-05-06.json'
import { SLUG, rawStory, withFollowUpToll } from '../fixtures'

const db = env.UPGRADE_DB
const request = (path: string, init: RequestInit = {}) => app.request(`http://factbox.test${path}`, init, { ...env, DB: db }, createExecutionContext())

// As the first release stored them: the bundled file as version 1, then a PUT of 7 May.
const storedV1 = JSON.stringify(v1)
const changed = structuredClone(v1) as any
changed.figures[0].value = 52600
const storedV2 = JSON.stringify(changed)

beforeAll(async () => {
  await applyD1Migrations(db, env.TEST_MIGRATIONS.filter((m) => m.name.startsWith('0001')))
  const insert = "INSERT INTO story_versions (slug, version, published_at, author, note, dataset) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
  await db.batch([
    db.prepare(insert).bind(SLUG, 1, '2025-05-06T00:00:00Z', 'factbox', 'Bundled dataset', storedV1),
    db.prepare(insert).bind(SLUG, 2, '2025-05-07T09:30:00.000Z', 'editor', 'Toll of 7 May', storedV2),
  ])
  // Then the release before the search index: a story created over HTTP then.
  await applyD1Migrations(db, env.TEST_MIGRATIONS.filter((m) => !m.name.startsWith('0004')))
  const created = await request('/api/stories', {
    method: 'POST',
    headers: { Authorization: `Bearer ${env.ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...strike, note: 'Created before the search index' }),
  })
  expect(created.status).toBe(201)
  await applyD1Migrations(db, env.TEST_MIGRATIONS)
})

describe('a database from the first release, upgraded', () => {
  it('has every migration applied and both versions as they were', async () => {
    const { results } = await db.prepare('SELECT version, kind, public_note, dataset FROM story_versions WHERE slug = ?1 ORDER BY version').bind(SLUG).all<any>()
    expect(results.map((r) => [r.version, r.kind, r.public_note])).toEqual([[1, 'update', null], [2, 'update', null]])
    expect(results[1].dataset).toBe(storedV2)
  })

  it('serves the latest stored version in every widget, and the older one pinned', async () => {
    const latest = await request(`/widgets/${SLUG}/toll-counter.json`)
    expect(latest.status).toBe(200)
    const body = (await latest.json()) as any
    expect(body.version).toBe(2)
    expect(body.figures[0].value).toBe(52600)
    const pinned = (await (await request(`/widgets/${SLUG}/toll-counter.json?version=1`)).json()) as any
    expect(pinned.figures[0].value).toBe(52567)
    for (const widget of ['toll-counter', 'blockade-duration', 'statement-grid']) {
      const svg = await request(`/widgets/${SLUG}/${widget}.svg?version=2&locale=ar`)
      expect(svg.status, widget).toBe(200)
    }
    expect(await (await request(`/widgets/${SLUG}/blockade-duration.svg?version=2`)).text()).toContain('Duration of the halt to aid deliveries')
  })

  it('keeps the first release’s history note out of the widgets', async () => {
    const svg = await (await request(`/widgets/${SLUG}/toll-counter.svg`)).text()
    expect(svg).not.toContain('Toll of 7 May')
  })

  it('serves each stored version byte for byte, its history, and the article it cites', async () => {
    expect(await (await request(`/api/stories/${SLUG}/versions/2`)).text()).toBe(storedV2)
    const versions = (await (await request(`/api/stories/${SLUG}/versions`)).json()) as any[]
    expect(versions.map((v) => v.version)).toEqual([2, 1])
    const article = await request(`/api/stories/${SLUG}/sources/article?version=2`)
    expect(article.status).toBe(200)
    expect(await article.text()).toMatch(/^A senior Hamas official/)
    expect((await request(`/api/stories/${SLUG}/corrections`)).status).toBe(200)
  })

  it('finds a story created before the search index by the words of its headline', async () => {
    const words = strike.headline.en.split(' ').slice(0, 2).join(' ')
    const found = (await (await request(`/api/stories?q=${encodeURIComponent(words)}`)).json()) as any[]
    expect(found.map((s) => s.slug)).toEqual([strike.slug])
  })

  it('takes a new version over the upgraded ones, once its labels stand alone', async () => {
    const live = await request(`/api/stories/${SLUG}`)
    // The first release's labels lean on other figures ("in the same attack"): today's
    // publish refuses them, so the editor publishes the relabelled dataset.
    const refused = await request(`/api/stories/${SLUG}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${env.ADMIN_TOKEN}`, 'If-Match': live.headers.get('ETag')!, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...((await live.json()) as any), note: 'As it was' }),
    })
    expect(refused.status).toBe(422)
    const story = withFollowUpToll(rawStory(), 52700)
    const put = await request(`/api/stories/${SLUG}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${env.ADMIN_TOKEN}`, 'If-Match': live.headers.get('ETag')!, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...story, note: 'Toll of 9 May', kind: 'update' }),
    })
    expect(put.status).toBe(200)
    expect(((await put.json()) as any).version).toBe(3)
    expect(await (await request(`/api/stories/${SLUG}/versions/2`)).text()).toBe(storedV2)
  })
})
