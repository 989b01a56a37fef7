import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

// Every test runs inside workerd, the runtime `wrangler dev` and the edge use, with a local
// D1 database that tests/setup.ts migrates from migrations/ before each test file.
export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: { ADMIN_TOKEN: 'test-admin-token', TEST_MIGRATIONS: await readD1Migrations('./migrations') },
      },
    }),
  ],
  test: { include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], setupFiles: ['./tests/setup.ts'], globalSetup: ['./tests/extract/global-setup.ts'] },
}))
