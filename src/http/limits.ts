// Request limits every route shares (issue #6): a URL longer than any embed needs is a 414
// problem before any work is done. Body limits and content types are checked by the
// routes that take bodies (src/routes/admin.ts).
import type { MiddlewareHandler } from 'hono'
import { ProblemError } from './problem'

/** Embed URLs with every option fit in well under this; proxies commonly stop at 8 KiB. */
export const MAX_URL_LENGTH = 4096

export function limitUrlLength(): MiddlewareHandler {
  return async function limitUrlLength(c, next) {
    if (c.req.url.length > MAX_URL_LENGTH) {
      throw new ProblemError({ type: 'about:blank', title: 'URI Too Long', status: 414, detail: `URLs may be at most ${MAX_URL_LENGTH} characters.` })
    }
    await next()
  }
}
