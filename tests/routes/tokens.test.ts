// Editor tokens (issue #14): created by an owner and shown once, stored only as a digest,
// limited to their scopes and stories, named as the author of what they publish, and
// refused on the next request once revoked.
import { createExecutionContext, env } from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { app } from '../../src/app'
import { ADMIN_TOKEN, type CreatedToken, createToken, postToken, preview, publishToll, send } from '../editors'
import { SLUG } from '../fixtures'
import { ORIGIN, get, problem } from '../http'

async function sha256Hex(text: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')
}

async function lastUsed(id: string): Promise<string | null> {
  return (await env.DB.prepare('SELECT last_used_at FROM editor_tokens WHERE id = ?1').bind(id).first<{ last_used_at: string | null }>())!.last_used_at
}

/** last_used_at is written after the response (waitUntil): wait for it to change from `before`. */
async function lastUsedAfter(id: string, before: string | null): Promise<string | null> {
  for (let i = 0; i < 50; i++) {
    const now = await lastUsed(id)
    if (now !== before) return now
    await new Promise((r) => setTimeout(r, 20))
  }
  return before
}

afterEach(() => {
  vi.useRealTimers()
})

describe('POST /api/tokens', () => {
  it('returns a new fbx_ token once, and D1 keeps only its SHA-256 digest', async () => {
    const res = await postToken({ name: 'CMS plugin', scopes: ['stories:publish'], slugs: [SLUG] })
    expect(res.status).toBe(201)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const created = (await res.json()) as CreatedToken
    expect(created).toMatchObject({ name: 'CMS plugin', scopes: ['stories:publish'], slugs: [SLUG], createdBy: 'owner', lastUsedAt: null, revokedAt: null })
    expect(created.token).toMatch(/^fbx_[0-9A-Za-z]{33}$/)
    expect(res.headers.get('Location')).toBe(`/api/tokens/${created.id}`)

    const row = await env.DB.prepare('SELECT * FROM editor_tokens WHERE id = ?1').bind(created.id).first<Record<string, unknown>>()
    expect(row!.digest).toBe(await sha256Hex(created.token))
    const stored = JSON.stringify(await env.DB.prepare('SELECT * FROM editor_tokens').all())
    expect(stored).not.toContain(created.token)
    expect(stored).not.toContain(created.token.slice(4, 31))
  })

  it('makes a different token each time, each with a checksum the worker checks before any D1 read', async () => {
    const a = await createToken({ name: 'Checksum A', scopes: ['stories:create'] })
    const b = await createToken({ name: 'Checksum B', scopes: ['stories:create'] })
    expect(a.token).not.toBe(b.token)
    // One character changed in the random part: the checksum no longer holds.
    const i = 10
    const forged = a.token.slice(0, i) + (a.token[i] === 'a' ? 'b' : 'a') + a.token.slice(i + 1)
    let reads = 0
    const db = new Proxy(env.DB, {
      get(target, key) {
        if (key === 'prepare') return (sql: string) => (reads++, target.prepare(sql))
        const value = Reflect.get(target, key)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const call = (token: string) => app.request(`${ORIGIN}/api/me`, { headers: { Authorization: `Bearer ${token}` } }, { ...env, DB: db }, createExecutionContext())
    expect((await call(forged)).status).toBe(401)
    expect(reads).toBe(0)
    expect((await call(a.token)).status).toBe(200)
    expect(reads).toBeGreaterThan(0)
  })

  it('answers 422 listing every problem of the request', async () => {
    const res = await postToken({ name: '  ', scopes: ['stories:delete'], slugs: ['Not A Slug'], expires: 'never' })
    expect(res.status).toBe(422)
    const body = await problem(res)
    const names = body['invalid-params']!.map((p) => p.name)
    expect(names).toEqual(expect.arrayContaining(['name', 'scopes.0', 'slugs.0']))
    expect(body['invalid-params']!.some((p) => /expires/.test(p.reason))).toBe(true)
    expect((await postToken({ name: 'No scopes', scopes: [] })).status).toBe(422)
    expect((await postToken({ name: 'Empty list', scopes: ['stories:create'], slugs: [] })).status).toBe(422)
    const notJson = await send('/api/tokens', ADMIN_TOKEN, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' })
    expect(notJson.status).toBe(400)
  })

  it('refuses a second working token with the same name (409), and frees the name once it is revoked', async () => {
    const first = await createToken({ name: 'Wire desk', scopes: ['stories:create'] })
    const again = await postToken({ name: 'Wire desk', scopes: ['stories:publish'] })
    expect(again.status).toBe(409)
    expect(JSON.stringify(await problem(again))).not.toContain(first.token)
    expect((await send(`/api/tokens/${first.id}`, ADMIN_TOKEN, { method: 'DELETE' })).status).toBe(204)
    expect((await postToken({ name: 'Wire desk', scopes: ['stories:publish'] })).status).toBe(201)
  })

  it('lets no one grant a scope or a story they do not hold', async () => {
    const admin = await createToken({ name: 'Token admin for one story', scopes: ['tokens:admin', 'stories:create'], slugs: [SLUG] })
    const wider = await postToken({ name: 'Wider', scopes: ['stories:publish'], slugs: [SLUG] }, admin.token)
    expect(wider.status).toBe(403)
    expect((await problem(wider)).detail).toMatch(/stories:publish/)
    expect((await postToken({ name: 'Every story', scopes: ['stories:create'] }, admin.token)).status).toBe(403)
    expect((await postToken({ name: 'Another story', scopes: ['stories:create'], slugs: ['another-story'] }, admin.token)).status).toBe(403)
    const narrower = await createToken({ name: 'Narrower', scopes: ['stories:create'], slugs: [SLUG] }, admin.token)
    expect(narrower.createdBy).toBe('Token admin for one story')
  })
})

describe('an editor token at work', () => {
  it('publishes as the token’s name; the body’s author is ignored and the version history shows the name', async () => {
    const { token } = await createToken({ name: 'Election night script', scopes: ['stories:publish'] })
    const res = await publishToll(token, 52601, 'Figure from the script')
    expect(res.status).toBe(200)
    const published = (await res.json()) as any
    expect(published.author).toBe('Election night script')
    const versions = (await (await get(`/api/stories/${SLUG}/versions`, { Authorization: `Bearer ${token}` })).json()) as any[]
    expect(versions[0]).toMatchObject({ version: published.version, author: 'Election night script', note: 'Figure from the script' })
    // Readers see who signed it, not the note written for the history.
    const public_ = (await (await get(`/api/stories/${SLUG}/versions`)).json()) as any[]
    expect(public_[0]).toMatchObject({ version: published.version, author: 'Election night script' })
    expect(public_[0]).not.toHaveProperty('note')
    const stored = await env.DB.prepare('SELECT author FROM story_versions WHERE slug = ?1 AND version = ?2').bind(SLUG, published.version).first<{ author: string }>()
    expect(stored!.author).toBe('Election night script')
  })

  it('says who it is in /api/me, without the token', async () => {
    const created = await createToken({ name: 'Desk laptop', scopes: ['stories:create', 'stories:publish'], slugs: [SLUG] })
    const res = await send('/api/me', created.token)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(await res.json()).toEqual({
      signedIn: true,
      editor: { id: 'Desk laptop', via: 'token', scopes: ['stories:create', 'stories:publish'], slugs: [SLUG] },
      access: { configured: true },
    })
  })

  it('records when it was last used, at most once a minute', async () => {
    const { id, token } = await createToken({ name: 'Last used', scopes: ['stories:publish'] })
    expect(await lastUsed(id)).toBeNull()
    expect((await send('/api/me', token)).status).toBe(200)
    const first = await lastUsedAfter(id, null)
    expect(first).not.toBeNull()
    const listed = (await (await send('/api/tokens', ADMIN_TOKEN)).json()) as CreatedToken[]
    expect(listed.find((t) => t.id === id)!.lastUsedAt).toBe(first)

    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse(first!) + 30_000)
    expect((await send('/api/me', token)).status).toBe(200)
    expect(await lastUsedAfter(id, first)).toBe(first)
    vi.setSystemTime(Date.parse(first!) + 61_000)
    expect((await send('/api/me', token)).status).toBe(200)
    expect(await lastUsedAfter(id, first)).toBe(new Date(Date.parse(first!) + 61_000).toISOString())
  })

  it('is refused with 401 on the very next request once revoked, and listed as revoked', async () => {
    const { id, token } = await createToken({ name: 'Leaked one', scopes: ['stories:publish'] })
    expect((await send('/api/me', token)).status).toBe(200)
    const revoke = await send(`/api/tokens/${id}`, ADMIN_TOKEN, { method: 'DELETE' })
    expect(revoke.status).toBe(204)
    const after = await publishToll(token, 1)
    expect(after.status).toBe(401)
    expect(after.headers.get('Content-Type')).toBe('application/problem+json')
    expect(after.headers.get('Cache-Control')).toBe('no-store')
    expect((await send('/api/me', token)).status).toBe(401)
    const listed = ((await (await send('/api/tokens', ADMIN_TOKEN)).json()) as CreatedToken[]).find((t) => t.id === id)!
    expect(listed.revokedAt).toEqual(expect.any(String))
    // Revoking again changes nothing; an unknown id is 404.
    expect((await send(`/api/tokens/${id}`, ADMIN_TOKEN, { method: 'DELETE' })).status).toBe(204)
    expect((await send('/api/tokens/no-such-token', ADMIN_TOKEN, { method: 'DELETE' })).status).toBe(404)
  })

  it('answers 403 for a scope it lacks', async () => {
    const { token } = await createToken({ name: 'Drafts only', scopes: ['stories:create'] })
    const put = await publishToll(token, 2)
    expect(put.status).toBe(403)
    expect(put.headers.get('Content-Type')).toBe('application/problem+json')
    expect(put.headers.get('Cache-Control')).toBe('no-store')
    expect((await problem(put)).detail).toMatch(/stories:publish/)
    // Preview is for anyone who may create or publish.
    expect((await preview(token)).status).toBe(200)
    expect((await send('/api/tokens', token)).status).toBe(403)
    expect((await postToken({ name: 'Escalation', scopes: ['stories:create'] }, token)).status).toBe(403)
  })

  it('answers 403 for a story outside its list, and publishes the one it is for', async () => {
    const other = await createToken({ name: 'Another story only', scopes: ['stories:publish'], slugs: ['another-story'] })
    const refused = await publishToll(other.token, 3)
    expect(refused.status).toBe(403)
    expect((await problem(refused)).detail).toMatch(/another-story/)
    expect((await preview(other.token)).status).toBe(403)
    const mine = await createToken({ name: 'This story only', scopes: ['stories:publish'], slugs: [SLUG] })
    expect((await publishToll(mine.token, 52602)).status).toBe(200)
  })

  it('never appears in any answer but the one that created it', async () => {
    const created = await createToken({ name: 'Never echoed', scopes: ['stories:publish'], slugs: [SLUG] })
    const answers: Response[] = [
      await send('/api/me', created.token),
      await publishToll(created.token, 52603),
      await publishToll(created.token, 4, ''),
      await preview(created.token),
      await preview(created.token, 'another-story'),
      await send('/api/tokens', ADMIN_TOKEN),
      await send('/api/tokens', created.token),
      await postToken({ name: 'Never echoed', scopes: ['stories:publish'] }),
    ]
    await send(`/api/tokens/${created.id}`, ADMIN_TOKEN, { method: 'DELETE' })
    answers.push(await send('/api/me', created.token), await publishToll(created.token, 5), await send('/api/me', `${created.token}x`))
    for (const res of answers) {
      const text = await res.text()
      expect(text).not.toContain(created.token)
      expect(JSON.stringify([...res.headers])).not.toContain(created.token)
    }
    const listed = JSON.stringify(await (await send('/api/tokens', ADMIN_TOKEN)).json())
    expect(listed).not.toContain(await sha256Hex(created.token))
    expect(listed).not.toMatch(/"(token|digest)"/)
  })
})

describe('GET /api/tokens and DELETE /api/tokens/{id}', () => {
  it('need tokens:admin: 401 without credentials, naming the bearer scheme', async () => {
    for (const res of [await send('/api/tokens', undefined), await send('/api/tokens/x', undefined, { method: 'DELETE' }), await send('/api/tokens', undefined, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"x","scopes":["stories:create"]}' })]) {
      expect(res.status).toBe(401)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="factbox"')
    }
  })
})

describe('GET /api/me', () => {
  it('answers 200 signedIn: false without credentials, and 401 for bad ones', async () => {
    const res = await get('/api/me')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(await res.json()).toEqual({ signedIn: false, access: { configured: true } })
    expect((await send('/api/me', 'wrong')).status).toBe(401)
    expect((await send('/api/me', undefined, { headers: { Authorization: 'Basic b3duZXI6eA==' } })).status).toBe(401)
  })

  it('names the ADMIN_TOKEN holder as the owner with every scope', async () => {
    expect(await (await send('/api/me', ADMIN_TOKEN)).json()).toEqual({
      signedIn: true,
      editor: { id: 'owner', via: 'admin-token', scopes: ['stories:create', 'stories:publish', 'tokens:admin'] },
      access: { configured: true },
    })
  })
})

describe('GET /openapi.json', () => {
  it('documents /api/me, /api/tokens and /api/tokens/{id}, with the token request’s schema', async () => {
    const doc = (await (await get('/openapi.json')).json()) as any
    expect(Object.keys(doc.paths['/api/tokens'])).toEqual(['post', 'get'])
    expect(doc.paths['/api/tokens/{id}'].delete.responses['204']).toBeDefined()
    expect(doc.paths['/api/me'].get.responses['200']).toBeDefined()
    const request = doc.paths['/api/tokens'].post.requestBody.content['application/json'].schema
    expect(request.required).toEqual(expect.arrayContaining(['name', 'scopes']))
    expect(request.properties.scopes.items.enum).toEqual(['stories:create', 'stories:publish', 'tokens:admin'])
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['access', 'bearer'])
  })
})
