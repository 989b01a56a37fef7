// The new-story page (issue #11 "The editor"): served like /admin, an editor page no other
// site may frame, cache or inject script into, with its script from this origin.
import { describe, expect, it } from 'vitest'
import { ORIGIN, get } from '../http'

describe('GET /admin/new', () => {
  it('answers an HTML page with /admin’s CSP: script and requests to this origin only, no inline script, no framing', async () => {
    const res = await get('/admin/new')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toContain(`script-src ${ORIGIN};`)
    expect(csp).toContain(`connect-src ${ORIGIN};`)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    const html = await res.text()
    expect(html).toContain(`<script src="${ORIGIN}/admin-new.js" defer=""></script>`)
    // No script of its own in the page: everything runs from /admin-new.js.
    expect(html.match(/<script\b/g)).toHaveLength(1)
    expect(html).toContain('type="password"')
    for (const locale of ['en', 'ar', 'he', 'fr', 'de', 'es']) expect(html).toContain(`<option value="${locale}">`)
    for (const widget of ['toll-counter', 'blockade-duration', 'statement-grid']) expect(html).toContain(`data-widget="${widget}"`)
  })

  it('serves its script as JavaScript that drafts, previews and creates through the public API', async () => {
    const res = await get('/admin-new.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    const script = await res.text()
    for (const route of ['/api/me', '/api/drafts', '/api/stories', '/preview?widget=']) expect(script).toContain(route)
  })

  it('is linked from /admin, whose story list it returns to', async () => {
    const admin = await (await get('/admin')).text()
    expect(admin).toContain('href="/admin/new"')
    const page = await (await get('/admin/new')).text()
    expect(page).toContain('href="/admin"')
  })
})
