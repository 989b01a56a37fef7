// Cloudflare Access sign-in (issue #14). The test makes its own RSA keys and hands their
// public set to the stub in vitest.config.ts, which serves it where the worker looks
// (https://{ACCESS_TEAM_DOMAIN}/cdn-cgi/access/certs) and counts the fetches. The clock is
// faked (Date only) so that "once a minute" can be stepped through; the worker runs in
// this isolate and sees the same clock.
import { createExecutionContext, env } from 'cloudflare:test'
import { type CryptoKey, type JWK, SignJWT, exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { app } from '../../src/app'
import { ADMIN_TOKEN, createToken, preview, publishToll, send } from '../editors'
import { SLUG } from '../fixtures'
import { ORIGIN, get, problem } from '../http'

const TEAM = env.ACCESS_TEAM_DOMAIN
const ISSUER = `https://${TEAM}`
const CERTS = `${ISSUER}/cdn-cgi/access/certs`
const AUD = env.ACCESS_AUD

interface SigningKey {
  kid: string
  privateKey: CryptoKey
  jwk: JWK
}

async function makeKey(kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } }
}

/** What the team's key endpoint serves from now on. */
async function publishKeys(...keys: SigningKey[]): Promise<void> {
  await fetch('http://jwks.stub/keys', { method: 'PUT', body: JSON.stringify({ keys: keys.map((k) => k.jwk) }) })
}

async function fetchesOf(url = CERTS): Promise<number> {
  return ((await (await fetch('http://jwks.stub/fetches')).json()) as Record<string, number>)[url] ?? 0
}

const nowS = () => Math.floor(Date.now() / 1000)

/** An Access token as Cloudflare issues one: RS256, kid, aud as an array, iss, iat/nbf/exp, email. */
function accessToken(key: SigningKey, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  const now = nowS()
  return new SignJWT({ aud: [AUD], iss: ISSUER, iat: now, nbf: now, exp: now + 3600, email: 'reporter@newsroom.test', type: 'app', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, ...header })
    .sign(key.privateKey)
}

const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')

const me = (jwt: string) => send('/api/me', { access: jwt })

function advance(ms: number) {
  vi.setSystemTime(Date.now() + ms)
}

let current: SigningKey
let next: SigningKey
let stranger: SigningKey

beforeAll(async () => {
  ;[current, next, stranger] = await Promise.all([makeKey('key-current'), makeKey('key-next'), makeKey('key-stranger')])
  await publishKeys(current)
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now())
})

afterAll(() => {
  vi.useRealTimers()
})

describe('an editor signed in through Cloudflare Access', () => {
  it('is the email in a valid token, with the scopes every editor has; the key set is fetched from the team domain', async () => {
    const before = await fetchesOf()
    const res = await me(await accessToken(current))
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(await res.json()).toEqual({
      signedIn: true,
      editor: { id: 'reporter@newsroom.test', via: 'access', scopes: ['stories:create', 'stories:publish'] },
      access: { configured: true },
    })
    expect(await fetchesOf()).toBe(before + 1)
  })

  it('uses the key set it holds for the next requests, without fetching it again', async () => {
    const before = await fetchesOf()
    for (let i = 0; i < 5; i++) expect((await me(await accessToken(current, { email: `editor${i}@newsroom.test` }))).status).toBe(200)
    expect(await fetchesOf()).toBe(before)
  })

  it('also holds tokens:admin when the email is in OWNER_EMAILS, whatever its case', async () => {
    const body = (await (await me(await accessToken(current, { email: 'owner@newsroom.TEST' }))).json()) as any
    expect(body.editor).toEqual({ id: 'owner@newsroom.TEST', via: 'access', scopes: ['stories:create', 'stories:publish', 'tokens:admin'] })
  })

  it('publishes as their email: the body’s author is ignored, and the history names them', async () => {
    const jwt = await accessToken(current, { email: 'desk.editor@newsroom.test' })
    const res = await publishToll({ access: jwt }, 52650, 'Ministry figure, signed in through Access')
    expect(res.status).toBe(200)
    const published = (await res.json()) as any
    expect(published.author).toBe('desk.editor@newsroom.test')
    const versions = (await (await get(`/api/stories/${SLUG}/versions`)).json()) as any[]
    expect(versions[0]).toMatchObject({ version: published.version, author: 'desk.editor@newsroom.test' })
    expect((await preview({ access: jwt })).status).toBe(200)
  })

  it('creates editor tokens when an owner, recorded as their creator; anyone else gets 403', async () => {
    const owner = { access: await accessToken(current, { email: 'second-owner@newsroom.test' }) }
    const created = await createToken({ name: 'Made by an owner through Access', scopes: ['stories:publish'] }, owner)
    expect(created.createdBy).toBe('second-owner@newsroom.test')
    const editor = { access: await accessToken(current) }
    expect((await send('/api/tokens', editor)).status).toBe(403)
  })

  it('accepts a token a few seconds past exp or before nbf: the clocks may disagree by up to 30 s', async () => {
    expect((await me(await accessToken(current, { exp: nowS() - 20 }))).status).toBe(200)
    expect((await me(await accessToken(current, { nbf: nowS() + 20 }))).status).toBe(200)
  })
})

describe('an Access token that does not hold', () => {
  const unsigned = (claims: Record<string, unknown>) => `${b64url({ alg: 'none', kid: 'key-current' })}.${b64url(claims)}.`
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['expired', () => accessToken(current, { exp: nowS() - 120 }), /has expired/],
    ['not valid yet', () => accessToken(current, { nbf: nowS() + 120 }), /not valid yet/],
    ['for another application (audience)', () => accessToken(current, { aud: ['some-other-application'] }), /another Access application/],
    ['issued by another team', () => accessToken(current, { iss: 'https://another-team.cloudflareaccess.com' }), /another Access team/],
    ['signed by another key under a known kid', () => accessToken({ ...stranger, kid: current.kid }), /signature that does not verify/],
    ['without exp', () => accessToken(current, { exp: undefined }), /"exp"/],
    ['naming no one', () => accessToken(current, { email: undefined }), /names no one/],
    ['unsigned (alg none)', async () => unsigned({ aud: [AUD], iss: ISSUER, exp: nowS() + 60, email: 'reporter@newsroom.test' }), /RS256/],
    [
      'signed with HS256 (the public key as an HMAC secret)',
      async () =>
        new SignJWT({ aud: [AUD], iss: ISSUER, exp: nowS() + 60, email: 'reporter@newsroom.test' })
          .setProtectedHeader({ alg: 'HS256', kid: current.kid })
          .sign(new TextEncoder().encode(JSON.stringify(current.jwk))),
      /RS256/,
    ],
    ['malformed', async () => 'not-a-jwt', /not a well-formed/],
    ['three parts of garbage', async () => 'abc.def.ghi', /not a well-formed/],
  ]

  it.each(cases)('is refused with 401 when %s, without fetching the key set', async (_, make, reason) => {
    const before = await fetchesOf()
    const res = await me(await make())
    expect(res.status).toBe(401)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect((await problem(res)).detail).toMatch(reason)
    expect(await fetchesOf()).toBe(before)
  })

  it('cannot publish either: 401, and nothing is stored', async () => {
    const before = (await (await get(`/api/stories/${SLUG}/versions`)).json()) as any[]
    const res = await publishToll({ access: await accessToken(current, { exp: nowS() - 120 }) }, 1)
    expect(res.status).toBe(401)
    expect(((await (await get(`/api/stories/${SLUG}/versions`)).json()) as any[]).length).toBe(before.length)
  })

  it('does not count when a bearer token is sent too: the Authorization header decides', async () => {
    const jwt = await accessToken(current)
    expect((await send('/api/me', undefined, { headers: { Authorization: 'Bearer wrong', 'Cf-Access-Jwt-Assertion': jwt } })).status).toBe(401)
    const both = (await (await send('/api/me', undefined, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Cf-Access-Jwt-Assertion': jwt } })).json()) as any
    expect(both.editor.via).toBe('admin-token')
  })

  it('from a service token (common_name, no email) is 403: a machine is not an editor', async () => {
    const jwt = await accessToken(current, { email: undefined, common_name: 'f3c1a9.access', sub: '' })
    const res = await me(jwt)
    expect(res.status).toBe(403)
    expect((await problem(res)).detail).toMatch(/service token "f3c1a9\.access".*editor token/)
    expect((await publishToll({ access: jwt }, 1)).status).toBe(403)
  })
})

describe('the team’s key set', () => {
  it('is fetched again for a kid it does not hold, so a rotated key works within a minute', async () => {
    await publishKeys(current, next)
    advance(61_000)
    const before = await fetchesOf()
    const res = await me(await accessToken(next))
    expect(res.status).toBe(200)
    expect(await fetchesOf()).toBe(before + 1)
    // The previous key stays valid, as Access keeps it in the set for a week after a rotation.
    expect((await me(await accessToken(current))).status).toBe(200)
    expect(await fetchesOf()).toBe(before + 1)
  })

  it('is fetched for unknown kids at most once a minute, however many arrive', async () => {
    advance(61_000)
    const before = await fetchesOf()
    const forged = () => accessToken(stranger)
    const first = await me(await forged())
    expect(first.status).toBe(401)
    expect((await problem(first)).detail).toMatch(/key the Access team does not publish/)
    expect(await fetchesOf()).toBe(before + 1)
    for (let i = 0; i < 10; i++) expect((await me(await forged())).status).toBe(401)
    advance(30_000)
    for (let i = 0; i < 5; i++) expect((await me(await forged())).status).toBe(401)
    expect(await fetchesOf()).toBe(before + 1)
    advance(31_000)
    expect((await me(await forged())).status).toBe(401)
    expect(await fetchesOf()).toBe(before + 2)
  })

  it('is refetched after ten minutes even when every kid is known', async () => {
    const before = await fetchesOf()
    advance(9 * 60_000)
    expect((await me(await accessToken(current))).status).toBe(200)
    expect(await fetchesOf()).toBe(before)
    advance(60_000 + 1)
    expect((await me(await accessToken(current))).status).toBe(200)
    expect(await fetchesOf()).toBe(before + 1)
  })

  it('answers 503 with Retry-After when it cannot be fetched, and waits 10 s before trying again', async () => {
    await fetch('http://jwks.stub/keys', { method: 'PUT', body: 'unavailable' })
    await fetch('http://jwks.stub/status', { method: 'PUT', body: '500' })
    advance(11 * 60_000)
    const before = await fetchesOf()
    const res = await me(await accessToken(current))
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('10')
    expect(await fetchesOf()).toBe(before + 1)
    expect((await me(await accessToken(current))).status).toBe(503)
    expect(await fetchesOf()).toBe(before + 1)
    await fetch('http://jwks.stub/status', { method: 'PUT', body: '200' })
    await publishKeys(current, next)
    advance(10_001)
    expect((await me(await accessToken(current))).status).toBe(200)
    expect(await fetchesOf()).toBe(before + 2)
  })
})

describe('Access settings', () => {
  const call = (path: string, headers: Record<string, string>, overrides: Record<string, string | undefined>) =>
    app.request(`${ORIGIN}${path}`, { headers }, { ...env, ...overrides }, createExecutionContext())

  it('off when ACCESS_TEAM_DOMAIN and ACCESS_AUD are unset: /api/me says so, and an Access header names no one', async () => {
    const off = { ACCESS_TEAM_DOMAIN: undefined, ACCESS_AUD: undefined }
    const res = await call('/api/me', {}, off)
    expect(await res.json()).toEqual({ signedIn: false, access: { configured: false } })
    const withHeader = await call('/api/me', { 'Cf-Access-Jwt-Assertion': await accessToken(current) }, off)
    expect(await withHeader.json()).toEqual({ signedIn: false, access: { configured: false } })
    // Tokens still work without Access.
    expect(((await (await call('/api/me', { Authorization: `Bearer ${ADMIN_TOKEN}` }, off)).json()) as any).editor.id).toBe('owner')
  })

  it('refuses to half-work: without ACCESS_AUD an Access token gets 503 naming it, never a sign-in', async () => {
    const half = { ACCESS_AUD: undefined }
    expect(await (await call('/api/me', {}, half)).json()).toEqual({ signedIn: false, access: { configured: false, missing: ['ACCESS_AUD'] } })
    const res = await call('/api/me', { 'Cf-Access-Jwt-Assertion': await accessToken(current) }, half)
    expect(res.status).toBe(503)
    expect((await problem(res)).detail).toMatch(/ACCESS_AUD/)
  })

  it('fetches the key set from ACCESS_JWKS_URL when it is set', async () => {
    const elsewhere = 'https://keys.elsewhere.test/cdn-cgi/access/certs'
    const before = await fetchesOf(elsewhere)
    const res = await call('/api/me', { 'Cf-Access-Jwt-Assertion': await accessToken(current) }, { ACCESS_JWKS_URL: elsewhere })
    expect(res.status).toBe(200)
    expect(await fetchesOf(elsewhere)).toBe(before + 1)
  })
})
