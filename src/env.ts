import { Hono } from 'hono'

/** The worker's bindings (wrangler.toml) and secrets. */
export interface Env {
  DB: D1Database
  /** Bearer token for publishing; a Worker secret (`wrangler secret put ADMIN_TOKEN`), .dev.vars locally. */
  ADMIN_TOKEN?: string
}

export type AppEnv = { Bindings: Env }

/** A router for one area of the contract, typed with the worker's bindings. */
export function router() {
  return new Hono<AppEnv>()
}
