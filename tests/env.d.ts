declare module '*?raw' {
  const text: string
  export default text
}

// Bindings the tests see: wrangler.toml's, plus what vitest.config.ts adds.
declare namespace Cloudflare {
  interface Env {
    DB: D1Database
    UPGRADE_DB: D1Database
    ADMIN_TOKEN: string
    ACCESS_TEAM_DOMAIN: string
    ACCESS_AUD: string
    OWNER_EMAILS: string
    AUTH_FAILURES: RateLimit
    PUBLISHED_PNGS: KVNamespace
    CF_VERSION_METADATA: WorkerVersionMetadata
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
  }
}
