// When D1 fails (issue #6): readers get the version this isolate last served, marked
// stale, or a 503 problem with Retry-After; never the bundled data when a newer version
// exists, never a 500; a failed publish leaves no partial version. The app is called
// directly with a broken database in place of the real one. Order matters here: the
// isolate's memory of what it served is part of the behaviour under test.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { SLUG, withFollowUpToll } from '../fixtures'

const fail = () => Promise.reject(new Error('D1_ERROR: storage is down'))
const statement = { bind: () => statement, first: fail, all: fail, run: fail, raw: fail }
const brokenDb = { prepare: () => statement, batch: fail, exec: fail } as unknown as D1Database

function request(path: string, db: D1Database, init: RequestInit = {}, ctx = createExecutionContext()) {
  return app.request(`http://factbox.test${path}`, init, { ...env, DB: db }, ctx)
}
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('when the story store fails', () => {
  it('answers 503 with Retry-After when this isolate has served no version yet', async () => {
    const res = await request(`/widgets/${SLUG}/toll-counter.svg`, brokenDb)
    expect(res.status).toBe(503)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
    expect(res.headers.get('Retry-After')).toBe('5')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it('serves the version this isolate served last, marked stale, never the bundled one', async () => {
    // Publish version 2 with the store up, and serve it once.
    const live = await request(`/api/stories/${SLUG}`, env.DB)
    const story = (await live.json()) as any
    withFollowUpToll(story, 60000)
    const publishing = createExecutionContext()
    const put = await request(`/api/stories/${SLUG}`, env.DB, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${env.ADMIN_TOKEN}`, 'If-Match': live.headers.get('ETag')!, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...story, note: 'Before the outage' }),
    }, publishing)
    expect(put.status).toBe(200)
    // The publish draws its PNGs after answering, reading the store as it does.
    await waitOnExecutionContext(publishing)
    expect((await request(`/widgets/${SLUG}/toll-counter.json`, env.DB)).status).toBe(200)
    await wait(1100) // past the moment the isolate trusts its pointer without asking

    const res = await request(`/widgets/${SLUG}/toll-counter.json`, brokenDb)
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Factbox-Stale')).toBeTruthy()
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=5, s-maxage=5')
    const body = (await res.json()) as any
    expect(body.version).toBe(2)
    expect(body.figures[0].value).toBe(60000)
  })

  it('refuses a publish with 503 and stores nothing', async () => {
    const live = await request(`/api/stories/${SLUG}`, env.DB)
    const story = (await live.json()) as any
    const res = await request(`/api/stories/${SLUG}`, brokenDb, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${env.ADMIN_TOKEN}`, 'If-Match': live.headers.get('ETag')!, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...story, note: 'During the outage' }),
    })
    expect([412, 503]).toContain(res.status)
    expect(res.status).not.toBe(500)
    const versions = (await (await request(`/api/stories/${SLUG}/versions`, env.DB)).json()) as any[]
    expect(versions.map((v) => v.note)).not.toContain('During the outage')
  })

  it('answers 503, not 500, on every route that reads versions', async () => {
    for (const path of [`/api/stories/${SLUG}/versions`, `/api/stories/${SLUG}/versions/7`, `/api/stories/${SLUG}/figures/killed-gaza/history`]) {
      const res = await request(path, brokenDb)
      expect(res.status, path).toBe(503)
    }
  })
})
