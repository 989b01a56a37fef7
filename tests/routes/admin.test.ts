// Publishing (issue #5): every status of PUT, the 20-way race, history that never changes,
// and widgets that show a publish on the next request.
import { SELF, env } from 'cloudflare:test'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { SLUG, rawStory, withFollowUpToll } from '../fixtures'
import { ORIGIN, get, problem } from '../http'

const TOKEN = 'test-admin-token'

async function current() {
  const res = await get(`/api/stories/${SLUG}`)
  return { etag: res.headers.get('ETag')!, version: Number(res.headers.get('X-Story-Version')), story: (await res.json()) as any }
}

function put(body: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch(`${ORIGIN}/api/stories/${SLUG}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** The current dataset with the toll changed, ready to publish over the version it came from. */
async function withToll(value: number, note = `Toll updated to ${value}`, asOf?: string) {
  const { etag, version, story } = await current()
  withFollowUpToll(story, value, 'killed-gaza', asOf)
  return { etag, version, body: { ...story, note, author: 'Test Editor' } as any }
}

describe('PUT /api/stories/{slug}', () => {
  it('answers 401 without a token or with a wrong one, and never stores anything', async () => {
    const { etag, body } = await withToll(1)
    for (const auth of [undefined, 'Bearer wrong-token', 'Basic dGVzdA==', `Bearer ${TOKEN}x`]) {
      const res = await SELF.fetch(`${ORIGIN}/api/stories/${SLUG}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': etag, ...(auth ? { Authorization: auth } : {}) },
        body: JSON.stringify(body),
      })
      expect(res.status).toBe(401)
      expect(res.headers.get('Content-Type')).toBe('application/problem+json')
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(JSON.stringify(await problem(res))).not.toContain(TOKEN)
    }
    expect((await current()).etag).toBe(etag)
  })

  it('answers 428 without If-Match and 412 with a stale one', async () => {
    const { etag, body } = await withToll(2)
    expect((await put(body)).status).toBe(428)
    const stale = await put(body, { 'If-Match': '"0123456789abcdef01234567"' })
    expect(stale.status).toBe(412)
    expect((await problem(stale)).detail).toMatch(/was published after the one you edited/)
    expect((await current()).etag).toBe(etag)
  })

  it('answers 422 listing every problem of an invalid dataset', async () => {
    const { etag, body } = await withToll(3)
    body.figures[0].value = -1
    body.figures[1].asOf = 'yesterday'
    delete body.note
    body.statements[0].kind = 'rumour'
    const res = await put(body, { 'If-Match': etag })
    expect(res.status).toBe(422)
    const names = (await problem(res))['invalid-params']!.map((p) => p.name)
    expect(names).toEqual(expect.arrayContaining(['note', 'figures.0.value', 'figures.1.asOf', 'statements.0.kind']))
  })

  it('answers 415 to a body that is not JSON, 413 to one too large, 422 to another story’s slug', async () => {
    const { etag, body } = await withToll(4)
    expect((await put(body, { 'If-Match': etag, 'Content-Type': 'text/plain' })).status).toBe(415)
    expect((await put({ ...body, padding: 'x'.repeat(600 * 1024) }, { 'If-Match': etag })).status).toBe(413)
    const other = await put({ ...body, slug: 'another-story' }, { 'If-Match': etag })
    expect(other.status).toBe(422)
    expect((await problem(other))['invalid-params']).toEqual([expect.objectContaining({ name: 'slug' })])
  })

  it('publishes a new version: 200 with its number and ETag, and every widget shows it on the next request', async () => {
    const before = await get(`/widgets/${SLUG}/toll-counter.svg`)
    const beforeEtag = before.headers.get('ETag')
    const { etag, version, body } = await withToll(52600, 'Health ministry figure of 8 May', '2025-05-08')
    const res = await put({ ...body, publicNote: 'The toll is the health ministry’s figure of 8 May.' }, { 'If-Match': etag })
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const published = (await res.json()) as any
    // The body says "Test Editor"; the version names who signed in, the ADMIN_TOKEN's owner.
    expect(published).toMatchObject({ slug: SLUG, version: version + 1, author: 'owner', note: 'Health ministry figure of 8 May', kind: 'update' })
    const now = await current()
    expect(res.headers.get('ETag')).toBe(now.etag)
    expect(now.version).toBe(version + 1)

    const svg = await get(`/widgets/${SLUG}/toll-counter.svg`)
    expect(svg.headers.get('ETag')).not.toBe(beforeEtag)
    const text = await svg.text()
    expect(text).toContain('52,600')
    expect(text).toMatch(/Updated \d+ \w+ \d{4}: \u2068The toll is the health ministry’s figure of 8 May.\u2069/)
    expect(text).not.toContain('Health ministry figure of 8 May')
    expect(text).toContain('up 33 since 6 May 2025')
    const json = (await (await get(`/widgets/${SLUG}/toll-counter.json`)).json()) as any
    expect(json.version).toBe(version + 1)
    expect(json.figures[0].value).toBe(52600)
    expect(json.figures[0]).toMatchObject({ previousValue: 52567, previousAsOf: '2025-05-06' })
    expect(json.figures[1]).toMatchObject({ previousValue: null, previousAsOf: null })
    // The version before stays one request away.
    const pinned = (await (await get(`/widgets/${SLUG}/toll-counter.json?version=${version}`)).json()) as any
    expect(pinned.figures[0].value).not.toBe(52600)
  })

  it('lets exactly one of 20 concurrent publishes with the same If-Match through; the rest get 412', async () => {
    const { etag, version, body } = await withToll(52700)
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => put({ ...body, note: `Racer ${i}` }, { 'If-Match': etag })))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 412)).toHaveLength(19)
    const list = (await (await get(`/api/stories/${SLUG}/versions`)).json()) as any[]
    expect(list[0].version).toBe(version + 1)
    expect(list.map((v) => v.version)).toEqual(Array.from({ length: version + 1 }, (_, i) => version + 1 - i))
  })
})

describe('versions', () => {
  it('lists every version newest first with time, author and, for editors, the history note, the bundled data as version 1', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` }
    const list = (await (await get(`/api/stories/${SLUG}/versions`, auth)).json()) as any[]
    expect(list.length).toBeGreaterThanOrEqual(3)
    expect(list[list.length - 1]).toMatchObject({ version: 1, author: 'factbox', note: 'Bundled dataset' })
    const publicNote = (v: any) => (v.version === 2 ? 'The toll is the health ministry’s figure of 8 May.' : null)
    for (const v of list) expect(v).toEqual({ version: expect.any(Number), publishedAt: expect.any(String), author: expect.any(String), note: expect.any(String), kind: 'update', publicNote: publicNote(v) })
    // Without credentials: the same versions, never the notes written for the history.
    const res = await get(`/api/stories/${SLUG}/versions`)
    const readers = (await res.json()) as any[]
    expect(readers.map((v) => v.version)).toEqual(list.map((v) => v.version))
    for (const v of readers) expect(v).toEqual({ version: expect.any(Number), publishedAt: expect.any(String), author: expect.any(String), kind: 'update', publicNote: publicNote(v) })
    expect(res.headers.get('Vary')).toMatch(/Authorization/)
    // Nor in a figure's history; and the two answers have their own ETags.
    const history = (await (await get(`/api/stories/${SLUG}/figures/killed-gaza/history`)).json()) as any[]
    for (const h of history) expect(h).not.toHaveProperty('note')
    const editorsHistory = (await (await get(`/api/stories/${SLUG}/figures/killed-gaza/history`, auth)).json()) as any[]
    expect(editorsHistory[0]).toHaveProperty('note')
    const editorsRes = await get(`/api/stories/${SLUG}/versions`, auth)
    expect(editorsRes.headers.get('ETag')).not.toBe(res.headers.get('ETag'))
    expect(editorsRes.headers.get('Cache-Control')).toBe('private, no-store')
  })

  it('serves each version unchanged after later publishes', async () => {
    const v1 = await (await get(`/api/stories/${SLUG}/versions/1`)).text()
    const v2 = await (await get(`/api/stories/${SLUG}/versions/2`)).text()
    expect(JSON.parse(v1).figures[0].value).toBe(rawStory().figures[0].value)
    const { etag, body } = await withToll(52800, 'Another update')
    expect((await put(body, { 'If-Match': etag })).status).toBe(200)
    expect(await (await get(`/api/stories/${SLUG}/versions/1`)).text()).toBe(v1)
    expect(await (await get(`/api/stories/${SLUG}/versions/2`)).text()).toBe(v2)
    // Its data never changes; it is cached like the latest because a retraction withdraws it too.
    const res = await get(`/api/stories/${SLUG}/versions/2`)
    expect(res.headers.get('Cache-Control')).toBe((await get(`/api/stories/${SLUG}`)).headers.get('Cache-Control'))
    expect((await get(`/api/stories/${SLUG}/versions/999`)).status).toBe(404)
  })

  it('gives a figure’s history across versions', async () => {
    const history = (await (await get(`/api/stories/${SLUG}/figures/killed-gaza/history`)).json()) as any[]
    expect(history[history.length - 1]).toMatchObject({ version: 1, value: 52567, qualifier: 'at least' })
    expect(history[0].value).toBe(52800)
    expect(history.map((h) => h.version)).toEqual([...history.map((h) => h.version)].sort((a, b) => b - a))
    expect((await get(`/api/stories/${SLUG}/figures/nope/history`)).status).toBe(404)
  })

  it('cannot be changed or deleted, even by SQL', async () => {
    await expect(env.DB.prepare("UPDATE story_versions SET note = 'rewritten'").run()).rejects.toThrow(/append-only/)
    await expect(env.DB.prepare('DELETE FROM story_versions').run()).rejects.toThrow(/append-only/)
    const dup = env.DB.prepare("INSERT INTO story_versions (slug, version, published_at, author, note, dataset) VALUES (?1, 2, 't', 'a', 'n', '{}')").bind(SLUG).run()
    await expect(dup).rejects.toThrow(/UNIQUE|PRIMARY/)
  })
})

describe('POST /api/stories/{slug}/preview', () => {
  const preview = (query: string, body: unknown, token = TOKEN) =>
    SELF.fetch(`${ORIGIN}/api/stories/${SLUG}/preview?${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('draws a widget from an unpublished dataset without storing it', async () => {
    const { etag, body } = await withToll(12345)
    const res = await preview('widget=toll-counter&locale=fr', body)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml; charset=utf-8')
    expect(await res.text()).toContain('12\u00a0345')
    expect((await current()).etag).toBe(etag)
  })

  it('draws the kind and public note as the publish would show them, without storing anything (issue #13)', async () => {
    const { etag, body } = await withToll(12346)
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date())
    const corrected = (await (await preview('widget=toll-counter', { ...body, kind: 'correction', publicNote: 'The toll was misread.' })).text()).replace(/[\u2066-\u2069]/g, '')
    expect(corrected).toContain(`Corrected ${today}: The toll was misread.`)
    expect(corrected).toContain('>Corrected figure<')
    expect(corrected).not.toContain('Toll updated to')
    for (const widget of ['toll-counter', 'blockade-duration', 'statement-grid']) {
      const res = await preview(`widget=${widget}&locale=he`, { ...body, kind: 'retraction', publicNote: 'Withdrawn for review.' })
      expect(res.status).toBe(200)
      const svg = await res.text()
      expect(svg).toContain('הוסר ב־')
      expect(svg).not.toContain('12,346')
    }
    const missing = await preview('widget=toll-counter', { ...body, kind: 'correction' })
    expect(missing.status).toBe(422)
    expect((await problem(missing))['invalid-params']!.map((p) => p.name)).toEqual(['publicNote'])
    expect((await current()).etag).toBe(etag)
  })

  it('needs the token, a known widget and a valid dataset', async () => {
    const { body } = await withToll(1)
    expect((await preview('widget=toll-counter', body, 'wrong')).status).toBe(401)
    expect((await preview('widget=pie-chart', body)).status).toBe(400)
    const bad = await preview('widget=toll-counter', { ...body, figures: [] })
    expect(bad.status).toBe(422)
  })
})

describe('GET /admin', () => {
  it('is an editor page that no other site may frame or cache', async () => {
    const res = await get('/admin')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    const html = await res.text()
    expect(html).toContain('type="password"')
    expect(html).toContain(`<script src="${ORIGIN}/admin.js" defer=""></script>`)
  })
})

describe('hostile text published through PUT', () => {
  it('is stored, then served escaped in every widget and on the embed page', async () => {
    const { etag, body } = await withToll(52900)
    const nasty = '<script>alert("x")</script> & \'q\' \u202Eevil'
    body.figures[0].label.en = nasty
    body.statements[0].speaker.name.en = nasty
    body.events[1].label.en = nasty
    const res = await put({ ...body, note: `Hostile ${nasty}` }, { 'If-Match': etag })
    expect(res.status).toBe(200)
    for (const w of ['toll-counter', 'blockade-duration', 'statement-grid']) {
      const svg = await (await get(`/widgets/${SLUG}/${w}.svg`)).text()
      expect(XMLValidator.validate(svg)).toBe(true)
      expect(svg).not.toContain('<script')
      expect(svg).toContain('&lt;script&gt;')
      const html = await (await get(`/embed/${SLUG}/${w}`)).text()
      expect(html).not.toContain('<script>alert')
    }
  })
})

