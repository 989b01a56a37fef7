// Who is asking (CONTRACT.md "v2: editors and identity"). Three credentials name an editor:
//   Authorization: Bearer <ADMIN_TOKEN>    the owner's bootstrap token, every scope
//   Authorization: Bearer fbx_…            an editor token (POST /api/tokens), its own scopes
//   Cf-Access-Jwt-Assertion: <JWT>         Cloudflare Access: the signed-in person's email
// An Authorization header, when sent, is the credential and the Access header is not looked
// at: a script behind Access passes Access with a service token and names itself with its
// editor token. Bad credentials answer 401; only then is the Workers Rate Limiting binding
// asked, so a valid credential is never throttled.
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { findEditorToken, touchEditorToken } from '../store'
import { AccessRejected, accessConfig, isOwnerEmail, verifyAccessToken } from './access'
import { type Editor, type Scope, SCOPES, assertSlugAllowed, forbidden } from './editor'
import { ProblemError } from './problem'
import { isEditorToken, tokenDigest } from './token-format'

// Must match wrangler.toml's [[ratelimits]] simple.period: the binding does not say when
// its window ends, so Retry-After is the whole period.
const FAILURE_PERIOD_S = 60
// An editor token's last use is written at most once a minute: the list needs "when",
// not a write per request.
const LAST_USED_EVERY_MS = 60_000

function unauthorized(detail: string): ProblemError {
  return new ProblemError({ type: 'about:blank', title: 'Unauthorized', status: 401, detail })
}

async function sha256(s: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))
}

/**
 * A credential failed: 401, or 429 once this address has failed too often. Keyed by
 * CF-Connecting-IP, which Cloudflare sets on every request from the internet; a request
 * without it (a service binding, the test harness) is not counted.
 */
async function refuse(c: Context<AppEnv>, detail: string): Promise<never> {
  const client = c.req.header('CF-Connecting-IP')
  if (client && c.env.AUTH_FAILURES) {
    let allowed = true
    try {
      ;({ success: allowed } = await c.env.AUTH_FAILURES.limit({ key: client }))
    } catch (err) {
      console.error('auth: the rate limiter failed:', err instanceof Error ? err.message : err)
    }
    if (!allowed) {
      throw new ProblemError({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: `Too many bad credentials from this address; try again in ${FAILURE_PERIOD_S} s.`, retryAfter: FAILURE_PERIOD_S })
    }
  }
  throw unauthorized(detail)
}

async function bearerEditor(c: Context<AppEnv>, token: string): Promise<Editor> {
  const admin = c.env.ADMIN_TOKEN
  if (admin) {
    // Both sides hashed first, so the comparison runs over equal lengths and the token's
    // length does not leak either.
    const [given, wanted] = await Promise.all([sha256(token), sha256(admin)])
    if (crypto.subtle.timingSafeEqual(given, wanted)) return { id: 'owner', via: 'admin-token', scopes: [...SCOPES] }
  }
  // A token whose checksum fails is refused without a D1 read.
  if (!isEditorToken(token)) return refuse(c, 'The token is not valid.')
  const row = await findEditorToken(c.env.DB, await tokenDigest(token))
  if (!row) return refuse(c, 'The token is not valid, or it was revoked.')
  const now = Date.now()
  if (!row.last_used_at || now - Date.parse(row.last_used_at) >= LAST_USED_EVERY_MS) {
    // After the response: a failed write costs only the time shown in the list.
    c.executionCtx.waitUntil(touchEditorToken(c.env.DB, row.id, new Date(now).toISOString()).catch(() => {}))
  }
  const slugs = row.slugs === null ? undefined : (JSON.parse(row.slugs) as string[])
  return { id: row.name, via: 'token', scopes: JSON.parse(row.scopes) as Scope[], ...(slugs ? { slugs } : {}), tokenId: row.id }
}

async function accessEditor(c: Context<AppEnv>, jwt: string): Promise<Editor | null> {
  const config = accessConfig(c.env)
  if (!config.configured) {
    if (!config.missing.length) return null // Access is off: the header is nobody's to check.
    throw new ProblemError({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: `Cloudflare Access is only half set up: set ${config.missing.join(' and ')}.` })
  }
  let identity
  try {
    identity = await verifyAccessToken(jwt, config)
  } catch (err) {
    if (err instanceof AccessRejected) return refuse(c, err.message)
    throw err
  }
  if ('commonName' in identity) {
    // A service token names a machine, and anyone holding its secret; a version needs a
    // person or a named editor token, which also carries its own scopes and slugs.
    throw forbidden(`The Access service token "${identity.commonName}" names no editor: send an editor token (npm run token) as "Authorization: Bearer <token>" as well.`)
  }
  const scopes: Scope[] = ['stories:create', 'stories:publish']
  if (isOwnerEmail(c.env, identity.email)) scopes.push('tokens:admin')
  return { id: identity.email, via: 'access', scopes }
}

/**
 * The editor a request's credentials name; null when it carries none. Throws 401 (or 429)
 * for bad credentials, 403 for an Access service token, 503 when Access cannot verify.
 */
export async function authenticate(c: Context<AppEnv>): Promise<Editor | null> {
  const authorization = c.req.header('Authorization')
  if (authorization !== undefined && authorization.trim()) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    if (!match) return refuse(c, 'Send the token as "Authorization: Bearer <token>".')
    return bearerEditor(c, match[1])
  }
  const jwt = c.req.header('Cf-Access-Jwt-Assertion')
  if (jwt) return accessEditor(c, jwt)
  return null
}

export interface EditorOptions {
  /** The route parameter naming the story, for editor tokens limited to some stories. */
  slugParam?: string
}

/**
 * Lets the request through only for an editor with one of `scope` (and, with slugParam, who
 * may act on that story), and puts the editor on c.var.editor. Every answer is no-store.
 */
export function requireEditor(scope: Scope | Scope[], options: EditorOptions = {}): MiddlewareHandler<AppEnv> {
  const wanted = Array.isArray(scope) ? scope : [scope]
  return async function requireEditor(c, next) {
    c.header('Cache-Control', 'no-store')
    const editor = await authenticate(c)
    if (!editor) {
      const access = accessConfig(c.env).configured ? 'Sign in through Cloudflare Access, or send' : 'Send'
      throw unauthorized(`${access} an editor token as "Authorization: Bearer <token>".`)
    }
    if (!wanted.some((s) => editor.scopes.includes(s))) throw forbidden(`${editor.id} may not do this: it needs the scope ${wanted.map((s) => `"${s}"`).join(' or ')}.`)
    if (options.slugParam) assertSlugAllowed(editor, c.req.param(options.slugParam) ?? '')
    c.set('editor', editor)
    await next()
  }
}

/**
 * True when the request carries an editor's credentials, checked as requireEditor checks
 * them (a bad one is a 401, and counts towards the throttle); false when it carries none.
 * Routes that readers also use call this where editors see more: the stored data of a
 * withdrawn story (CONTRACT.md "v2: updates, corrections, retractions").
 */
export async function hasEditorCredentials(c: Context<AppEnv>): Promise<boolean> {
  return (await authenticate(c)) !== null
}
