// Bearer token for publishing (CONTRACT.md "Admin"): the Worker secret ADMIN_TOKEN,
// compared in constant time. Both sides are hashed first so that the comparison runs over
// equal lengths and the token's length does not leak either.
import type { MiddlewareHandler } from 'hono'
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
