/// <reference types="vite/client" />
// The draft as a dataset, the HTML reader, and the bundled story's article: everything the
// hand-made dataset in data/ holds is found in the draft drafted from its article.
import { describe, expect, it } from 'vitest'
import gaza from '../../data/gaza-2025-05-06.json'
import { draftStory } from '../../extract/index'
import { htmlToText } from '../../extract/html'
import { draft } from './helpers'

// The article lives in shared/ beside the repository (../shared from main, ../../shared from a
// worktree under wt/); data/gaza-2025-05-06.json carries it as sources[0].text once the
// dataset is v2. Whichever is there is read, through Vite's glob import.
const beside = import.meta.glob(['../../../shared/source/article.txt', '../../../../shared/source/article.txt'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>
const article: string | undefined = (gaza as { sources?: { text?: string }[] }).sources?.[0]?.text ?? Object.values(beside)[0]

const articles = import.meta.glob('./articles/*.txt', { query: '?raw', import: 'default', eager: true }) as Record<string, string>
const golds = import.meta.glob('./articles/*.expected.json', { import: 'default', eager: true }) as Record<string, { published: string }>

const fold = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase().replace(/^the\s+/, '')

describe('the draft dataset', () => {
  const d = draft('According to the ministry, at least 12 people were killed on Monday. “We are mourning,” said Mayor Ana Ruiz. Officials said 40 homes were damaged.')

  it('is a story dataset: the article as its one source, fields keyed by the article’s language', () => {
    expect(d.language).toBe('en')
    expect(d.sources).toEqual([{ id: 'article', published: '2025-05-06', language: 'en', text: expect.any(String) }])
    expect(Object.keys(d.figures[0].label)).toEqual(['en'])
    expect(d.draft.needs).toEqual(['headline', 'publisher', 'url'])
  })

  it('gives every item a kebab-case id, unique in its list', () => {
    for (const list of [d.figures, d.events, d.statements]) {
      const ids = list.map((i) => i.id)
      expect(new Set(ids).size).toBe(ids.length)
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    }
  })

  it('cuts every excerpt from the text at its offsets, and every quote’s words from its excerpt', () => {
    const text = d.sources[0].text
    for (const item of [...d.figures, ...d.events, ...d.statements]) {
      expect(item.excerpt).toBe(text.slice(item.draft.start, item.draft.end))
      expect(item.draft.confidence).toBeGreaterThan(0)
    }
    for (const s of d.statements) expect(s.excerpt).toContain(s.text)
  })

  it('is the same draft every time for the same article', () => {
    const text = d.sources[0].text
    expect(draftStory({ text, published: '2025-05-06' })).toEqual(draftStory({ text, published: '2025-05-06' }))
  })

  it('puts the first attributed tolls in the headline figures', () => {
    expect(d.headlineFigures).toEqual([d.figures.find((f) => f.value === 12)!.id])
  })

  it('proposes a duration from the event it counts from: "a two-month blockade" since 2 March', () => {
    const b = draft('Israel halted all deliveries of aid on 2 March. This follows a two-month blockade that has already led to shortages.')
    expect(b.duration).toMatchObject({ startEvent: b.events[0].id, title: { en: 'Duration of the blockade' } })
    expect(b.events[0].date).toBe('2025-03-02')
  })

  it('drafts every gold article with every excerpt its own words', () => {
    expect(Object.keys(articles).length).toBeGreaterThan(0)
    for (const [path, text] of Object.entries(articles)) {
      const gold = golds[path.replace(/\.txt$/, '.expected.json')]
      const out = draftStory({ text, published: gold.published })
      for (const item of [...out.figures, ...out.events, ...out.statements]) expect(text.slice(item.draft.start, item.draft.end), path).toBe(item.excerpt)
    }
  })
})

describe('HTML from a CMS', () => {
  it('keeps paragraphs and drops scripts, styles, captions, navigation, header, footer and asides', () => {
    const html = `<html><head><style>p{}</style></head><body><header>The Daily</header><nav>World · Sport</nav>
      <article><h1>Port strike</h1><p>About 5,400 dockworkers are <b>on strike</b>.</p><figure><img src="a.jpg"><figcaption>Pickets at the gate, 2026</figcaption></figure>
      <aside>Read more</aside><p>Talks broke down&nbsp;on Monday.<br>The union said it would ballot again.</p><script>track(1)</script></article><footer>© 2026</footer></body></html>`
    expect(htmlToText(html)).toEqual({ text: 'Port strike\nAbout 5,400 dockworkers are on strike.\nTalks broke down on Monday.\nThe union said it would ballot again.', from: 'markup' })
  })

  it('reads the articleBody of JSON-LD, in @graph or not, before the markup', () => {
    const ld = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', headline: 'Strike', articleBody: 'First.\n\nSecond.' }] }
    expect(htmlToText(`<script type="application/ld+json">${JSON.stringify(ld)}</script><p>Teaser</p>`)).toEqual({ text: 'First.\nSecond.', headline: 'Strike', from: 'json-ld' })
    expect(htmlToText('<script type="application/ld+json">{not json</script><p>Body</p>').text).toBe('Body')
  })
})

describe('the bundled story’s article', () => {
  it('is there to read', () => {
    expect(article, 'shared/source/article.txt beside the repository, or sources[0].text in data/').toMatch(/^A senior Hamas official/)
  })
  const d = draftStory({ text: article ?? '', published: gaza.published, language: 'en' })

  it.each(gaza.figures.map((f) => [f.id, f] as const))('has figure %s with its qualifier, source and as-of date', (_id, f) => {
    const found = d.figures.find((x) => x.value === f.value)
    expect(found).toBeDefined()
    expect(found!.qualifier).toBe(f.qualifier)
    expect(found!.asOf).toBe(f.asOf)
    if (f.attribution.en.startsWith('the article')) {
      // The article names no source: the draft asks for one rather than guessing.
      expect(found!.attribution).toBeUndefined()
      expect(found!.draft.needs).toEqual(['attribution'])
    } else expect(fold(f.attribution.en)).toContain(fold(found!.attribution!.en))
  })

  it.each(gaza.events.map((e) => [e.id, e] as const))('has event %s on its date, from its words', (_id, e) => {
    const at = article!.indexOf(e.excerpt)
    const found = d.events.find((x) => x.date === e.date && x.draft.start < at + e.excerpt.length && at < x.draft.end)
    expect(found).toBeDefined()
    expect(found!.precision).toBe(e.precision)
  })

  it.each([...new Set(gaza.statements.map((s) => s.speaker.name.en))])('has %s as a speaker', (name) => {
    const names = d.statements.flatMap((s) => (s.speaker ? [fold(s.speaker.name.en)] : []))
    const wanted = fold(name).split(' ')
    expect(names.some((n) => wanted.every((w) => n.includes(w)) || n.split(' ').every((w) => wanted.includes(w)))).toBe(true)
  })

  it.each(gaza.statements.filter((s) => s.kind === 'quote').map((s) => [s.id, s] as const))('marks %s as a quote, with its words and speaker', (_id, s) => {
    const found = d.statements.find((x) => x.text === s.text)
    expect(found?.kind).toBe('quote')
    expect(found?.speaker?.name.en).toBe(s.speaker.name.en)
  })
})
