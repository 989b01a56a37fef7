// Issue #15: a new isolate's first SVG, JSON, CSV or embed page of a story is what
// publishing made and wrote to Workers KV, when KV holds it for the version D1 says is the
// latest; otherwise the route draws, and a reader who had to draw writes it there.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { forgetRendered } from '../../src/http/render-cache'
import { forgetStories } from '../../src/stories'
import { widgets } from '../../widgets/index'
import strike from '../fixtures/stories/port-strike.json'
import { SLUG } from '../fixtures'

const ORIGIN = 'http://factbox.test'
const AUTH = { Authorization: 'Bearer test-admin-token' }
/** The deploy the tests run (wrangler.toml's [version_metadata], as Miniflare makes it). */
const REVISION = env.CF_VERSION_METADATA.id

/** One request, its waitUntil work finished before it returns; `bindings` stand in for another deploy. */
async function request(path: string, init: RequestInit = {}, bindings: Partial<typeof env> = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(new Request(ORIGIN + path, init), { ...env, ...bindings }, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

/** As a new isolate starts: nothing drawn, no story or pointer known. */
function newIsolate(): void {
  forgetRendered()
  forgetStories()
}

async function create(slug: string): Promise<{ publishedAt: string }> {
  const res = await request('/api/stories', {
    method: 'POST',
    headers: { ...AUTH, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...structuredClone(strike), slug, note: 'First version' }),
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { publishedAt: string }
}

async function publish(slug: string, fields: Record<string, unknown>): Promise<{ version: number }> {
  const live = await request(`/api/stories/${slug}`, { headers: AUTH })
  const story = (await live.json()) as object
  const res = await request(`/api/stories/${slug}`, {
    method: 'PUT',
    headers: { ...AUTH, 'If-Match': live.headers.get('ETag')!, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...story, note: 'For the history', ...fields }),
  })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as { version: number }
}

const kv = () => env.PUBLISHED_PNGS
const key = (slug: string, id: string, format: string) => `body/${REVISION}/${slug}/${id}.${format}${format === 'embed' ? `/${ORIGIN}` : ''}`
const pathOf = (slug: string, id: string, format: string) => (format === 'embed' ? `/embed/${slug}/${id}` : `/widgets/${slug}/${id}.${format}`)

/** Puts `marker` in KV in place of the body kept under `k`, with its metadata, so that a body read from KV shows. */
async function mark(k: string, marker: string): Promise<void> {
  const kept = await kv().getWithMetadata(k, 'text')
  expect(kept.value, `${k} in KV`).not.toBeNull()
  await kv().put(k, marker, { metadata: kept.metadata })
}

describe('the default bodies of a published version', () => {
  it('are written to KV by the publish, for every widget and format, and are what a new isolate’s first request serves, with the ETag the route gives', async () => {
    const slug = 'stored-bodies-strike'
    await create(slug)
    for (const id of Object.keys(widgets)) {
      for (const format of ['svg', 'json', 'csv', 'embed']) {
        // What this isolate draws for the URL, and the ETag it gives it.
        const drawn = await request(pathOf(slug, id, format))
        expect(drawn.status).toBe(200)
        const body = await drawn.text()
        const kept = await kv().getWithMetadata<{ version: number; etag: string }>(key(slug, id, format), 'text')
        expect(kept.value, `${id}.${format} in KV`).toBe(body)
        expect(kept.metadata?.version).toBe(1)
        expect(kept.metadata?.etag).toBe(drawn.headers.get('ETag'))

        // Another location: a new isolate answers with what KV holds (a marker here, so a
        // drawing would show), with the same headers as the drawn response.
        await mark(key(slug, id, format), `stored ${id}.${format}`)
        newIsolate()
        const first = await request(pathOf(slug, id, format))
        expect(first.status).toBe(200)
        expect(await first.text()).toBe(`stored ${id}.${format}`)
        for (const header of ['ETag', 'Cache-Control', 'Content-Type', 'Content-Security-Policy', 'Content-Disposition']) {
          expect(first.headers.get(header), `${id}.${format} ${header}`).toBe(drawn.headers.get(header))
        }
        // A revalidation of it is a 304, as for a drawn one.
        newIsolate()
        const again = await request(pathOf(slug, id, format), { headers: { 'If-None-Match': drawn.headers.get('ETag')! } })
        expect(again.status).toBe(304)
        await kv().put(key(slug, id, format), body, { metadata: kept.metadata })
      }
    }
  })

  it('are never served for another version than D1’s latest: a correction is served at once, and a retraction withdraws the stored bodies too', async () => {
    const slug = 'stored-bodies-corrected'
    await create(slug)
    // The KV copy of version 1 is the one another location still sees after version 2 is
    // published (KV takes up to a minute to reach it): the marker stands for it.
    const v1 = await kv().getWithMetadata(key(slug, 'toll-counter', 'svg'), 'text')
    await publish(slug, { kind: 'correction', publicNote: 'An earlier version misspelt the port’s name.' })
    await kv().put(key(slug, 'toll-counter', 'svg'), 'version 1 as KV kept it', { metadata: v1.metadata })
    newIsolate()
    const corrected = await request(pathOf(slug, 'toll-counter', 'svg'))
    expect(corrected.status).toBe(200)
    const svg = await corrected.text()
    expect(svg).toContain('<svg')
    expect(svg).toContain('Corrected')
    // The reader who drew it wrote it for the next new isolate.
    expect((await kv().getWithMetadata<{ version: number }>(key(slug, 'toll-counter', 'svg'), 'text')).metadata?.version).toBe(2)

    const { version } = await publish(slug, { kind: 'retraction', publicNote: 'The report could not be verified.' })
    for (const format of ['svg', 'json', 'embed']) {
      const kept = await kv().getWithMetadata<{ version: number }>(key(slug, 'statement-grid', format), 'text')
      expect(kept.metadata?.version, format).toBe(version)
      expect(kept.value, format).toContain('The report could not be verified.')
      newIsolate()
      const first = await request(pathOf(slug, 'statement-grid', format))
      expect(await first.text(), format).toBe(kept.value)
    }
  })

  it('are not served when the store was restored and a later publish took the same number', async () => {
    const slug = 'stored-bodies-restored'
    await create(slug)
    const k = key(slug, 'toll-counter', 'json')
    const kept = await kv().getWithMetadata<{ version: number; storedAt: string }>(k, 'text')
    // The same version number, published at another moment than the row D1 holds.
    await kv().put(k, '{"stored":"before the restore"}', { metadata: { ...kept.metadata, storedAt: '2020-01-01T00:00:00.000Z' } })
    newIsolate()
    const res = await request(pathOf(slug, 'toll-counter', 'json'))
    expect(((await res.json()) as { story: string }).story).toBe(slug)
  })

  it('are not read for a pinned version, other options or a fixed-width embed page, nor by a deploy of other code', async () => {
    const slug = 'stored-bodies-options'
    await create(slug)
    await mark(key(slug, 'toll-counter', 'svg'), 'stored default')
    await mark(key(slug, 'toll-counter', 'embed'), 'stored default page')
    for (const path of [`/widgets/${slug}/toll-counter.svg?version=1`, `/widgets/${slug}/toll-counter.svg?theme=dark`, `/widgets/${slug}/toll-counter.svg?locale=ar`, `/embed/${slug}/toll-counter?width=400`]) {
      newIsolate()
      const res = await request(path)
      expect(res.status, path).toBe(200)
      expect(await res.text(), path).not.toMatch(/^stored default/)
    }
    // Other code deployed: its first request draws, and gives another ETag than the last deploy's.
    newIsolate()
    const before = await request(`/widgets/${slug}/toll-counter.svg`)
    expect(await before.text()).toBe('stored default')
    newIsolate()
    const deployed = await request(`/widgets/${slug}/toll-counter.svg`, {}, { CF_VERSION_METADATA: { id: 'the-next-deploy', tag: '', timestamp: '2026-12-02T00:00:00Z' } })
    expect(await deployed.text()).toContain('<svg')
    expect(deployed.headers.get('ETag')).not.toBe(before.headers.get('ETag'))
  })
})

describe('when D1 does not answer a new isolate', () => {
  const fail = () => Promise.reject(new Error('D1_ERROR: storage is down'))
  const statement = { bind: () => statement, first: fail, all: fail, run: fail, raw: fail }
  const brokenDb = { prepare: () => statement, batch: fail, exec: fail } as unknown as D1Database

  it('serves the body published last, marked stale and cached briefly, and never the bundled story’s', async () => {
    const slug = 'stored-bodies-outage'
    await create(slug)
    const kept = await kv().get(key(slug, 'statement-grid', 'svg'), 'text')
    newIsolate()
    const res = await request(pathOf(slug, 'statement-grid', 'svg'), {}, { DB: brokenDb })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(kept)
    expect(res.headers.get('X-Factbox-Stale')).toBeTruthy()
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=5, s-maxage=5')
    // The bundled story's body in KV may be older than a retraction published over it.
    newIsolate()
    expect((await request(`/widgets/${SLUG}/statement-grid.svg`)).status).toBe(200)
    expect(await kv().get(key(SLUG, 'statement-grid', 'svg'))).not.toBeNull()
    newIsolate()
    const bundled = await request(`/widgets/${SLUG}/statement-grid.svg`, {}, { DB: brokenDb })
    expect(bundled.status).toBe(503)
    expect(bundled.headers.get('Retry-After')).toBe('5')
    // Other options have no body in KV: 503 as before.
    newIsolate()
    expect((await request(`/widgets/${slug}/statement-grid.svg?theme=dark`, {}, { DB: brokenDb })).status).toBe(503)
  })
})

describe('the bundled story’s default bodies, which no publish made', () => {
  it('are written to KV by the first reader in an isolate who had to draw one, and only at the default options', async () => {
    const k = key(SLUG, 'blockade-duration', 'svg')
    await kv().delete(k)
    newIsolate()
    // A request with other options first: this isolate now knows the story, and writes nothing.
    const other = `/widgets/${SLUG}/blockade-duration.svg?theme=dark`
    expect((await request(other)).status).toBe(200)
    expect((await kv().list({ prefix: `body/${REVISION}/${SLUG}/` })).keys.map((x) => x.name)).not.toContain(`${k}?theme=dark`)
    expect(await kv().get(k)).toBeNull()
    // A new isolate's first request at the default options writes what it drew.
    newIsolate()
    const drawn = await request(`/widgets/${SLUG}/blockade-duration.svg`)
    const kept = await kv().getWithMetadata<{ version: number; storedAt: string; etag: string }>(k, 'text')
    expect(kept.value).toBe(await drawn.text())
    expect(kept.metadata).toMatchObject({ version: 1, storedAt: 'bundled', etag: drawn.headers.get('ETag') })
    // Nothing was written for the dark request, under any key.
    const names = (await kv().list({ prefix: `body/${REVISION}/${SLUG}/blockade-duration` })).keys.map((x) => x.name)
    expect(names).toEqual([k])
  })
})
