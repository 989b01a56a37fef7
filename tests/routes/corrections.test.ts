// Updates, corrections and retractions a reader can trust (issue #13). Each report of the
// issue is a test here, made through the whole worker as the user made it: publishing with
// PUT /api/stories/{slug}. Each test works on a story of its own, created with POST from the
// bundled dataset, so that no test's versions change another's history.
import { SELF, env } from 'cloudflare:test'
import { parseFeed } from '@rowanmanning/feed-parser'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { SLUG, rawStory, withFollowUpToll } from '../fixtures'
import { ORIGIN, get, problem } from '../http'

const AUTH = { Authorization: `Bearer ${env.ADMIN_TOKEN}` }
const WIDGETS = ['toll-counter', 'blockade-duration', 'statement-grid']

async function create(slug: string, change: (raw: any) => void = () => {}) {
  const raw = rawStory()
  raw.slug = slug
  change(raw)
  const res = await SELF.fetch(`${ORIGIN}/api/stories`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify({ ...raw, note: 'Created from the article' }) })
  expect(res.status, await res.clone().text()).toBe(201)
}

interface Fields { kind?: string; note?: string; publicNote?: string }

/** PUT over the latest version, as an editor would (credentials also read a withdrawn story). */
async function publishRaw(slug: string, change: (story: any) => void, fields: Fields) {
  const live = await get(`/api/stories/${slug}`, AUTH)
  const story = (await live.json()) as any
  change(story)
  return SELF.fetch(`${ORIGIN}/api/stories/${slug}`, {
    method: 'PUT',
    headers: { ...AUTH, 'If-Match': live.headers.get('ETag')!, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...story, note: 'For the history', ...fields }),
  })
}

async function publish(slug: string, change: (story: any) => void, fields: Fields = {}): Promise<{ version: number; publishedAt: string }> {
  const res = await publishRaw(slug, change, fields)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as any
}

/** "1 December 2026": the day of `instant` shifted by `hours`, as the English widgets write dates. */
function longDate(instant: string, hours = 0): string {
  const day = new Date(Date.parse(instant) + hours * 3600_000)
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day)
}

const text = async (path: string, headers: Record<string, string> = {}) => (await get(path, headers)).text()
const svgText = async (path: string) => (await text(path)).replace(/[\u2066-\u2069]/g, '')

describe('the reports of issue #13', () => {
  it('a correction of a typo in the toll (same as-of, 52,700 → 52,600) says "Corrected", marks the figure and never reads as a fall', async () => {
    const slug = 'report-typo-correction'
    await create(slug)
    await publish(slug, (s) => withFollowUpToll(s, 52700, 'killed-gaza', '2025-05-08'))
    const { publishedAt } = await publish(slug, (s) => withFollowUpToll(s, 52600, 'killed-gaza', '2025-05-08'), {
      kind: 'correction', note: 'typo: 52,700 for 52,600', publicNote: 'An earlier version gave the toll as 52,700; the ministry reported 52,600.',
    })
    const svg = await svgText(`/widgets/${slug}/toll-counter.svg`)
    expect(svg).toContain('52,600')
    expect(svg).not.toMatch(/down 100|since 8 May 2025/)
    expect(svg).toContain(`Corrected ${longDate(publishedAt)}: An earlier version gave the toll as 52,700; the ministry reported 52,600.`)
    expect(svg).toContain('>Corrected figure<')
    expect(svg).not.toContain('typo: 52,700 for 52,600')
    const json = (await (await get(`/widgets/${slug}/toll-counter.json`)).json()) as any
    expect(json.figures[0]).toMatchObject({ value: 52600, asOf: '2025-05-08', corrected: true, previousValue: 52567, previousAsOf: '2025-05-06' })
    expect(json.notes).toEqual([{ kind: 'correction', date: publishedAt.slice(0, 10), note: 'An earlier version gave the toll as 52,700; the ministry reported 52,600.' }])
    // The mark in every locale (translations to be reviewed by native speakers).
    const marks = { ar: 'رقم مُصحَّح', he: 'נתון מתוקן', fr: 'Chiffre corrigé', de: 'Korrigierte Zahl', es: 'Cifra corregida' }
    for (const [locale, mark] of Object.entries(marks)) {
      expect(await svgText(`/widgets/${slug}/toll-counter.svg?locale=${locale}`), locale).toContain(`>${mark}<`)
    }

    // A later update compares with the corrected value at the previous as-of: up 133, not up 33.
    await publish(slug, (s) => withFollowUpToll(s, 52733, 'killed-gaza', '2025-05-09'), { publicNote: 'The toll is the ministry’s figure of 9 May.' })
    const later = await svgText(`/widgets/${slug}/toll-counter.svg`)
    expect(later).toContain('up 133 since 8 May 2025')
    expect(later).not.toContain('Corrected figure')
  })

  it('the history note reaches no widget, JSON, CSV, embed page or oEmbed; a public note shows as "Updated {date}: …"', async () => {
    const slug = 'report-history-note'
    await create(slug)
    const note = 'restore original figures after test run'
    await publish(slug, (s) => withFollowUpToll(s, 52601), { note })
    const paths = WIDGETS.flatMap((w) => [`/widgets/${slug}/${w}.svg`, `/widgets/${slug}/${w}.json`, `/widgets/${slug}/${w}.csv`, `/embed/${slug}/${w}`, `/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/${slug}/${w}`)}`])
    for (const path of paths) {
      const body = await text(path)
      expect(body, path).not.toContain(note)
      expect(body, path).not.toMatch(/Updated \d/)
    }
    const { publishedAt } = await publish(slug, () => {}, { note, publicNote: 'Figures checked against the ministry’s report.' })
    for (const w of WIDGETS) expect(await svgText(`/widgets/${slug}/${w}.svg`), w).toContain(`Updated ${longDate(publishedAt)}: Figures checked against the ministry’s report.`)
  })

  it('publishing back the earlier figure with the as-of unchanged (52,601 → 52,567) shows no change since that as-of', async () => {
    const slug = 'report-publish-back'
    await create(slug)
    const original = rawStory().figures[0]
    await publish(slug, (s) => withFollowUpToll(s, 52601))
    await publish(slug, (s) => Object.assign(s.figures[0], { value: original.value, excerpt: original.excerpt, source: 'article' }))
    const svg = await svgText(`/widgets/${slug}/toll-counter.svg`)
    expect(svg).toContain('52,567')
    expect(svg).not.toMatch(/down 34|up 34|since 6 May 2025/)
    const json = (await (await get(`/widgets/${slug}/toll-counter.json`)).json()) as any
    expect(json.figures[0]).toMatchObject({ value: 52567, previousValue: null, previousAsOf: null })
  })

  it('a figure asked for alone stands alone: no "in the same attack", and it carries the day it counts', async () => {
    const svg = await svgText(`/widgets/${SLUG}/toll-counter.svg?figures=hostages-7-october`)
    expect(svg).toContain('251')
    expect(svg).not.toMatch(/the same attack|of those/)
    expect(svg).toContain('people taken hostage in Hamas’s cross-border attack on Israel')
    expect(svg).toContain('On 7 October 2023 · as of 6 May 2025')
    for (const locale of ['ar', 'he', 'fr', 'de', 'es']) {
      const json = (await (await get(`/widgets/${SLUG}/toll-counter.json?figures=hostages-7-october,killed-since-resumption&locale=${locale}`)).json()) as any
      expect(json.figures.map((f: any) => f.label).join(' '), locale).not.toMatch(/نفسه|منهم|אותה|מהם|même|de ces|demselben|dieser|mismo|de esas/)
    }
  })

  it('refuses to publish a label that leans on another figure, naming it, in any locale', async () => {
    const res = await publishRaw(SLUG, (s) => {
      s.figures[3].label.en = 'people taken hostage in the same attack'
      s.figures[3].label.ar = 'شخصًا أُخذوا رهائن في الهجوم نفسه'
      s.figures[1].label.en = 'of those deaths since Israel resumed its offensive'
    }, {})
    expect(res.status).toBe(422)
    const params = (await problem(res))['invalid-params']!
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(['figures.3.label.en', 'figures.3.label.ar', 'figures.1.label.en']))
    expect(params.find((p) => p.name === 'figures.3.label.en')!.reason).toMatch(/“the same” leans on another figure/)
  })

  it('a figure about a past event has its date beside its as-of in the JSON, and in the SVG where it stands alone', async () => {
    const json = (await (await get(`/widgets/${SLUG}/toll-counter.json`)).json()) as any
    const byId = Object.fromEntries(json.figures.map((f: any) => [f.id, f]))
    expect(byId['killed-7-october']).toMatchObject({ asOf: '2025-05-06', date: '2023-10-07' })
    expect(byId['hostages-7-october']).toMatchObject({ asOf: '2025-05-06', date: '2023-10-07' })
    expect(byId['killed-gaza']).toMatchObject({ asOf: '2025-05-06', date: null })
    expect(await svgText(`/widgets/${SLUG}/toll-counter.svg?figures=killed-7-october&locale=fr`)).toContain('Le 7 octobre 2023 · au 6 mai 2025')
  })
})

describe('a retraction', () => {
  const slug = 'withdrawn-story'
  const publicNote = 'This story relied on a report its publisher has retracted.'
  const editorOnly = 'legal: takedown request 2026-118'
  const before: Record<string, { etag: string | null; body: string }> = {}
  const pinnedPaths = [`/widgets/${slug}/toll-counter.svg?version=1`, `/widgets/${slug}/toll-counter.json?version=2`, `/embed/${slug}/statement-grid?version=1`]
  let retraction: { version: number; publishedAt: string }

  it('is published with its public note and withdraws the story', async () => {
    await create(slug)
    await publish(slug, (s) => withFollowUpToll(s, 52600, 'killed-gaza', '2025-05-08'))
    for (const path of [`/widgets/${slug}/toll-counter.svg`, ...pinnedPaths, `/api/stories/${slug}/versions/1`, `/api/stories/${slug}/versions/2`]) {
      const res = await get(path, path.includes('/versions/') ? AUTH : {})
      before[path] = { etag: res.headers.get('ETag'), body: await res.text() }
    }
    const refused = await publishRaw(slug, () => {}, { kind: 'retraction', note: editorOnly })
    expect(refused.status).toBe(422)
    expect((await problem(refused))['invalid-params']!.map((p) => p.name)).toContain('publicNote')
    retraction = await publish(slug, () => {}, { kind: 'retraction', note: editorOnly, publicNote })
    expect(retraction.version).toBe(3)
  })

  const notice = () => `Withdrawn on ${longDate(retraction.publishedAt)}: ${publicNote}`

  it.each(WIDGETS)('%s answers 200 with the notice in its own frame, in every format, for the latest and pinned versions', async (w) => {
    for (const query of ['', '?version=1', '?version=2', '?theme=dark&locale=ar']) {
      const res = await get(`/widgets/${slug}/${w}.svg${query}`)
      expect(res.status).toBe(200)
      const svg = await res.text()
      expect(XMLValidator.validate(svg)).toBe(true)
      expect(svg).toMatch(/<svg [^>]*role="img" aria-labelledby="fb-[a-z-]+-title fb-[a-z-]+-desc"/)
      expect(svg).toContain(`id="fb-${w}-title"`)
      if (!query.includes('ar')) expect(svg.replace(/[\u2066-\u2069]/g, '')).toContain(notice())
      else expect(svg).toContain('سُحب في')
      expect(svg).not.toMatch(/52,600|52,567|Gaza, May 2025/)
    }
    const json = (await (await get(`/widgets/${slug}/${w}.json?version=1`)).json()) as any
    expect(json.withdrawn).toEqual({ date: retraction.publishedAt.slice(0, 10), note: publicNote })
    const key = { 'toll-counter': 'figures', 'blockade-duration': 'events', 'statement-grid': 'statements' }[w]!
    expect(json[key]).toEqual([])
    expect(JSON.stringify(json)).not.toMatch(/52,?567|52,?600|excerpt|notes/)
    const csv = await text(`/widgets/${slug}/${w}.csv`)
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1)
    expect(csv.trimEnd().split(',')).toContain('excerpt')
    const png = await get(`/widgets/${slug}/${w}.png?theme=dark`)
    expect(png.status).toBe(200)
    expect(png.headers.get('Content-Type')).toBe('image/png')
  })

  it('keeps the embed page announcing its height and the oEmbed sized to the notice', async () => {
    const res = await get(`/embed/${slug}/toll-counter?version=1`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`/embed/frame.js`)
    expect(html.replace(/[\u2066-\u2069]/g, '')).toContain(notice())
    expect(html).toContain(`href="${ORIGIN}/api/stories/${slug}/corrections.atom"`)
    expect(html).not.toMatch(/52,567|Gaza, May 2025/)
    const live = (await (await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/${SLUG}/toll-counter`)}`)).json()) as any
    const oembed = (await (await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/${slug}/toll-counter`)}`)).json()) as any
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: 'Story withdrawn' })
    expect(oembed.height).toBeLessThan(live.height / 2)
    expect(oembed.html).toMatch(/^<iframe /)
    const codes = (await (await get(`/api/embed-codes?story=${slug}&widget=toll-counter`)).json()) as any
    expect(codes.alt.replace(/[\u2066-\u2069]/g, '')).toBe(notice())
    expect(codes.height).toBe(oembed.height)
  })

  it('changes the ETag of every widget, pinned versions too', async () => {
    for (const path of [`/widgets/${slug}/toll-counter.svg`, ...pinnedPaths]) {
      const res = await get(path, { 'If-None-Match': before[path].etag! })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('ETag'), path).not.toBe(before[path].etag)
    }
  })

  it('answers readers of the story’s dataset, versions, figure history and sources with the notice', async () => {
    for (const path of [`/api/stories/${slug}`, `/api/stories/${slug}/versions`, `/api/stories/${slug}/versions/1`, `/api/stories/${slug}/figures/killed-gaza/history`]) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('Vary'), path).toContain('Authorization')
      const body = await res.text()
      expect(JSON.parse(body), path).toMatchObject({ slug, status: 'withdrawn', withdrawn: { date: retraction.publishedAt.slice(0, 10), note: publicNote } })
      expect(body, path).not.toMatch(/52,?567|excerpt|takedown/)
    }
    const source = await get(`/api/stories/${slug}/sources/article`)
    expect(source.status).toBe(200)
    expect(await source.text()).toBe(`Withdrawn on ${retraction.publishedAt.slice(0, 10)}: ${publicNote}\n`)
    expect((await (await get(`/api/stories/${slug}/sources/article`, { Accept: 'application/json' })).json()) as any).toMatchObject({ status: 'withdrawn' })
  })

  it('lets editors with credentials read the stored versions and data, never cached, and refuses a wrong credential', async () => {
    for (const n of [1, 2]) {
      const path = `/api/stories/${slug}/versions/${n}`
      const res = await get(path, AUTH)
      expect(res.headers.get('Cache-Control')).toBe('private, no-store')
      // Nothing of a stored version ever changes.
      expect(await res.text()).toBe(before[path].body)
    }
    const live = await get(`/api/stories/${slug}`, AUTH)
    expect(((await live.json()) as any).figures[0].value).toBe(52600)
    expect(await (await get(`/api/stories/${slug}/sources/article`, AUTH)).text()).toContain('52,567')
    const versions = (await (await get(`/api/stories/${slug}/versions`, AUTH)).json()) as any[]
    expect(versions[0]).toMatchObject({ version: 3, kind: 'retraction', note: editorOnly, publicNote })
    expect((await get(`/api/stories/${slug}`, { Authorization: 'Bearer not-the-token' })).status).toBe(401)
  })

  it('is listed as withdrawn, without its headline for readers, who cannot find it by the headline’s words', async () => {
    const stored = ((await (await get(`/api/stories/${slug}`, AUTH)).json()) as any).headline.en as string
    const headlineWords = stored.split(/\W+/).filter((w) => w.length > 3).slice(0, 3).join(' ')
    const res = await get(`/api/stories?q=${slug}`)
    expect(res.headers.get('Vary')).toMatch(/Authorization/)
    const list = (await res.json()) as any[]
    expect(list.find((s) => s.slug === slug)).toEqual(expect.objectContaining({ status: 'withdrawn', version: 3, headline: 'Story withdrawn' }))
    expect(JSON.stringify(list)).not.toContain(stored)
    const everyStory = (await (await get('/api/stories?limit=100')).json()) as any[]
    expect(everyStory.find((s) => s.slug === slug)?.headline).toBe('Story withdrawn')
    const byHeadline = (await (await get(`/api/stories?q=${encodeURIComponent(headlineWords)}`)).json()) as any[]
    expect(byHeadline.map((s) => s.slug)).not.toContain(slug)
    // Editors still find it and read its headline, in a response no shared cache keeps.
    const forEditors = await get(`/api/stories?q=${encodeURIComponent(headlineWords)}`, AUTH)
    expect(forEditors.headers.get('Cache-Control')).toBe('private, no-store')
    expect(((await forEditors.json()) as any[]).find((s) => s.slug === slug)).toMatchObject({ status: 'withdrawn', headline: stored })
  })

  it('is in the corrections record, which keeps no figure of the withdrawn story', async () => {
    const record = (await (await get(`/api/stories/${slug}/corrections`)).json()) as any
    expect(record.status).toBe('withdrawn')
    expect(record.corrections.map((r: any) => [r.version, r.kind])).toEqual([[3, 'retraction'], [2, 'update']])
    expect(record.corrections[0]).toMatchObject({ date: retraction.publishedAt.slice(0, 10), publicNote, figures: [] })
    expect(JSON.stringify(record)).not.toMatch(/takedown|52,?600/)
    const atom = await text(`/api/stories/${slug}/corrections.atom`)
    const feed = parseFeed(atom)
    expect(feed.items[0].title).toBe('Withdrawn (version 3)')
    expect(feed.items[0].categories.map((c) => c.term)).toEqual(['retraction'])
    expect(atom).not.toContain('Gaza, May 2025')
  })

  it('is undone by publishing again: the story and its versions serve as before', async () => {
    const restored = await publish(slug, () => {}, { publicNote: 'The story is restored after review.' })
    const svg = await svgText(`/widgets/${slug}/toll-counter.svg`)
    expect(svg).toContain('52,600')
    expect(svg).not.toContain('Withdrawn on')
    expect(svg).toContain(`Updated ${longDate(restored.publishedAt)}: The story is restored after review.`)
    for (const path of pinnedPaths) {
      const res = await get(path)
      expect(res.headers.get('ETag'), path).toBe(before[path].etag)
      expect(await res.text(), path).toBe(before[path].body)
    }
    // The retraction itself stays a withdrawn version.
    expect(await svgText(`/widgets/${slug}/toll-counter.svg?version=3`)).toContain(notice())
    const list = (await (await get(`/api/stories?q=${slug}`)).json()) as any[]
    expect(list.find((s) => s.slug === slug)).toMatchObject({ status: 'published', version: 4 })
    expect(((await (await get(`/api/stories/${slug}`)).json()) as any).figures[0].value).toBe(52600)
    const feed = parseFeed(await text(`/api/stories/${slug}/corrections.atom`))
    expect(feed.items.map((i) => i.title)).toEqual(['Restored (version 4)', 'Withdrawn (version 3)', 'Update (version 2)'])
  })
})

describe('GET /api/stories/{slug}/corrections and .atom', () => {
  const slug = 'corrections-feed'
  let correction: { version: number; publishedAt: string }

  it('lists every version after the first, newest first, with date, kind, public note and each changed figure before and after', async () => {
    await create(slug)
    await publish(slug, (s) => withFollowUpToll(s, 52700, 'killed-gaza', '2025-05-08'), { note: 'internal: ministry PDF', publicNote: 'The toll is the ministry’s figure of 8 May.' })
    correction = await publish(slug, (s) => withFollowUpToll(s, 52600, 'killed-gaza', '2025-05-08'), { kind: 'correction', note: 'typo', publicNote: 'An earlier version gave the toll as 52,700.' })
    const res = await get(`/api/stories/${slug}/corrections`)
    expect(res.status).toBe(200)
    expect(res.headers.get('ETag')).toBeTruthy()
    const record = (await res.json()) as any
    expect(record).toMatchObject({ story: slug, status: 'published', atom: `${ORIGIN}/api/stories/${slug}/corrections.atom` })
    expect(record.corrections).toEqual([
      {
        version: 3, publishedAt: correction.publishedAt, date: correction.publishedAt.slice(0, 10), kind: 'correction', publicNote: 'An earlier version gave the toll as 52,700.',
        figures: [{ id: 'killed-gaza', label: 'people killed in Gaza since the start of the conflict', before: { value: 52700, qualifier: 'at least', asOf: '2025-05-08', date: null }, after: { value: 52600, qualifier: 'at least', asOf: '2025-05-08', date: null } }],
      },
      {
        version: 2, publishedAt: expect.any(String), date: expect.any(String), kind: 'update', publicNote: 'The toll is the ministry’s figure of 8 May.',
        figures: [{ id: 'killed-gaza', label: 'people killed in Gaza since the start of the conflict', before: { value: 52567, qualifier: 'at least', asOf: '2025-05-06', date: null }, after: { value: 52700, qualifier: 'at least', asOf: '2025-05-08', date: null } }],
      },
    ])
    expect(JSON.stringify(record)).not.toMatch(/internal: ministry PDF|"typo"/)
  })

  it('is a valid Atom 1.0 feed that a real feed parser reads: one entry per version after the first', async () => {
    const res = await get(`/api/stories/${slug}/corrections.atom`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    const atom = await res.text()
    expect(XMLValidator.validate(atom)).toBe(true)
    // RFC 4287 §4.1.1: a feed has an id, a title, an updated time and (no entry has one) an author.
    expect(atom).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en">/)
    const feed = parseFeed(atom)
    expect(feed.meta.type).toBe('atom')
    expect(atom).toContain(`<id>${ORIGIN}/api/stories/${slug}/corrections</id>`)
    expect(feed.title).toBe('Updates and corrections: Gaza, May 2025: stalled ceasefire talks, the aid blockade and the death toll')
    expect(feed.updated?.toISOString()).toBe(correction.publishedAt)
    expect(feed.self).toBe(`${ORIGIN}/api/stories/${slug}/corrections.atom`)
    expect(feed.authors.map((a) => a.name)).toEqual(['factbox'])
    expect(feed.items).toHaveLength(2)
    const [fix, update] = feed.items
    expect(fix.id).toBe(`${ORIGIN}/api/stories/${slug}/versions/3`)
    expect(fix.title).toBe('Correction (version 3)')
    expect(fix.updated?.toISOString()).toBe(correction.publishedAt)
    expect(fix.content).toBe(`Corrected ${longDate(correction.publishedAt)}: An earlier version gave the toll as 52,700.\npeople killed in Gaza since the start of the conflict (killed-gaza): at least 52,700, as of 8 May 2025 → at least 52,600, as of 8 May 2025`)
    expect(update.title).toBe('Update (version 2)')
    expect(update.content).toContain('at least 52,567, as of 6 May 2025 → at least 52,700, as of 8 May 2025')
  })

  it('is a valid feed with no entry for a story never changed, and 404 for an unknown story', async () => {
    expect((await get(`/api/stories/no-such-story/corrections`)).status).toBe(404)
    expect((await get(`/api/stories/no-such-story/corrections.atom`)).status).toBe(404)
    await create('never-changed')
    const feed = parseFeed(await text('/api/stories/never-changed/corrections.atom'))
    expect(feed.items).toEqual([])
    expect(((await (await get('/api/stories/never-changed/corrections')).json()) as any).corrections).toEqual([])
  })
})

describe('dates in the story’s time zone', () => {
  it('dates "Corrected" by the newsroom’s calendar day, not the server’s', async () => {
    // Kiritimati is UTC+14 and Pago Pago UTC−11 all year: the same instant is never the same day in both.
    const days: string[] = []
    for (const [slug, timeZone, hours] of [['zone-kiritimati', 'Pacific/Kiritimati', 14], ['zone-pago-pago', 'Pacific/Pago_Pago', -11]] as const) {
      await create(slug, (raw) => { raw.timeZone = timeZone })
      const { publishedAt } = await publish(slug, (s) => withFollowUpToll(s, 52600), { kind: 'correction', publicNote: 'The toll was misread.' })
      const day = longDate(publishedAt, hours)
      expect(await svgText(`/widgets/${slug}/toll-counter.svg`)).toContain(`Corrected ${day}: The toll was misread.`)
      days.push(day)
    }
    expect(days[0]).not.toBe(days[1])
  })

  it('refuses a time zone that is not an IANA name', async () => {
    const res = await publishRaw(SLUG, (s) => { s.timeZone = 'Mars/Olympus_Mons' }, {})
    expect(res.status).toBe(422)
    expect((await problem(res))['invalid-params']!.map((p) => p.name)).toContain('timeZone')
  })
})

describe('versions stored before kinds existed', () => {
  it('keep serving, their notes treated as history notes that readers never see', async () => {
    const slug = 'stored-before-kinds'
    await create(slug)
    const v1 = await env.DB.prepare('SELECT dataset FROM story_versions WHERE slug = ?1 AND version = 1').bind(slug).first<{ dataset: string }>()
    const dataset = JSON.parse(v1!.dataset)
    dataset.figures[0].value = 52601
    dataset.figures[0].excerpt = 'at least 52,601 people have been killed'
    // The v1 shape: no kind, no public note (the columns' defaults), the note written for readers then.
    await env.DB.prepare("INSERT INTO story_versions (slug, version, published_at, author, note, dataset) VALUES (?1, 2, '2026-11-20T10:00:00.000Z', 'editor', 'Toll of 7 May', ?2)").bind(slug, JSON.stringify(dataset)).run()
    // Past the second an isolate trusts the latest version it knows without asking the store.
    await new Promise((r) => setTimeout(r, 1100))
    const res = await get(`/widgets/${slug}/toll-counter.svg`)
    expect(res.status).toBe(200)
    const svg = await res.text()
    expect(svg).toContain('52,601')
    expect(svg).not.toMatch(/Toll of 7 May|Updated|since 6 May/)
    const list = (await (await get(`/api/stories/${slug}/versions`)).json()) as any[]
    expect(list[0]).toMatchObject({ version: 2, kind: 'update', publicNote: null })
    expect(list[0]).not.toHaveProperty('note')
    const editors = (await (await get(`/api/stories/${slug}/versions`, AUTH)).json()) as any[]
    expect(editors[0]).toMatchObject({ version: 2, kind: 'update', publicNote: null, note: 'Toll of 7 May' })
  })
})
