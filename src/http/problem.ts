// Every error leaves as application/problem+json (RFC 9457) and is never cached
// (CONTRACT.md "Errors"). Code throws ProblemError, or Hono's HTTPException for statuses
// that need nothing more; onError turns both into a problem and logs only the unexpected.
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { InvalidParam } from '../../widgets/common'

export interface Problem {
  /** A URI naming the kind of problem; relative ones resolve against this host (RFC 9457 §3.1.1). */
  type: string
  title: string
  status: number
  detail: string
  'invalid-params'?: InvalidParam[]
  /** Seconds a client should wait (429, 503); sent as Retry-After, not in the body. */
  retryAfter?: number
  [extension: string]: unknown
}

export class ProblemError extends HTTPException {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.status as ContentfulStatusCode, { message: problem.detail })
    this.problem = problem
  }
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const { retryAfter, ...body } = problem
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: {
      'Content-Type': 'application/problem+json',
      'Cache-Control': 'no-store',
      ...(retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {}),
      // A 401 names how to authenticate (RFC 9110 §15.5.2): an editor token as a bearer
      // token (or Cloudflare Access, which signs the request before it arrives).
      ...(problem.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="factbox"' } : {}),
      ...headers,
    },
  })
}

/** A bad value of a known option: 400 naming each parameter and why. */
export function invalidParams(params: InvalidParam[]): ProblemError {
  const names = [...new Set(params.map((p) => p.name))]
  return new ProblemError({
    type: '/problems/invalid-params',
    title: 'Invalid request parameters',
    status: 400,
    detail: `${names.length === 1 ? 'The parameter' : 'The parameters'} ${names.map((n) => `"${n}"`).join(', ')} ${names.length === 1 ? 'has a value' : 'have values'} this endpoint does not accept.`,
    'invalid-params': params,
  })
}

export function notFound(detail: string): ProblemError {
  return new ProblemError({ type: 'about:blank', title: 'Not Found', status: 404, detail })
}

const titles: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 405: 'Method Not Allowed', 413: 'Content Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 501: 'Not Implemented', 503: 'Service Unavailable',
}

/** app.onError: the one place an error becomes a response. */
export function renderError(err: Error, c: Context): Response {
  if (err instanceof ProblemError) return problemResponse(err.problem)
  if (err instanceof HTTPException) {
    const status = err.status
    return problemResponse({ type: 'about:blank', title: titles[status] ?? 'Error', status, detail: err.message || titles[status] || 'Error' })
  }
  console.error(`${c.req.method} ${new URL(c.req.url).pathname} failed:`, err)
  return problemResponse({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'The server failed to answer this request.' })
}

/** app.notFound */
export function renderNotFound(c: Context): Response {
  return problemResponse({ type: 'about:blank', title: 'Not Found', status: 404, detail: `Nothing is served at ${new URL(c.req.url).pathname}.` })
}
