import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { widgets } from '../../widgets/index'
import { SLUG } from '../fixtures'
import { get, problem } from '../http'

const ids = Object.keys(widgets)
const locales = ['en', 'ar', 'he', 'fr', 'de', 'es']

describe('GET /widgets/{slug}/{widget}.svg', () => {
  it.each(ids.flatMap((id) => locales.flatMap((locale) => ['light', 'dark', 'auto'].map((theme) => [id, locale, theme]))))(
    '%s in %s, %s theme is a well-formed, accessible, self-contained SVG',
    async (id, locale, theme) => {
      const res = await get(`/widgets/${SLUG}/${id}.svg?locale=${locale}&theme=${theme}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Type')).toBe('image/svg+xml; charset=utf-8')
      const svg = await res.text()
      expect(XMLValidator.validate(svg)).toBe(true)
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg).svg
      expect(doc.role).toBe('img')
      expect(doc.lang).toBe(locale)
      const [titleId, descId] = doc['aria-labelledby'].split(' ')
      expect(doc.title.id).toBe(titleId)
      expect(doc.desc.id).toBe(descId)
      expect(doc.desc['#text'].length).toBeGreaterThan(40)
      expect(svg).not.toMatch(/<script|href=|url\(|@import/i)
    },
  )

  it('serves the contract’s headers: CSP, CORS, nosniff, and nothing that stops framing or cross-origin <img>', async () => {
    const res = await get(`/widgets/${SLUG}/toll-counter.svg`)
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; font-src data:")
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('X-Frame-Options')).toBeNull()
    expect(res.headers.get('Cross-Origin-Resource-Policy')).not.toBe('same-origin')
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=\d+.*s-maxage=\d+.*stale-while-revalidate=\d+/)
  })

  it('shows each headline figure with its qualifier, source and as-of date', async () => {
    const svg = await (await get(`/widgets/${SLUG}/toll-counter.svg`)).text()
    for (const s of ['52,567', 'At least', 'Source: Gaza’s Hamas-run health ministry', 'As of 6 May 2025', '2,459', 'Approximately', '1,200', '251']) {
      expect(svg).toContain(s)
    }
  })

  it('counts 65 days on the blockade bar by default and 79 with until=2025-05-20', async () => {
    expect(await (await get(`/widgets/${SLUG}/blockade-duration.svg`)).text()).toContain('65 days')
    expect(await (await get(`/widgets/${SLUG}/blockade-duration.svg?until=2025-05-20`)).text()).toContain('79 days')
  })

  it('lays ar and he out right to left with RTL isolates and end anchors', async () => {
    const svg = await (await get(`/widgets/${SLUG}/toll-counter.svg?locale=he`)).text()
    expect(svg).toContain('text-anchor="end"')
    expect(svg).toContain('\u2067לפחות\u2069')
  })

  it('keeps quotes in English in an Arabic statement grid, marked as English', async () => {
    const svg = await (await get(`/widgets/${SLUG}/statement-grid.svg?locale=ar`)).text()
    expect(svg).toMatch(/lang="en"[^>]*>\u2066“no point in continuing/)
  })
})

describe('GET /widgets/{slug}/{widget}.json', () => {
  it.each(ids)('%s lists what it shows, each item with source and excerpt, plus story, version and asOf', async (id) => {
    const res = await get(`/widgets/${SLUG}/${id}.json`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, any>
    expect(body).toMatchObject({ story: SLUG, version: 1, asOf: '2025-05-06', widget: id })
    const items = body[widgets[id].itemsKey] as Record<string, unknown>[]
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) {
      expect(item.source).toEqual(expect.any(String))
      expect(item.excerpt).toEqual(expect.any(String))
    }
  })

  it('gives toll-counter figures raw and formatted, with qualifier', async () => {
    const body = (await (await get(`/widgets/${SLUG}/toll-counter.json?figures=killed-gaza&locale=ar`)).json()) as any
    expect(body.figures).toEqual([
      expect.objectContaining({ id: 'killed-gaza', value: 52567, formatted: '٥٢٬٥٦٧', qualifier: 'at least', asOf: '2025-05-06', source: 'وزارة الصحة في غزة التي تديرها حماس' }),
    ])
  })

  it('gives blockade-duration its day count', async () => {
    const body = (await (await get(`/widgets/${SLUG}/blockade-duration.json`)).json()) as any
    expect(body).toMatchObject({ start: '2025-03-02', until: '2025-05-06', durationDays: 65 })
  })
})

describe('GET /widgets/{slug}/{widget}.csv', () => {
  it.each(ids)('%s has a header row and one row per item, with source and excerpt columns', async (id) => {
    const res = await get(`/widgets/${SLUG}/${id}.csv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/csv/)
    expect(res.headers.get('Content-Disposition')).toMatch(/attachment; filename=".+\.csv"/)
    const csv = await res.text()
    const json = (await (await get(`/widgets/${SLUG}/${id}.json`)).json()) as any
    const header = csv.split('\r\n')[0].split(',')
    expect(header).toEqual(expect.arrayContaining(['id', 'source', 'excerpt']))
    // Quoted fields hold no CRLF here, so rows are lines.
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + json[widgets[id].itemsKey].length)
  })

  it('has qualifier, as-of, date and corrected columns for figures', async () => {
    const csv = await (await get(`/widgets/${SLUG}/toll-counter.csv`)).text()
    expect(csv.split('\r\n')[0]).toBe('id,label,value,formatted,qualifier,precision,source,asOf,date,previousValue,previousAsOf,corrected,excerpt')
    expect(csv).toContain('killed-gaza,people killed in Gaza since the start of the conflict,52567,"52,567",at least,exact,Gaza’s Hamas-run health ministry,2025-05-06,,,,false,')
    // A figure about a past event carries the day it counts beside its as-of (issue #13).
    expect(csv).toContain(',2025-05-06,2023-10-07,,,false,')
  })
})

describe('widget options', () => {
  it.each([
    ['toll-counter', 'width=279', 'width'],
    ['toll-counter', 'width=1601', 'width'],
    ['toll-counter', 'width=wide', 'width'],
    ['toll-counter', 'width=300.5', 'width'],
    ['toll-counter', 'theme=sepia', 'theme'],
    ['toll-counter', 'locale=it', 'locale'],
    ['toll-counter', 'version=0', 'version'],
    ['toll-counter', 'figures=killed-gaza,unknown-figure', 'figures'],
    ['blockade-duration', 'until=2025-03-01', 'until'],
    ['blockade-duration', 'until=2025-13-01', 'until'],
    ['blockade-duration', 'until=yesterday', 'until'],
    ['statement-grid', 'columns=5', 'columns'],
    ['statement-grid', 'columns=0', 'columns'],
    ['statement-grid', 'statements=nope', 'statements'],
  ])('%s?%s is a 400 problem naming %s', async (id, query, name) => {
    for (const format of ['svg', 'json', 'csv']) {
      const res = await get(`/widgets/${SLUG}/${id}.${format}?${query}`)
      expect(res.status).toBe(400)
      expect(res.headers.get('Content-Type')).toBe('application/problem+json')
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      const body = await problem(res)
      expect(body).toMatchObject({ status: 400, title: expect.any(String), type: expect.any(String), detail: expect.any(String) })
      expect(body['invalid-params']).toEqual([expect.objectContaining({ name, reason: expect.any(String) })])
    }
  })

  it('names every bad option at once', async () => {
    const body = await problem(await get(`/widgets/${SLUG}/toll-counter.svg?width=5&theme=x&locale=zz`))
    expect(body['invalid-params']!.map((p) => p.name).sort()).toEqual(['locale', 'theme', 'width'])
  })

  it('accepts every documented value', async () => {
    for (const q of ['theme=light', 'theme=dark', 'theme=auto', 'width=280', 'width=1600', 'locale=es', 'version=1', 'figures=gaza-residents', 'until=2025-03-02', 'columns=4']) {
      const id = q.startsWith('until') ? 'blockade-duration' : q.startsWith('columns') ? 'statement-grid' : 'toll-counter'
      expect((await get(`/widgets/${SLUG}/${id}.svg?${q}`)).status, q).toBe(200)
    }
  })

  it('sizes the SVG to the width asked for', async () => {
    const svg = await (await get(`/widgets/${SLUG}/statement-grid.svg?width=1600`)).text()
    expect(svg).toMatch(/<svg[^>]* width="1600"/)
  })

  it('ignores unknown query parameters and keeps them out of the ETag', async () => {
    const plain = await get(`/widgets/${SLUG}/toll-counter.svg?theme=dark`)
    const pym = await get(`/widgets/${SLUG}/toll-counter.svg?theme=dark&initialWidth=600&childId=fb1&parentTitle=News&parentUrl=https%3A%2F%2Fexample.org`)
    expect(pym.status).toBe(200)
    expect(pym.headers.get('ETag')).toBe(plain.headers.get('ETag'))
    expect(await pym.text()).toBe(await plain.text())
  })

  it('gives a different ETag for different options', async () => {
    const a = await get(`/widgets/${SLUG}/toll-counter.svg?theme=dark`)
    const b = await get(`/widgets/${SLUG}/toll-counter.svg?theme=light`)
    expect(a.headers.get('ETag')).not.toBe(b.headers.get('ETag'))
  })

  it('answers 304 to a matching If-None-Match, and caches a pinned version no longer than the latest, since it can be withdrawn', async () => {
    const first = await get(`/widgets/${SLUG}/blockade-duration.svg`)
    const etag = first.headers.get('ETag')!
    expect(etag).toMatch(/^"[0-9a-f]+"$/)
    const again = await get(`/widgets/${SLUG}/blockade-duration.svg`, { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const pinned = await get(`/widgets/${SLUG}/blockade-duration.svg?version=1`)
    expect(pinned.headers.get('Cache-Control')).not.toContain('immutable')
    expect(pinned.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'))
  })
})

describe('unknown things', () => {
  it.each([
    [`/widgets/no-such-story/toll-counter.svg`, /no story "no-such-story"/],
    [`/widgets/${SLUG}/no-such-widget.svg`, /no widget "no-such-widget"/],
    [`/widgets/${SLUG}/toll-counter.gif`, /\.svg, \.json, \.csv/],
    [`/widgets/${SLUG}/toll-counter.svg?version=7`, /no published version 7/],
    ['/nothing-here', /Nothing is served/],
  ])('%s is a 404 problem', async (path, detail) => {
    const res = await get(path)
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect((await problem(res)).detail).toMatch(detail)
  })
})
