// Cloudflare Access sign-in (CONTRACT.md "v2: editors and identity"): the JWT that Access
// puts in `Cf-Access-Jwt-Assertion` on every request it lets through, verified with jose as
// Cloudflare's own example does (developers.cloudflare.com/cloudflare-one/identity/
// authorization-cookie/validating-json/). Not hono/jwk: it reads only `Authorization: Bearer`
// and fetches the key set on every request. Not @hono/cloudflare-access 0.4.0: it only warns
// when the audience is missing, falls back to the cookie, and refetches the key set on every
// unknown `kid` without limit. jose is a module of its own (src/lazy/modules.ts), imported by
// the first request that carries an Access token: readers never need it.
import type { Env } from '../env'
import { type Jose, loadJose } from '../lazy/modules'
import { ProblemError } from './problem'

export type AccessConfig =
  | { configured: true; issuer: string; audience: string; jwksUrl: string }
  /** Off when nothing is set; `missing` names what a half-done set-up still lacks. */
  | { configured: false; missing: string[] }

/** Access is on once ACCESS_TEAM_DOMAIN and ACCESS_AUD are both set. */
export function accessConfig(env: Env): AccessConfig {
  const domain = env.ACCESS_TEAM_DOMAIN?.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '')
  const audience = env.ACCESS_AUD?.trim()
  if (!domain && !audience && !env.ACCESS_JWKS_URL) return { configured: false, missing: [] }
  if (!domain || !audience) return { configured: false, missing: [!domain && 'ACCESS_TEAM_DOMAIN', !audience && 'ACCESS_AUD'].filter((m) => m !== false) }
  const issuer = `https://${domain}`
  return { configured: true, issuer, audience, jwksUrl: env.ACCESS_JWKS_URL?.trim() || `${issuer}/cdn-cgi/access/certs` }
}

/** Whom a valid Access token names: a person (`email`) or a service token (`common_name`). */
export type AccessIdentity = { email: string } | { commonName: string }

// Access and this worker run on different machines; 30 s covers their clocks disagreeing
// and a slow request, and lets an expired token through for at most 30 s of a session
// that typically lasts hours (Access offers 15 minutes to a month).
const CLOCK_TOLERANCE_S = 30
// Access keeps the current and the previous signing key in the set and rotates every six
// weeks, so a `kid` the isolate does not know is either a rotation (refetch once, and it is
// there) or a forgery (refetching again will not help). Refetching at most once a minute
// picks up a rotation within a minute while a stream of forged `kid`s costs one subrequest
// a minute per isolate, not one per request.
const UNKNOWN_KID_REFETCH_MS = 60_000
// Even with known keys, the set is refetched every ten minutes, so a key Access withdraws
// stops verifying within ten minutes.
const KEY_SET_MAX_AGE_MS = 600_000
// After a failed fetch of the set, requests are answered 503 for this long without another
// fetch, so an outage of the key endpoint is not hit once per request either.
const FETCH_FAILURE_PAUSE_MS = 10_000

class KeySetUnavailable extends Error {}

// One key set per isolate and URL; jose keeps the keys and the timing above.
const keySets = new Map<string, ReturnType<Jose['createRemoteJWKSet']>>()

function keySet(jose: Jose, url: string): ReturnType<Jose['createRemoteJWKSet']> {
  let set = keySets.get(url)
  if (!set) {
    let failedAt = Number.NEGATIVE_INFINITY
    set = jose.createRemoteJWKSet(new URL(url), {
      cooldownDuration: UNKNOWN_KID_REFETCH_MS,
      cacheMaxAge: KEY_SET_MAX_AGE_MS,
      timeoutDuration: 5000,
      [jose.customFetch]: async (input: string, init: RequestInit) => {
        if (Date.now() - failedAt < FETCH_FAILURE_PAUSE_MS) throw new KeySetUnavailable('the key set failed moments ago')
        try {
          const res = await fetch(input, init)
          if (res.status !== 200) throw new KeySetUnavailable(`the key set answered ${res.status}`)
          return res
        } catch (err) {
          failedAt = Date.now()
          throw err instanceof KeySetUnavailable ? err : new KeySetUnavailable(err instanceof Error ? err.message : String(err))
        }
      },
    })
    keySets.set(url, set)
  }
  return set
}

/** Why a token was refused, in words an editor can act on; undefined for errors that are ours. */
function rejection({ errors }: Jose, err: unknown): string | undefined {
  if (err instanceof errors.JWTExpired) return 'has expired; reload the page to sign in again'
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf') return 'is not valid yet'
    if (err.claim === 'aud') return 'is for another Access application'
    if (err.claim === 'iss') return 'was issued by another Access team'
    return `has a missing or invalid "${err.claim}" claim`
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return 'must be signed with RS256'
  if (err instanceof errors.JWKSNoMatchingKey) return 'is signed with a key the Access team does not publish'
  if (err instanceof errors.JWKSMultipleMatchingKeys) return 'does not say which key signed it'
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'has a signature that does not verify'
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid || err instanceof errors.JOSENotSupported) return 'is not a well-formed signed JWT'
  return undefined
}

export class AccessRejected extends Error {}

/**
 * Verifies an Access token: RS256 only, a `kid` from the team's key set, audience and
 * issuer, exp (required) and nbf. Throws AccessRejected (a 401 for the caller) or a 503
 * problem when the key set cannot be had.
 */
export async function verifyAccessToken(token: string, config: Extract<AccessConfig, { configured: true }>): Promise<AccessIdentity> {
  const jose = await loadJose()
  let payload: Record<string, unknown>
  try {
    ;({ payload } = await jose.jwtVerify(token, keySet(jose, config.jwksUrl), {
      algorithms: ['RS256'],
      audience: config.audience,
      issuer: config.issuer,
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['exp'],
    }))
  } catch (err) {
    const reason = rejection(jose, err)
    if (reason) throw new AccessRejected(`The Cloudflare Access token ${reason}.`)
    console.error('access: the key set could not be used:', err instanceof Error ? err.message : err)
    throw new ProblemError({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'The Cloudflare Access signing keys could not be fetched; try again shortly.', retryAfter: FETCH_FAILURE_PAUSE_MS / 1000 })
  }
  if (typeof payload.email === 'string' && payload.email.trim()) return { email: payload.email.trim() }
  if (typeof payload.common_name === 'string' && payload.common_name) return { commonName: payload.common_name }
  throw new AccessRejected('The Cloudflare Access token names no one (it has neither "email" nor "common_name").')
}

/** Emails in OWNER_EMAILS, compared without case. */
export function isOwnerEmail(env: Env, email: string): boolean {
  return (env.OWNER_EMAILS ?? '').split(',').some((e) => e.trim() && e.trim().toLowerCase() === email.toLowerCase())
}
