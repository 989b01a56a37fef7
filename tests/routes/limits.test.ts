import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { SLUG } from '../fixtures'
import { ORIGIN, get, problem } from '../http'

describe('request limits', () => {
  it('answers an oversize URL with a 414 problem', async () => {
    const res = await get(`/widgets/${SLUG}/toll-counter.svg?x=${'a'.repeat(5000)}`)
    expect(res.status).toBe(414)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  })

  it('refuses an admin client after five wrong tokens with 429 and Retry-After, without echoing the token', async () => {
    const attempt = (token: string) =>
      SELF.fetch(`${ORIGIN}/api/stories/${SLUG}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'CF-Connecting-IP': '203.0.113.7', 'If-Match': '"x"', 'Content-Type': 'application/json' },
        body: '{}',
      })
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).status).toBe(401)
    const refused = await attempt('test-admin-token')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(JSON.stringify(await problem(refused))).not.toMatch(/guess|test-admin-token/)
    // Another address is not affected.
    const other = await SELF.fetch(`${ORIGIN}/api/stories/${SLUG}/preview?widget=toll-counter`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token', 'CF-Connecting-IP': '203.0.113.8', 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(other.status).toBe(422)
  })

  it.each(['/', `/embed/${SLUG}/toll-counter`, '/admin'])('%s carries a CSP without inline script, Referrer-Policy and Permissions-Policy', async (path) => {
    const res = await get(path)
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toMatch(/script-src http:\/\/factbox\.test;/)
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(res.headers.get('Permissions-Policy')).toContain('camera=()')
  })

  it('keeps widgets and embed pages frameable and usable cross-origin', async () => {
    for (const path of [`/embed/${SLUG}/toll-counter`, `/widgets/${SLUG}/toll-counter.svg`, `/widgets/${SLUG}/toll-counter.png`]) {
      const res = await get(path)
      expect(res.headers.get('X-Frame-Options')).toBeNull()
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin')
    }
  })
})
