import { applyD1Migrations, env } from 'cloudflare:test'

declare module 'cloudflare:test' {
  interface ProvidedEnv {
    DB: D1Database
    ADMIN_TOKEN: string
    TEST_MIGRATIONS: D1Migration[]
  }
}

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
