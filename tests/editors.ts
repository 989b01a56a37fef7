// Requests made as an editor (issue #14): with the owner's ADMIN_TOKEN, an editor token or
// a Cloudflare Access JWT, and the publish and token calls the tests share.
import { SELF } from 'cloudflare:test'
import { SLUG, withFollowUpToll } from './fixtures'
import { ORIGIN, get } from './http'

export const ADMIN_TOKEN = 'test-admin-token'

/** Credentials as headers: a bearer token, or `{ access: jwt }`. */
export type Credential = string | { access: string } | undefined

export function credentialHeaders(credential: Credential): Record<string, string> {
  if (credential === undefined) return {}
  return typeof credential === 'string' ? { Authorization: `Bearer ${credential}` } : { 'Cf-Access-Jwt-Assertion': credential.access }
}

export function send(path: string, credential: Credential, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return SELF.fetch(ORIGIN + path, { ...init, headers: { ...credentialHeaders(credential), ...init.headers } })
}

export async function liveStory(slug = SLUG) {
  const res = await get(`/api/stories/${slug}`)
  return { etag: res.headers.get('ETag')!, version: Number(res.headers.get('X-Story-Version')), story: (await res.json()) as any }
}

/** Publishes the live story with the toll changed, as `credential`; the body names a different author. */
export async function publishToll(credential: Credential, value: number, note = `Toll updated to ${value}`): Promise<Response> {
  const { etag, story } = await liveStory()
  withFollowUpToll(story, value)
  return send(`/api/stories/${SLUG}`, credential, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': etag },
    body: JSON.stringify({ ...story, note, author: 'Someone Else Entirely' }),
  })
}

export async function preview(credential: Credential, slug = SLUG): Promise<Response> {
  const { story } = await liveStory()
  return send(`/api/stories/${slug}/preview?widget=toll-counter`, credential, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(story) })
}

export interface CreatedToken {
  id: string
  name: string
  scopes: string[]
  slugs: string[] | null
  createdBy: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
  token: string
}

export function postToken(body: unknown, credential: Credential = ADMIN_TOKEN): Promise<Response> {
  return send('/api/tokens', credential, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
}

/** A new editor token, or throws with the answer. */
export async function createToken(body: { name: string; scopes: string[]; slugs?: string[] }, credential: Credential = ADMIN_TOKEN): Promise<CreatedToken> {
  const res = await postToken(body, credential)
  if (res.status !== 201) throw new Error(`POST /api/tokens answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as CreatedToken
}
