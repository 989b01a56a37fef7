// Issue #7: under load an isolate reads the latest-version pointer from D1 at most once a
// second, and a burst of requests reaching an isolate that knows no version yet costs one
// read, not one per request. The app is called with a D1 binding that counts its queries.
import { createExecutionContext, env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { forgetStories } from '../../src/stories'
import { SLUG } from '../fixtures'

function countingDb() {
  const counter = { reads: 0 }
  const db = new Proxy(env.DB, {
    get(target, key) {
      if (key === 'prepare') {
        return (sql: string) => {
          counter.reads++
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
})
