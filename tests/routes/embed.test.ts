import { describe, expect, it } from 'vitest'
import { widgets } from '../../widgets/index'
import { SLUG } from '../fixtures'
import { ORIGIN, get, problem } from '../http'

const ids = Object.keys(widgets)

describe('GET /embed/{slug}/{widget}', () => {
  it.each(ids)('%s is an HTML page with the widget inline, text for screen readers, data links and oEmbed discovery', async (id) => {
    const res = await get(`/embed/${SLUG}/${id}?theme=dark`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/)
    expect(html).toMatch(/<div id="factbox-widget" aria-hidden="true"[^>]*><svg /)
    expect(html).toContain('<ul class="sr-only"><li>')
    expect(html).toContain(`href="${ORIGIN}/widgets/${SLUG}/${id}.csv?theme=dark"`)
    expect(html).toContain(`href="${ORIGIN}/widgets/${SLUG}/${id}.json?theme=dark"`)
    expect(html).toContain(`<link rel="alternate" type="application/json+oembed" href="${ORIGIN}/oembed?url=`)
    expect(html).toContain('<link rel="alternate" type="text/xml+oembed"')
    expect(html).toContain('<meta property="og:title"')
    expect(html).not.toContain('<?xml')
  })

  it('lays out right to left in ar and he, in the page too', async () => {
    const html = await (await get(`/embed/${SLUG}/toll-counter?locale=he`)).text()
    expect(html).toMatch(/<html lang="he" dir="rtl">/)
  })

  it('lists every figure with its source for screen readers', async () => {
    const html = await (await get(`/embed/${SLUG}/toll-counter`)).text()
    const items = html.match(/<ul class="sr-only">(.*?)<\/ul>/)![1]
    expect(items).toContain('<li>At least 52,567 people killed in Gaza since the start of the conflict (Source: Gaza’s Hamas-run health ministry, as of 6 May 2025).</li>')
    expect(items.match(/<li>/g)).toHaveLength(4)
  })

  it('carries a CSP without inline script, and can be framed anywhere', async () => {
    const res = await get(`/embed/${SLUG}/statement-grid`)
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toContain(`script-src ${ORIGIN}`)
    expect(csp).not.toContain('unsafe-inline\'; script')
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).not.toContain('frame-ancestors')
    expect(res.headers.get('X-Frame-Options')).toBeNull()
    const html = await res.text()
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/)
    expect(html).toContain(`<script src="${ORIGIN}/embed/frame.js" defer=""></script>`)
  })

  it('takes the same options as the SVG and refuses bad ones the same way', async () => {
    const res = await get(`/embed/${SLUG}/blockade-duration?until=1999-01-01`)
    expect(res.status).toBe(400)
    expect((await problem(res))['invalid-params']).toEqual([expect.objectContaining({ name: 'until' })])
    expect((await get(`/embed/${SLUG}/nope`)).status).toBe(404)
  })

  it('ignores Pym.js’s own parameters', async () => {
    const plain = await get(`/embed/${SLUG}/toll-counter`)
    const pym = await get(`/embed/${SLUG}/toll-counter?initialWidth=400&childId=example&parentTitle=x&parentUrl=y`)
    expect(pym.status).toBe(200)
    expect(pym.headers.get('ETag')).toBe(plain.headers.get('ETag'))
    // Same ETag, same page: the host's parameters appear nowhere in it.
    const html = await pym.text()
    expect(html).toBe(await plain.text())
    expect(html).not.toMatch(/childId|parentTitle|initialWidth/)
  })
})

describe('scripts', () => {
  it.each(['/embed.js', '/embed/frame.js', '/workshop.js'])('%s is served as JavaScript with an ETag', async (path) => {
    const res = await get(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('ETag')).toBeTruthy()
    expect(await res.text()).toMatch(/^\/\/ factbox|^\/\/ The embed workshop/)
  })

  it('frame.js announces the height in the Pym.js, AMP, Datawrapper and WordPress formats', async () => {
    const js = await (await get('/embed/frame.js')).text()
    expect(js).toContain("'pymxPYMx' + childId + 'xPYMxheightxPYMx' + height")
    expect(js).toContain("sentinel: 'amp', type: 'embed-size'")
    expect(js).toContain("'datawrapper-height'")
    expect(js).toContain("message: 'height', value: height, secret: secret")
  })
})

describe('GET /oembed', () => {
  const url = (path: string) => `/oembed?url=${encodeURIComponent(ORIGIN + path)}`

  it.each(ids)('describes the %s embed URL as an oEmbed 1.0 rich response with a single iframe', async (id) => {
    const res = await get(url(`/embed/${SLUG}/${id}?locale=fr`))
    expect(res.status).toBe(200)
    const body = (await res.json()) as any
    expect(body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'factbox', width: expect.any(Number), height: expect.any(Number) })
    expect(body.title).not.toMatch(/[<>]/)
    expect(body.html).toMatch(/^<iframe [^>]*><\/iframe>$/)
    expect(body.html).toContain(`src="${ORIGIN}/embed/${SLUG}/${id}?locale=fr"`)
    expect(body.html).toContain(`height="${body.height}"`)
  })

  it('accepts widget URLs too, pointing the iframe at the embed page', async () => {
    const body = (await (await get(url(`/widgets/${SLUG}/toll-counter.svg?theme=dark`))).json()) as any
    expect(body.html).toContain(`src="${ORIGIN}/embed/${SLUG}/toll-counter?theme=dark"`)
  })

  it('honours maxwidth with the height the widget has at that width, and maxheight', async () => {
    const wide = (await (await get(url(`/embed/${SLUG}/toll-counter`) + '&maxwidth=1200')).json()) as any
    const narrow = (await (await get(url(`/embed/${SLUG}/toll-counter`) + '&maxwidth=320')).json()) as any
    expect(wide.width).toBe(640)
    expect(narrow.width).toBe(320)
    expect(narrow.height).toBeGreaterThan(wide.height)
    const capped = (await (await get(url(`/embed/${SLUG}/toll-counter`) + '&maxwidth=320&maxheight=300')).json()) as any
    expect(capped.height).toBe(300)
    expect((await get(url(`/embed/${SLUG}/toll-counter`) + '&maxwidth=100')).status).toBe(404)
  })

  it('serves XML too', async () => {
    const res = await get(url(`/embed/${SLUG}/statement-grid`) + '&format=xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/xml/)
    const xml = await res.text()
    expect(xml).toContain('<version>1.0</version>')
    expect(xml).toContain('<html>&lt;iframe ')
  })

  it('answers 501 for other formats, 404 for URLs that are not its own, 400 without url', async () => {
    expect((await get(url(`/embed/${SLUG}/toll-counter`) + '&format=yaml')).status).toBe(501)
    expect((await get(`/oembed?url=${encodeURIComponent('https://example.org/embed/x/toll-counter')}`)).status).toBe(404)
    expect((await get(url('/embed/nope/toll-counter'))).status).toBe(404)
    expect((await get(url(`/embed/${SLUG}/nope`))).status).toBe(404)
    const missing = await get('/oembed')
    expect(missing.status).toBe(400)
    expect((await problem(missing))['invalid-params']).toEqual([expect.objectContaining({ name: 'url' })])
  })
})

describe('GET /openapi.json', () => {
  it('documents every route of the contract, with widget options from their schemas', async () => {
    const doc = (await (await get('/openapi.json')).json()) as any
    expect(doc.openapi).toBe('3.1.0')
    for (const path of ['/', '/healthz', '/api/widgets', '/api/stories', '/api/stories/{slug}', '/embed.js', '/oembed', '/openapi.json']) {
      expect(doc.paths).toHaveProperty([path])
    }
    for (const id of ids) {
      for (const path of [`/widgets/{slug}/${id}.svg`, `/widgets/{slug}/${id}.json`, `/widgets/{slug}/${id}.csv`, `/embed/{slug}/${id}`]) expect(doc.paths).toHaveProperty([path])
    }
    const params = doc.paths['/widgets/{slug}/blockade-duration.svg'].get.parameters
    expect(params.find((p: any) => p.name === 'until').description).toMatch(/not before the duration’s start/)
    expect(params.find((p: any) => p.name === 'width').schema).toMatchObject({ minimum: 280, maximum: 1600 })
    expect(doc.components.schemas.Story.properties).toHaveProperty('figures')
    expect(doc.components.schemas.Story.properties).toHaveProperty('sources')
    expect(doc.paths['/api/stories']).toHaveProperty('post')
    expect(doc.paths['/api/stories/{slug}/sources/{id}']).toHaveProperty('get')
  })

  it('lists GET /embed/{slug}/{widget}, the path the contract names, with every widget and its options', async () => {
    const doc = (await (await get('/openapi.json')).json()) as any
    const embed = doc.paths['/embed/{slug}/{widget}']?.get
    expect(embed).toBeDefined()
    const params = Object.fromEntries(embed.parameters.map((p: any) => [p.name, p]))
    expect(params.widget).toMatchObject({ in: 'path', required: true, schema: { enum: ids } })
    expect(params.slug).toMatchObject({ in: 'path', required: true })
    for (const name of ['theme', 'width', 'locale', 'version', 'figures', 'until', 'columns', 'statements']) expect(params[name], name).toMatchObject({ in: 'query' })
    expect(params.until.description).toMatch(/blockade-duration only/)
    expect(Object.keys(embed.responses)).toEqual(expect.arrayContaining(['200', '400', '404']))
    // Every path parameter of every templated path is declared (what OpenAPI validators check).
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const name of path.match(/\{[^}]+\}/g) ?? []) {
        const declared = Object.values<any>(item).some((op) => op.parameters?.some((p: any) => p.in === 'path' && `{${p.name}}` === name))
        expect(declared, `${path} declares ${name}`).toBe(true)
      }
    }
  })
})

describe('the workshop', () => {
  it('GET / shows the options form, a live preview and every embed code', async () => {
    const res = await get('/')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<form id="options"')
    for (const id of ids) expect(html).toContain(`value="${id}"`)
    expect(html).toContain(`<iframe id="preview" src="${ORIGIN}/embed/${SLUG}/toll-counter"`)
    for (const code of ['iframe', 'script', 'image', 'oembed', 'amp', 'csp']) expect(html).toContain(`id="code-${code}"`)
    expect(html).toContain('&lt;img src=&quot;http://factbox.test/widgets/gaza-2025-05-06/toll-counter.svg&quot; alt=&quot;At least 52,567 people killed in Gaza')
    expect(res.headers.get('Content-Security-Policy')).toMatch(/script-src http:\/\/factbox.test;/)
  })

  it('fills the codes for the options in its URL, so it works without script', async () => {
    const html = await (await get('/?widget=blockade-duration&locale=ar&until=2025-05-20&width=400')).text()
    expect(html).toContain(`src="${ORIGIN}/embed/${SLUG}/blockade-duration?width=400&amp;locale=ar&amp;until=2025-05-20"`)
    expect(html).toContain('data-factbox=&quot;gaza-2025-05-06/blockade-duration&quot; data-width=&quot;400&quot; data-locale=&quot;ar&quot; data-until=&quot;2025-05-20&quot;')
  })

  it('shows a live thumbnail of every widget of the story in the chooser, in the chosen language', async () => {
    for (const [query, locale] of [['', ''], ['?locale=ar&widget=statement-grid', '&amp;locale=ar']]) {
      const html = await (await get(`/${query}`)).text()
      for (const id of ids) {
        // The thumbnail is inside its radio's label: clicking it chooses the widget, without script too.
        const label = new RegExp(`<label class="choice"><input type="radio" name="widget" value="${id}"[^>]*/>.*?</label>`).exec(html)?.[0]
        expect(label, `${id} choice`).toBeDefined()
        expect(label).toContain(`<img src="${ORIGIN}/widgets/${SLUG}/${id}.svg?width=360${locale}" data-thumb="${id}" width="360" height="`)
        expect(label).toContain('alt=""')
      }
    }
  })

  it('shows the defaults with a note when its URL has a bad option', async () => {
    const res = await get('/?widget=toll-counter&width=5')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('role="alert"')
  })
})

describe('GET /api/embed-codes', () => {
  it('gives every code for a widget and options', async () => {
    const codes = (await (await get(`/api/embed-codes?story=${SLUG}&widget=statement-grid&columns=2&theme=dark`)).json()) as any
    expect(codes.embedUrl).toBe(`${ORIGIN}/embed/${SLUG}/statement-grid?theme=dark&columns=2`)
    expect(codes.iframe).toMatch(/^<iframe src="http:\/\/factbox.test\/embed\/gaza-2025-05-06\/statement-grid\?theme=dark&amp;columns=2"/)
    expect(codes.script).toBe(`<div data-factbox="${SLUG}/statement-grid" data-theme="dark" data-columns="2"></div>\n<script async src="${ORIGIN}/embed.js"></script>`)
    expect(codes.amp).toContain('<amp-iframe ')
    expect(codes.amp).toContain(' resizable')
    expect(codes.csp).toBe(`frame-src ${ORIGIN}; img-src ${ORIGIN}; script-src ${ORIGIN}`)
  })

  it('agrees with /oembed on the iframe', async () => {
    const codes = (await (await get(`/api/embed-codes?widget=toll-counter&width=500`)).json()) as any
    const oembed = (await (await get(`/oembed?url=${encodeURIComponent(codes.embedUrl)}`)).json()) as any
    expect(codes.iframe).toBe(oembed.html)
  })

  it('refuses bad options with a 400 problem', async () => {
    const res = await get('/api/embed-codes?widget=statement-grid&columns=9')
    expect(res.status).toBe(400)
    expect((await problem(res))['invalid-params']).toEqual([expect.objectContaining({ name: 'columns' })])
  })
})
