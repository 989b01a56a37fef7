import { describe, expect, it } from 'vitest'
import { widgets } from '../../widgets/index'
import { SLUG, rawStory } from '../fixtures'
import { get } from '../http'

describe('GET /healthz', () => {
  it('says ok', async () => {
    const res = await get('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true })
  })
})

describe('GET /api/stories', () => {
  it('lists the bundled story with slug, headline, asOf and version', async () => {
    const res = await get('/api/stories')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual([expect.objectContaining({ slug: SLUG, headline: expect.any(String), asOf: '2025-05-06', version: 1 })])
    expect(res.headers.get('ETag')).toBeTruthy()
  })

  it('serves the full dataset with an ETag and answers 304 to it', async () => {
    const res = await get(`/api/stories/${SLUG}`)
    expect(res.status).toBe(200)
    // As bundled, but each source names its text by digest (served at .../sources/{id}).
    const raw = rawStory()
    const digest = async (text: string) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('')
    const sources = await Promise.all(raw.sources.map(async ({ text, ...s }: any) => ({ ...s, digest: await digest(text) })))
    expect(await res.json()).toEqual({ ...raw, sources })
    const etag = res.headers.get('ETag')!
    expect((await get(`/api/stories/${SLUG}`, { 'If-None-Match': etag })).status).toBe(304)
  })

  it('answers an unknown story with a 404 problem', async () => {
    const res = await get('/api/stories/nope')
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  })
})

describe('GET /api/widgets', () => {
  it('lists every widget with its option schema and descriptions', async () => {
    const list = (await (await get('/api/widgets')).json()) as any[]
    expect(list.map((w) => w.id)).toEqual(Object.keys(widgets))
    const toll = list.find((w) => w.id === 'toll-counter')
    expect(Object.keys(toll.options.properties)).toEqual(expect.arrayContaining(['theme', 'width', 'locale', 'version', 'figures']))
    expect(toll.options.properties.width).toMatchObject({ minimum: 280, maximum: 1600, default: 640 })
    expect(toll.options.properties.theme.description).toMatch(/prefers-color-scheme/)
    expect(list.find((w) => w.id === 'blockade-duration').options.properties).toHaveProperty('until')
    expect(list.find((w) => w.id === 'statement-grid').options.properties).toHaveProperty('columns')
  })
})

