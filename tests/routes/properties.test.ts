// Property tests (issue #6): random and hostile paths, query strings and headers on every
// route. Never a 5xx; every error is a problem+json with its RFC 9457 members; nothing a
// request carries comes back unescaped in SVG or HTML; JSON always parses.
import { SELF } from 'cloudflare:test'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { widgets } from '../../widgets/index'
import { SLUG } from '../fixtures'
import { ORIGIN } from '../http'

const MARKERS = ['<script>x</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>"]
const hostile = fc.constantFrom(...MARKERS, '%00', '\u0000', '../', '..%2F..%2F', "'", '"', '&amp;', '\u202Eevil', '\u200B', '😀', '1e3', '-1', '0', '99999999999999999999', 'NaN', '2025-02-30', '', ' ', 'x'.repeat(900))
const text = fc.oneof(hostile, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 20 }))
const segment = fc.oneof(fc.constantFrom(SLUG, 'gaza', '..', '.', 'x'.repeat(300)), text)
const widget = fc.constantFrom(...Object.keys(widgets), 'nope', '', 'toll-counter.svg')
const ext = fc.constantFrom('.svg', '.json', '.csv', '.png', '', '.gif', '.svg.svg', '.SVG')
const enc = (s: string) => encodeURIComponent(s)

const path = fc.oneof(
  fc.tuple(segment, widget, ext).map(([s, w, e]) => `/widgets/${enc(s)}/${w}${e}`),
  fc.tuple(widget, ext).map(([w, e]) => `/widgets/${SLUG}/${w}${e}`),
  fc.tuple(segment, widget).map(([s, w]) => `/embed/${enc(s)}/${w}`),
  fc.tuple(segment, text).map(([s, n]) => `/api/stories/${enc(s)}/versions/${enc(n)}`),
  fc.tuple(segment, text).map(([s, id]) => `/api/stories/${enc(s)}/figures/${enc(id)}/history`),
  segment.map((s) => `/api/stories/${enc(s)}`),
  fc.constantFrom('/', '/oembed', '/openapi.json', '/api/embed-codes', '/api/widgets', '/healthz', '/embed.js', '/admin', `/embed/${SLUG}/toll-counter`),
  fc.webPath(),
)
const keys = fc.constantFrom('theme', 'width', 'locale', 'figures', 'until', 'columns', 'statements', 'version', 'scale', 'preset', 'url', 'maxwidth', 'maxheight', 'format', 'widget', 'story', 'childId', 'x')
const query = fc.array(fc.tuple(keys, text), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${k}=${enc(v)}`).join('&'))
// Header values are printable ASCII on the wire; hostile ones included.
const headerText = fc.oneof(fc.constantFrom(...MARKERS, '../', "'", '"', 'x'.repeat(900), '', 'Bearer', 'Bearer  x y'), fc.string({ maxLength: 30 }))
const headers = fc.record(
  {
    'If-None-Match': fc.oneof(headerText, fc.constant('*'), fc.constant('W/"abc", "def"')),
    Accept: headerText,
    Authorization: headerText,
    'Accept-Language': headerText,
  },
  { requiredKeys: [] },
)

async function check(url: string, init: RequestInit) {
  const res = await SELF.fetch(url, init)
  const type = res.headers.get('Content-Type') ?? ''
  const body = await res.text()
  // oEmbed 1.0 §2.3.4 answers a format it does not serve with 501 Not Implemented: the one
  // 5xx that is an answer about the request, not a failure.
  const oembedFormat = res.status === 501 && new URL(url).pathname === '/oembed' && !['json', 'xml'].includes(new URL(url).searchParams.get('format') ?? 'json')
  if (!oembedFormat) expect(res.status, url).toBeLessThan(500)
  if (res.status >= 400) {
    expect(type, url).toBe('application/problem+json')
    const p = JSON.parse(body)
    expect(p).toMatchObject({ type: expect.any(String), title: expect.any(String), status: res.status, detail: expect.any(String) })
  }
  if (/svg|html/.test(type)) for (const m of MARKERS) expect(body, url).not.toContain(m)
  if (/json/.test(type) && body) JSON.parse(body)
}

// Hostile values only reach SVG/HTML through data, never echoed: keep the width varied but
// valid in PNG requests so that each run does not rasterise a new picture.
const cheap = (p: string, q: string) => !(p.endsWith('.png') && /width=|scale=|preset=/.test(q))

describe('every route under random and hostile requests', () => {
  it('never answers 5xx, and every error is a problem', async () => {
    await fc.assert(
      fc.asyncProperty(path, query, headers, async (p, q, h) => {
        fc.pre(cheap(p, q))
        await check(`${ORIGIN}${p}${q ? `?${q}` : ''}`, { headers: h as Record<string, string> })
      }),
      { numRuns: 300 },
    )
  })

  it('never answers 5xx to widget requests with repeated and hostile options', async () => {
    const widgetPath = fc.tuple(fc.constantFrom(...Object.keys(widgets)), fc.constantFrom('.svg', '.json', '.csv', '')).map(([w, e]) => (e ? `/widgets/${SLUG}/${w}${e}` : `/embed/${SLUG}/${w}`))
    await fc.assert(
      fc.asyncProperty(widgetPath, fc.array(fc.tuple(keys, text), { maxLength: 8 }), async (p, pairs) => {
        const q = pairs.map(([k, v]) => `${k}=${enc(v)}`).join('&')
        await check(`${ORIGIN}${p}?${q}&${q}`, {})
      }),
      { numRuns: 300 },
    )
  })

  it('never answers 5xx to other methods and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), text, async (p, method, body) => {
        const init: RequestInit = { method, headers: { 'Content-Type': 'application/json', Authorization: 'Bearer nope' } }
        if (method !== 'HEAD' && method !== 'OPTIONS') init.body = body
        const res = await SELF.fetch(`${ORIGIN}${p}`, init)
        expect(res.status, `${method} ${p}`).toBeLessThan(500)
        await res.arrayBuffer()
      }),
      { numRuns: 200 },
    )
  })
})
