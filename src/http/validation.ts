// zValidator with the one hook every route shares: a failure becomes a 400 problem whose
// invalid-params name each parameter and why (without the hook zod's raw result leaks out).
import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import { validator } from 'hono/validator'
import type * as z from 'zod/mini'
import { type OptionSpecs, quickOptions } from '../../widgets/options'
import { invalidParams } from './problem'

export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw paramsProblem(result.error.issues, target)
  })
}

/**
 * A widget's query options: read by quickOptions when every value is one it takes, so that
 * a new isolate builds no zod schema for an ordinary request; otherwise by the zod schema,
 * whose problem names each bad value. Both give the same result for any query both take.
 */
export function validateOptions(specs: OptionSpecs, schema: z.ZodMiniType) {
  return validator('query', async (query: Record<string, string | string[]>) => {
    const quick = quickOptions(specs, query)
    if (quick) return quick
    const result = await schema.safeParseAsync(query)
    if (!result.success) throw paramsProblem(result.error.issues, 'query')
    return result.data as Record<string, unknown>
  })
}

/** The same for options not read from a route's own query (workshop, oEmbed, preview). */
export function parseOptions(specs: OptionSpecs, schema: z.ZodMiniType, query: Record<string, string | string[]>): { success: true; data: any } | { success: false; error: { issues: z.core.$ZodIssue[] } } {
  const quick = quickOptions(specs, query)
  if (quick) return { success: true, data: quick }
  return schema.safeParse(query)
}

/** A 400 problem naming each parameter zod refused and why. */
export function paramsProblem(issues: readonly { path: PropertyKey[]; message: string }[], fallbackName = 'query') {
  return invalidParams(issues.map((issue) => ({ name: issue.path.length ? String(issue.path[0]) : fallbackName, reason: issue.message })))
}
