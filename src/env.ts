import { Hono } from 'hono'
import pkg from '../package.json'
import type { Editor } from './http/editor'

/** The worker's bindings (wrangler.toml) and secrets. */
export interface Env {
  DB: D1Database
  /** The owner's bootstrap token (every scope); a Worker secret (`wrangler secret put ADMIN_TOKEN`), .dev.vars locally. */
  ADMIN_TOKEN?: string
  /** Cloudflare Access (README "Editors and sign-in"): the team domain, e.g. `newsroom.cloudflareaccess.com`. Unset: Access is off. */
  ACCESS_TEAM_DOMAIN?: string
  /** The Access application's audience (AUD) tag; required once ACCESS_TEAM_DOMAIN is set. */
  ACCESS_AUD?: string
  /** Where the team's signing keys are; defaults to https://{ACCESS_TEAM_DOMAIN}/cdn-cgi/access/certs. */
  ACCESS_JWKS_URL?: string
  /** Comma-separated emails whose Access sign-in also carries `tokens:admin`. */
  OWNER_EMAILS?: string
  /** Workers Rate Limiting (wrangler.toml [[ratelimits]]): consulted only after a credential failed. Absent in a bare Miniflare (bench:http). */
  AUTH_FAILURES?: RateLimit
  /**
   * Workers KV (wrangler.toml [[kv_namespaces]]): the PNGs drawn when a version is published
   * (its cards, default PNGs and embed-code PNGs), and those a reader drew that no publish
   * drew (the bundled story's), read by isolates in every location, so that no reader of a
   * new version waits for resvg (issue #15); and the default SVG, JSON, CSV and embed page
   * of every widget of each story's latest version (src/stored-bodies.ts). Absent: those
   * PNGs are kept in the publishing location's Cache API only, and the bodies not at all.
   */
  PUBLISHED_PNGS?: KVNamespace
  /**
   * Which deploy this is (wrangler.toml [version_metadata]): names what KV keeps of this
   * code's drawing (src/stored-bodies.ts), so that a deploy never serves an older one's.
   */
  CF_VERSION_METADATA?: WorkerVersionMetadata
}

/**
 * Which code is answering: the deploy's version (CF_VERSION_METADATA), or the package's
 * when the binding is absent. Part of every widget ETag and of the keys its PNGs and bodies
 * are kept under, so a deploy never serves (or answers 304 for) what older code drew.
 */
export function codeRevision(env: Env): string {
  return env.CF_VERSION_METADATA?.id || pkg.version
}

export type AppEnv = { Bindings: Env; Variables: { editor: Editor } }

/** A router for one area of the contract, typed with the worker's bindings. */
export function router() {
  return new Hono<AppEnv>()
}
