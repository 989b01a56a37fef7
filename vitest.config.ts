import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

// Every test runs inside workerd, the runtime `wrangler dev` and the edge use.
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
  test: { include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'] },
})
