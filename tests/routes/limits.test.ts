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

  // wrangler.toml: ten bad credentials a minute per address. Miniflare's windows are fixed
  // minutes of the wall clock, so a run that straddles one may need up to twenty before 429.
  it('answers 429 with Retry-After to an address that keeps sending bad credentials, but never to a valid one', async () => {
    const from = (address: string, token: string) =>
      SELF.fetch(`${ORIGIN}/api/stories/${SLUG}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'CF-Connecting-IP': address, 'If-Match': '"x"', 'Content-Type': 'application/json' },
        body: '{}',
      })
    const statuses: number[] = []
    let refused: Response | undefined
    for (let i = 0; i < 21 && !refused; i++) {
      const res = await from('203.0.113.7', `guess-${i}`)
      statuses.push(res.status)
      if (res.status === 429) refused = res
      else await res.arrayBuffer()
    }
    expect(refused, `statuses: ${statuses.join(' ')}`).toBeDefined()
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true)
    expect(statuses.length).toBeGreaterThan(10)
    expect(refused!.headers.get('Retry-After')).toBe('60')
    expect(refused!.headers.get('Content-Type')).toBe('application/problem+json')
    expect(JSON.stringify(await problem(refused!))).not.toMatch(/guess/)
    // The owner's token from the same address, right after: through to the If-Match check.
    expect((await from('203.0.113.7', 'test-admin-token')).status).toBe(412)
    // A bad Access token counts as well; another address is not affected.
    const jwt = await SELF.fetch(`${ORIGIN}/api/me`, { headers: { 'Cf-Access-Jwt-Assertion': 'not-a-jwt', 'CF-Connecting-IP': '203.0.113.7' } })
    expect(jwt.status).toBe(429)
    expect((await from('203.0.113.8', 'guess-elsewhere')).status).toBe(401)
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
