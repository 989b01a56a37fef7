// POST /api/drafts through the whole worker, as the editor's page or a CMS would call it.
import { SELF } from 'cloudflare:test'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ORIGIN, problem } from '../http'

const AUTH = { Authorization: 'Bearer test-admin-token' }
const ARTICLE = [
  'At least 12 people were killed when a bus overturned on Monday, police said.',
  '“The road was icy,” said Maria Lopez, the regional police chief. “We had warned drivers.”',
  'Two weeks later, the ministry said it would close the road.',
].join('\n')

function post(path: string, body: BodyInit, type: string, headers: Record<string, string> = AUTH) {
  return SELF.fetch(ORIGIN + path, { method: 'POST', body, headers: { ...headers, 'Content-Type': type } })
}

describe('POST /api/drafts', () => {
  it('drafts a plain-text article: figures, events and statements, each pointing at its words', async () => {
    const res = await post('/api/drafts?published=2026-01-14', ARTICLE, 'text/plain; charset=utf-8')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toContain('no-store')
    const draft = (await res.json()) as any
    const text = draft.sources[0].text
    expect(text).toBe(ARTICLE)
    expect(draft.figures).toEqual([expect.objectContaining({ value: 12, qualifier: 'at least', attribution: { en: 'police' } })])
    expect(draft.events.map((e: any) => e.date)).toEqual(['2026-01-12', '2026-01-26'])
    expect(draft.statements.filter((s: any) => s.kind === 'quote').map((s: any) => s.speaker.name.en)).toEqual(['Maria Lopez', 'Maria Lopez'])
    for (const item of [...draft.figures, ...draft.events, ...draft.statements]) expect(text.slice(item.draft.start, item.draft.end)).toBe(item.excerpt)
  })

  it('marks a figure whose drafted label leans on another figure as needing a label, saying why, as creating the story would refuse it', async () => {
    const text = 'The ministry corrected the toll on Saturday, saying eight deaths had been counted twice after two regional offices reported the same cases.'
    const res = await post('/api/drafts?published=2025-07-20', text, 'text/plain')
    const draft = (await res.json()) as any
    const leaning = draft.figures.find((f: any) => /the same/.test(f.label.en))
    expect(leaning.draft.needs).toContain('label')
    expect(leaning.draft.labelProblem).toMatch(/“the same” leans on another figure/)
    for (const f of draft.figures.filter((f: any) => f !== leaning)) expect(f.draft.needs ?? []).not.toContain('label')
  })

  it('reads HTML through a parser: paragraphs kept, scripts, captions and navigation dropped', async () => {
    const html = `<nav>Home · World</nav><article><h1>Bus crash</h1><p>At least 12 people were killed on Monday, police said.</p>
      <figure><img src="x.jpg"><figcaption>About 40 people watched.</figcaption></figure><script>var n = 99</script>
      <p>&ldquo;The road was icy,&rdquo; said Maria Lopez, the regional police chief.</p></article><footer>© 2026</footer>`
    const res = await post('/api/drafts?published=2026-01-14&headline=Bus%20crash', html, 'text/html')
    expect(res.status).toBe(200)
    const draft = (await res.json()) as any
    expect(draft.sources[0].text).toBe('Bus crash\nAt least 12 people were killed on Monday, police said.\n“The road was icy,” said Maria Lopez, the regional police chief.')
    expect(draft.headline).toEqual({ en: 'Bus crash' })
    expect(draft.figures.map((f: any) => f.value)).toEqual([12])
  })

  it('prefers the articleBody of JSON-LD when the page has one', async () => {
    const html = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Crash","articleBody":"Nearly 300 homes were flooded, the council said."}</script><p>Subscribe now for 2 euros</p>`
    const res = await post('/api/drafts?published=2026-01-14', html, 'text/html')
    const draft = (await res.json()) as any
    expect(draft.sources[0].text).toBe('Nearly 300 homes were flooded, the council said.')
    expect(draft.headline).toEqual({ en: 'Crash' })
    expect(draft.figures[0]).toMatchObject({ value: 300, qualifier: 'nearly', attribution: { en: 'the council' } })
  })

  it('takes JSON with text or html, and the published date in the body', async () => {
    const res = await SELF.fetch(ORIGIN + '/api/drafts', { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify({ text: ARTICLE, published: '2026-01-14', headline: 'Bus crash', language: 'en' }) })
    expect(res.status).toBe(200)
    const draft = (await res.json()) as any
    expect(draft).toMatchObject({ slug: 'bus-crash-2026-01-14', language: 'en', published: '2026-01-14', asOf: '2026-01-14' })
    const html = await SELF.fetch(ORIGIN + '/api/drafts', { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify({ html: '<p>Some 40 ships waited, the port said.</p>', published: '2026-01-14' }) })
    expect(((await html.json()) as any).figures[0]).toMatchObject({ value: 40, qualifier: 'some' })
  })

  it('refuses a draft without a published date, or without text, with 422 naming the parameter', async () => {
    const noDate = await post('/api/drafts', ARTICLE, 'text/plain')
    expect(noDate.status).toBe(422)
    expect(noDate.headers.get('Content-Type')).toBe('application/problem+json')
    expect((await problem(noDate))['invalid-params']?.map((p) => p.name)).toEqual(['published'])
    const badDate = await post('/api/drafts?published=2026-02-30', ARTICLE, 'text/plain')
    expect((await problem(badDate))['invalid-params']?.map((p) => p.name)).toEqual(['published'])
    const empty = await post('/api/drafts?published=2026-01-14', '  \n ', 'text/plain')
    expect(empty.status).toBe(422)
    expect((await problem(empty))['invalid-params']?.map((p) => p.name)).toEqual(['text'])
    const onlyScripts = await post('/api/drafts?published=2026-01-14', '<script>alert(1)</script><nav>Menu</nav>', 'text/html')
    expect((await problem(onlyScripts))['invalid-params']?.map((p) => p.name)).toEqual(['html'])
    const both = await SELF.fetch(ORIGIN + '/api/drafts', { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'a', html: '<p>a</p>', published: '2026-01-14' }) })
    expect(both.status).toBe(422)
  })

  it('refuses bodies over 200 KB with 413, other types with 415, and anyone without the token with 401', async () => {
    const big = await post('/api/drafts?published=2026-01-14', 'x'.repeat(200 * 1024 + 1), 'text/plain')
    expect(big.status).toBe(413)
    expect((await problem(big)).status).toBe(413)
    const xml = await post('/api/drafts?published=2026-01-14', '<a/>', 'application/xml')
    expect(xml.status).toBe(415)
    const anon = await post('/api/drafts?published=2026-01-14', ARTICLE, 'text/plain', {})
    expect(anon.status).toBe(401)
    const badJson = await post('/api/drafts', '{"text": ', 'application/json')
    expect(badJson.status).toBe(400)
  })

  it('never answers 5xx to hostile articles, and every excerpt it returns is the article’s own words', async () => {
    const marks = fc.constantFrom('“', '”', '"', '‘', '’', "'", '«', '»', '„', ' he said', ', she said, ', '\n', '. ', ', ', '52,567', '2.1 million', 'two weeks later', 'on Monday', 'next week', 'According to', 'Dr. ', 'U.S. ', '$', '%', '—', '<p>', '</p>', '<script>', '&amp;', '\u0000', '\u202e', '😀', 'May, 53,000')
    const article = fc.array(fc.oneof(marks, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''))
    const published = fc.oneof(fc.constant('2026-01-14'), fc.constant('1999-12-31'), fc.string({ maxLength: 12 }))
    const type = fc.constantFrom('text/plain', 'text/html', 'application/json')
    await fc.assert(
      fc.asyncProperty(article, published, type, async (a, p, t) => {
        const body = t === 'application/json' ? JSON.stringify({ [Math.random() < 0.5 ? 'text' : 'html']: a, published: p }) : a
        const res = await post(`/api/drafts?published=${encodeURIComponent(p)}`, body, t)
        expect(res.status).toBeLessThan(500)
        const json = (await res.json()) as any
        if (res.status !== 200) {
          expect(res.headers.get('Content-Type')).toBe('application/problem+json')
          return
        }
        const text = json.sources[0].text
        for (const item of [...json.figures, ...json.events, ...json.statements]) expect(text.slice(item.draft.start, item.draft.end)).toBe(item.excerpt)
      }),
      { numRuns: 150 },
    )
  })

  it('drafts a long hostile article in bounded time (no runaway patterns)', async () => {
    const chunks = ['“A', 'B C D, ', 'Smith Jones Brown ', '1,2,3,4,5 ', 'said that ', '2.1 million ']
    const text = Array.from({ length: 4000 }, (_, i) => chunks[i % chunks.length]).join('')
    const t0 = Date.now()
    const res = await post('/api/drafts?published=2026-01-14', text, 'text/plain')
    expect(res.status).toBe(200)
    expect(Date.now() - t0).toBeLessThan(10_000)
  })
})
