// zValidator with the one hook every route shares: a failure becomes a 400 problem whose
// invalid-params name each parameter and why (without the hook zod's raw result leaks out).
import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type * as z from 'zod/mini'
import { invalidParams } from './problem'

export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw paramsProblem(result.error.issues, target)
  })
}

/** A 400 problem naming each parameter zod refused and why. */
export function paramsProblem(issues: readonly { path: PropertyKey[]; message: string }[], fallbackName = 'query') {
  return invalidParams(issues.map((issue) => ({ name: issue.path.length ? String(issue.path[0]) : fallbackName, reason: issue.message })))
}
