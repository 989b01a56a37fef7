// Stories from any article (issue #11): created over HTTP, checked word for word against
// their stored source, listed page by page, and served by every route like the bundled one.
import { SELF, env } from 'cloudflare:test'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import strike from '../fixtures/stories/port-strike.json'
import { SLUG } from '../fixtures'
import { ORIGIN, get, problem } from '../http'
import { locales } from '../../widgets/locale'

const TOKEN = 'test-admin-token'

function post(body: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch(`${ORIGIN}/api/stories`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** The port-strike story under another slug, ready to create. */
function strikeAs(slug: string | undefined): any {
  const { slug: _s, ...rest } = structuredClone(strike) as any
  return { ...rest, ...(slug ? { slug } : {}), note: 'First version, from the wire copy' }
}

const names = async (res: Response) => ((await problem(res))['invalid-params'] ?? []).map((p) => p.name)

describe('POST /api/stories', () => {
  it('creates a story from an article: 201 with Location, ETag and version 1', async () => {
    const res = await post(strikeAs('port-strike'))
    expect(res.status).toBe(201)
    expect(res.headers.get('Location')).toBe('/api/stories/port-strike')
    expect(await res.json()).toMatchObject({ slug: 'port-strike', version: 1, note: 'First version, from the wire copy' })
    const story = await get('/api/stories/port-strike')
    expect(story.status).toBe(200)
    expect(story.headers.get('ETag')).toBe(res.headers.get('ETag'))
    const body = (await story.json()) as any
    expect(body.headline.en).toBe(strike.headline.en)
    // The stored dataset names its source text by digest; the text is served on its own.
    expect(body.sources[0]).toMatchObject({ id: 'article', digest: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(body.sources[0].text).toBeUndefined()
  })

  it('serves the source text as stored, as text and as JSON with its metadata', async () => {
    const text = await get('/api/stories/port-strike/sources/article')
    expect(text.status).toBe(200)
    expect(text.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(await text.text()).toBe(strike.sources[0].text)
    const json = (await (await get('/api/stories/port-strike/sources/article', { Accept: 'application/json' })).json()) as any
    expect(json).toMatchObject({ id: 'article', title: strike.sources[0].title, published: strike.sources[0].published, language: 'en', text: strike.sources[0].text })
    expect((await get('/api/stories/port-strike/sources/nope')).status).toBe(404)
    // The bundled story's article is served the same way.
    expect((await (await get(`/api/stories/${SLUG}/sources/article`)).text())).toMatch(/^A senior Hamas official/)
  })

  it('keeps each distinct source text once, however many stories and versions cite it', async () => {
    expect((await post(strikeAs('port-strike-copy'))).status).toBe(201)
    const { results } = await env.DB.prepare('SELECT digest FROM source_texts').all()
    const strikeDigest = ((await (await get('/api/stories/port-strike')).json()) as any).sources[0].digest
    expect(results.filter((r: any) => r.digest === strikeDigest)).toHaveLength(1)
  })

  it('answers 409 for a slug that is taken, the bundled story’s included, and stores nothing', async () => {
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM story_versions').first<{ n: number }>()
    const again = await post(strikeAs('port-strike'))
    expect(again.status).toBe(409)
    expect(again.headers.get('Content-Type')).toBe('application/problem+json')
    expect((await post(strikeAs(SLUG))).status).toBe(409)
    const after = await env.DB.prepare('SELECT COUNT(*) AS n FROM story_versions').first<{ n: number }>()
    expect(after?.n).toBe(before?.n)
  })

  it('makes a slug from the headline and the published date when none is given', async () => {
    const res = await post(strikeAs(undefined))
    expect(res.status).toBe(201)
    const { slug } = (await res.json()) as any
    expect(slug).toMatch(/^[a-z0-9-]+-2026-03-12$/)
    expect(slug.length).toBeLessThanOrEqual(64)
    expect((await get(`/api/stories/${slug}`)).status).toBe(200)
  })

  it('lets exactly one of two racing creates of a slug through; the other gets 409', async () => {
    const results = await Promise.all([post(strikeAs('raced')), post(strikeAs('raced'))])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409])
    const { results: rows } = await env.DB.prepare("SELECT version FROM story_versions WHERE slug = 'raced'").all()
    expect(rows).toHaveLength(1)
  })

  it('answers 401 without the token, 415 to a body that is not JSON and 413 to one too large', async () => {
    expect((await post(strikeAs('nope'), { Authorization: 'Bearer wrong' })).status).toBe(401)
    expect((await post(strikeAs('nope'), { 'Content-Type': 'text/plain' })).status).toBe(415)
    expect((await post({ ...strikeAs('nope'), padding: 'x'.repeat(600 * 1024) })).status).toBe(413)
    expect((await get('/api/stories/nope')).status).toBe(404)
  })
})

describe('the verbatim rule', () => {
  it('refuses a figure whose value is not the one its excerpt writes (a typed 5,401 over “5,400”)', async () => {
    const body = strikeAs('typo-value')
    const i = body.figures.findIndex((f: any) => f.excerpt.includes(String(f.value).replace(/\B(?=(\d{3})+$)/g, ',')))
    body.figures[i].value += 1
    const res = await post(body)
    expect(res.status).toBe(422)
    const p = (await problem(res))['invalid-params']!.find((x) => x.name === `figures.${i}.value`)
    expect(p?.reason).toMatch(/is not written in the figure’s excerpt, which writes/)
  })

  it('refuses an excerpt the source does not contain, and shows the nearest passage', async () => {
    const body = strikeAs('typo-excerpt')
    const original = body.events[0].excerpt as string
    body.events[0].excerpt = original.replace(/[a-z]{4,}/, (w) => w.slice(0, 2) + w.slice(3))
    const res = await post(body)
    expect(res.status).toBe(422)
    const p = (await problem(res))['invalid-params']!.find((x) => x.name === 'events.0.excerpt')
    expect(p?.reason).toMatch(/does not occur in source "article"; the nearest passage reads/)
  })

  it('refuses a quote whose words are not in its excerpt', async () => {
    const body = strikeAs('typo-quote')
    const i = body.statements.findIndex((s: any) => s.kind === 'quote')
    body.statements[i].text = `${body.statements[i].text} and more`
    const res = await post(body)
    expect(res.status).toBe(422)
    expect(await names(res)).toContain(`statements.${i}.text`)
  })

  it('refuses an item citing a source the story does not have', async () => {
    const body = strikeAs('unknown-source')
    body.figures[0].source = 'press-release'
    const res = await post(body)
    expect(res.status).toBe(422)
    const p = (await problem(res))['invalid-params']!.find((x) => x.name === 'figures.0.source')
    expect(p?.reason).toMatch(/no source has id "press-release"; sources: article/)
  })

  it('accepts curly and straight quotes and re-wrapped lines as the same text', async () => {
    const body = strikeAs('folded')
    body.sources[0].text = body.sources[0].text.replace(/[“”]/g, '"').replace(/[’]/g, "'").replace(/\. /g, '.\n  ')
    expect((await post(body)).status).toBe(201)
  })

  it('holds for every PUT: an update cites a new source, and a stored source’s text never changes', async () => {
    const live = await get('/api/stories/port-strike')
    const story = (await live.json()) as any
    const figure = story.figures[0]
    story.sources.push({ id: 'union-statement', title: 'Union statement', published: '2026-03-13', language: 'en', text: `The union said 5,600 members were now on strike.` })
    Object.assign(figure, { value: 5600, excerpt: '5,600 members were now on strike', source: 'union-statement', asOf: '2026-03-13' })
    const put = (body: unknown, etag: string) => SELF.fetch(`${ORIGIN}/api/stories/port-strike`, {
      method: 'PUT', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', 'If-Match': etag }, body: JSON.stringify(body),
    })
    const ok = await put({ ...story, note: 'Union figure of 13 March' }, live.headers.get('ETag')!)
    expect(ok.status).toBe(200)
    expect(await (await get('/api/stories/port-strike/sources/union-statement')).text()).toMatch(/5,600 members/)

    const next = await get('/api/stories/port-strike')
    const changed = (await next.json()) as any
    changed.sources[0] = { ...changed.sources[0], text: `${strike.sources[0].text} An added sentence.`, digest: undefined }
    const refused = await put({ ...changed, note: 'Rewrite the article' }, next.headers.get('ETag')!)
    expect(refused.status).toBe(422)
    expect(await names(refused)).toContain('sources.0.text')
    expect(await (await get('/api/stories/port-strike/sources/article')).text()).toBe(strike.sources[0].text)
  })
})

describe('GET /api/stories', () => {
  it('pages through every story newest first with an opaque cursor, the bundled one included', async () => {
    for (let i = 0; i < 5; i++) expect((await post(strikeAs(`paged-${i}`))).status).toBe(201)
    const seen: any[] = []
    let url: string | null = '/api/stories?limit=3'
    while (url) {
      const res: Response = await get(url)
      expect(res.status).toBe(200)
      const page = (await res.json()) as any[]
      expect(page.length).toBeLessThanOrEqual(3)
      seen.push(...page)
      url = /<([^>]+)>; rel="next"/.exec(res.headers.get('Link') ?? '')?.[1] ?? null
    }
    const slugs = seen.map((s) => s.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    expect(slugs).toEqual(expect.arrayContaining(['paged-0', 'paged-4', 'port-strike', SLUG]))
    expect(slugs.indexOf('paged-4')).toBeLessThan(slugs.indexOf('paged-0'))
    // The bundled story was published on 6 May 2025, before any story created here.
    expect(slugs[slugs.length - 1]).toBe(SLUG)
    for (const s of seen) expect(s).toMatchObject({ slug: expect.any(String), headline: expect.any(String), version: expect.any(Number), status: 'published' })
  })

  it('finds stories by words of their headline', async () => {
    const found = (await (await get(`/api/stories?q=${encodeURIComponent(strike.headline.en.split(' ').slice(0, 2).join(' '))}`)).json()) as any[]
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((s) => s.headline === strike.headline.en)).toBe(true)
  })

  it('searches the words of the latest headline and the slug, as typed: prefixes, any case and accents, every word', async () => {
    const body = strikeAs('search-cafe-strike')
    body.headline = { ...body.headline, en: 'Café workers’ strike closes the Quayside' }
    expect((await post(body)).status).toBe(201)
    const slugs = async (q: string) => ((await (await get(`/api/stories?q=${encodeURIComponent(q)}`)).json()) as any[]).map((s) => s.slug)
    expect(await slugs('cafe quay')).toEqual(['search-cafe-strike'])
    expect(await slugs('CAFÉ Work')).toEqual(['search-cafe-strike'])
    expect(await slugs('search-cafe')).toEqual(['search-cafe-strike'])
    expect(await slugs('cafe gaza')).toEqual([])
    expect(await slugs('“”…')).toEqual([])
    // A word that only an earlier headline had finds the story no more.
    const current = await get('/api/stories/search-cafe-strike')
    const story = (await current.json()) as any
    const put = await SELF.fetch(`${ORIGIN}/api/stories/search-cafe-strike`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag')! },
      body: JSON.stringify({ ...story, headline: { ...story.headline, en: 'Harbour workers’ strike closes the port' }, note: 'Headline' }),
    })
    expect(put.status).toBe(200)
    expect(await slugs('quayside')).toEqual([])
    expect(await slugs('harbour workers')).toEqual(['search-cafe-strike'])
    // The bundled story is searched the same way.
    expect(await slugs('ceasefire tal')).toEqual([SLUG])
  })

  it('answers 400 to a cursor it did not make and to a limit out of range', async () => {
    expect((await get('/api/stories?cursor=not-a-cursor')).status).toBe(400)
    expect((await get('/api/stories?limit=0')).status).toBe(400)
    expect((await get('/api/stories?limit=101')).status).toBe(400)
  })
})

describe('a created story in every route', () => {
  const widgetIds = ['toll-counter', 'blockade-duration', 'statement-grid']

  it.each(widgetIds)('%s is drawn for it in every locale, light and dark, narrow and wide', async (id) => {
    for (const locale of locales) {
      for (const theme of ['light', 'dark']) {
        for (const width of [320, 1200]) {
          const res = await get(`/widgets/port-strike/${id}.svg?locale=${locale}&theme=${theme}&width=${width}`)
          expect(res.status, `${id} ${locale} ${theme} ${width}`).toBe(200)
          const svg = await res.text()
          expect(XMLValidator.validate(svg)).toBe(true)
          // Nothing of the Gaza story leaks into another story's chrome.
          expect(svg).not.toMatch(/aid deliveries|Gaza|blockade (duration|began)/i)
        }
      }
    }
  })

  it('gives the duration the story’s own title and words', async () => {
    const svg = await (await get('/widgets/port-strike/blockade-duration.svg')).text()
    expect(svg).toContain(strike.duration.title.en)
    expect(svg).toContain(strike.duration.label.en.replace(/&/g, '&amp;'))
    const json = (await (await get('/widgets/port-strike/blockade-duration.json')).json()) as any
    expect(json.start).toBe(strike.events.find((e) => e.id === strike.duration.startEvent)?.date)
  })

  it('serves JSON, CSV, PNG, the embed page and oEmbed for it', async () => {
    for (const id of widgetIds) {
      const json = (await (await get(`/widgets/port-strike/${id}.json`)).json()) as any
      expect(json.story).toBe('port-strike')
      const csv = await get(`/widgets/port-strike/${id}.csv`)
      expect(csv.status).toBe(200)
      expect(await csv.text()).toMatch(/^id,/)
      const png = await get(`/widgets/port-strike/${id}.png?width=400`)
      expect(png.status).toBe(200)
      expect(png.headers.get('Content-Type')).toBe('image/png')
      const embed = await get(`/embed/port-strike/${id}?theme=dark&locale=he`)
      expect(embed.status).toBe(200)
      expect(await embed.text()).toContain('id="factbox-widget"')
      const oembed = await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/port-strike/${id}`)}`)
      expect(oembed.status).toBe(200)
      expect(((await oembed.json()) as any).html).toContain('/embed/port-strike/')
    }
    const codes = await get('/api/embed-codes?story=port-strike&widget=statement-grid')
    expect(codes.status).toBe(200)
    const gallery = await (await get('/?story=port-strike')).text()
    expect(gallery).toContain(strike.headline.en.replace(/’/g, '’'))
  })

  it('a story without a duration answers its duration widget with a 404 problem naming why', async () => {
    const body = strikeAs('no-duration')
    delete body.duration
    expect((await post(body)).status).toBe(201)
    const res = await get('/widgets/no-duration/blockade-duration.svg')
    expect(res.status).toBe(404)
    expect((await problem(res)).detail).toMatch(/has no duration/)
    expect((await get('/widgets/no-duration/toll-counter.svg')).status).toBe(200)
  })
})

describe('probing slugs', () => {
  it('costs the store no more reads than asking for a known story', async () => {
    const queries = async () => ((await (await get('/healthz')).json()) as any).storeQueries as number
    await get('/widgets/port-strike/toll-counter.svg')
    await get('/widgets/no-such-story/toll-counter.svg')
    const a = await queries()
    for (let i = 0; i < 5; i++) await get('/widgets/port-strike/toll-counter.svg')
    const known = (await queries()) - a
    const b = await queries()
    for (let i = 0; i < 5; i++) expect((await get('/widgets/no-such-story/toll-counter.svg')).status).toBe(404)
    const unknown = (await queries()) - b
    expect(unknown).toBeLessThanOrEqual(Math.max(known, 1))
  })
})

describe('versions stored in the v1 shape', () => {
  it('keep serving: a v1 dataset of the bundled story, with blockade and no sources, draws as before', async () => {
    const v1 = (await import('../../data/gaza-2025-05-06.json')).default as any
    const { sources: _s, duration, ...rest } = structuredClone(v1)
    const stored = { ...rest, blockade: { startEvent: duration.startEvent, label: duration.label } }
    // Version 1 as the first v1 publish stored it, then version 2 in the same shape.
    await env.DB.prepare("INSERT OR IGNORE INTO story_versions (slug, version, published_at, author, note, dataset) VALUES (?1, 1, '2025-05-06T00:00:00Z', 'factbox', 'Bundled dataset', ?2)").bind(SLUG, JSON.stringify(stored)).run()
    await env.DB.prepare("INSERT INTO story_versions (slug, version, published_at, author, note, dataset) VALUES (?1, 2, '2025-05-07T09:00:00Z', 'editor', 'v1 publish', ?2)").bind(SLUG, JSON.stringify(stored)).run()
    const pinned = await get(`/widgets/${SLUG}/blockade-duration.svg?version=2`)
    expect(pinned.status).toBe(200)
    expect(await pinned.text()).toContain('Duration of the halt to aid deliveries')
    const sources = await get(`/api/stories/${SLUG}/sources/article?version=2`)
    expect(await sources.text()).toMatch(/^A senior Hamas official/)
  })
})
