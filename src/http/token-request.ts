// The body of POST /api/tokens, apart from the route so that the OpenAPI document
// (src/documents/) is built from it without the route's storage.
import * as z from 'zod/mini'
import { SCOPES } from './editor'

let requestSchema: ReturnType<typeof buildRequestSchema> | undefined
function buildRequestSchema() {
  return z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1, 'must name who or what uses the token'), z.maxLength(100)),
    scopes: z.array(z.enum(SCOPES)).check(z.minLength(1, 'must list at least one scope')),
    slugs: z.optional(
      z.array(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a story slug: lower-case words joined by hyphens'), z.maxLength(100))).check(z.minLength(1, 'must list at least one story, or be left out for every story'), z.maxLength(100)),
    ),
  })
}
/** The body of POST /api/tokens; built on first use, like the story schema. */
export function tokenRequestSchema() {
  return (requestSchema ??= buildRequestSchema())
}
