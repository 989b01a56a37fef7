// Repeated wrong admin tokens are refused for a while (issue #6): after MAX_FAILURES
// failures within WINDOW_MS from one client address, 429 with Retry-After until the
// window has passed. Per isolate, so a guess rate is bounded per edge location; the token
// itself is never logged or echoed.
import { ProblemError } from './problem'

const MAX_FAILURES = 5
const WINDOW_MS = 60_000
const failures = new Map<string, number[]>()

function recent(client: string, now: number): number[] {
  const times = (failures.get(client) ?? []).filter((t) => now - t < WINDOW_MS)
  if (times.length) failures.set(client, times)
  else failures.delete(client)
  return times
}

/** Throws 429 when this client has failed too often lately. */
export function checkThrottle(client: string, now = Date.now()): void {
  const times = recent(client, now)
  if (times.length >= MAX_FAILURES) {
    const retryAfter = Math.ceil((WINDOW_MS - (now - times[0])) / 1000)
    const err = new ProblemError({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: `Too many wrong admin tokens from this address; try again in ${retryAfter} s.` })
    err.problem.retryAfter = retryAfter
    throw err
  }
}

export function recordFailure(client: string, now = Date.now()): void {
  const times = recent(client, now)
  times.push(now)
  failures.set(client, times)
  // Keep the map small under a flood of distinct addresses.
  if (failures.size > 10_000) failures.delete(failures.keys().next().value as string)
}
