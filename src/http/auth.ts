// Bearer token for publishing (CONTRACT.md "Admin"): the Worker secret ADMIN_TOKEN,
// compared in constant time. Both sides are hashed first so that the comparison runs over
// equal lengths and the token's length does not leak either.
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { ProblemError } from './problem'
import { checkThrottle, recordFailure } from './throttle'

async function digest(s: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))
}

function unauthorized(detail: string): ProblemError {
  return new ProblemError({ type: 'about:blank', title: 'Unauthorized', status: 401, detail })
}

export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async function requireAdmin(c, next) {
    c.header('Cache-Control', 'no-store')
    const expected = c.env.ADMIN_TOKEN
    if (!expected) {
      throw new ProblemError({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'Publishing is not configured: set the ADMIN_TOKEN secret.' })
    }
    const client = c.req.header('CF-Connecting-IP') ?? 'unknown'
    checkThrottle(client)
    const header = c.req.header('Authorization') ?? ''
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!match) throw unauthorized('Send the admin token as "Authorization: Bearer <token>".')
    const [given, wanted] = await Promise.all([digest(match[1]), digest(expected)])
    if (!crypto.subtle.timingSafeEqual(given, wanted)) {
      recordFailure(client)
      throw unauthorized('The admin token is not valid.')
    }
    await next()
  }
}

/**
 * True when the request carries an editor's credentials, checked as requireAdmin checks them
 * (a wrong one is a 401, and counts towards the throttle); false when it carries none. Routes
 * that readers also use call this where editors see more: the stored data of a withdrawn
 * story (CONTRACT.md "v2: updates, corrections, retractions").
 */
export async function hasEditorCredentials(c: Context<AppEnv>): Promise<boolean> {
  if (c.req.header('Authorization') === undefined) return false
  await requireAdmin()(c, async () => {})
  return true
}
