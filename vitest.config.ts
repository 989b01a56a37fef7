import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

// Every test runs inside workerd, the runtime `wrangler dev` and the edge use, with a local
// D1 database that tests/setup.ts migrates from migrations/ before each test file.

// Cloudflare Access is on in tests, with a team whose key set this stub serves: every fetch
// the worker (or a test) makes leaves workerd through Miniflare's outboundService, this
// function, in Node. A test generates its own keys and PUTs the set to http://jwks.stub/keys
// (and a status to http://jwks.stub/status, for an outage); GET …/cdn-cgi/access/certs (any
// host) serves it, and http://jwks.stub/fetches says how often each URL was fetched.
// cloudflare:test has no fetchMock in plugin 1.4.10.
const ACCESS_TEAM_DOMAIN = 'factbox-test.cloudflareaccess.com'
let keySet = '{"keys":[]}'
let keySetStatus = 200
const fetches: Record<string, number> = {}
async function accessStub(request: Request): Promise<Response> {
  const url = new URL(request.url)
  if (url.host === 'jwks.stub' && url.pathname === '/keys' && request.method === 'PUT') {
    keySet = await request.text()
    return new Response(null, { status: 204 })
  }
  if (url.host === 'jwks.stub' && url.pathname === '/status' && request.method === 'PUT') {
    keySetStatus = Number(await request.text())
    return new Response(null, { status: 204 })
  }
  if (url.host === 'jwks.stub' && url.pathname === '/fetches') return Response.json(fetches)
  if (url.pathname.endsWith('/cdn-cgi/access/certs') && request.method === 'GET') {
    fetches[url.href] = (fetches[url.href] ?? 0) + 1
    return new Response(keySet, { status: keySetStatus, headers: { 'Content-Type': 'application/json' } })
  }
  return new Response(`tests have no network: ${request.method} ${request.url}`, { status: 502 })
}

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          ADMIN_TOKEN: 'test-admin-token',
          ACCESS_TEAM_DOMAIN,
          ACCESS_AUD: 'test-application-aud',
          OWNER_EMAILS: 'Owner@Newsroom.test, second-owner@newsroom.test',
          TEST_MIGRATIONS: await readD1Migrations('./migrations'),
        },
        outboundService: accessStub,
        // A second database that tests/routes/upgrade.test.ts builds with the first release's
        // migration only, then upgrades (DB is wrangler.toml's, named again beside it).
        d1Databases: { DB: '00000000-0000-0000-0000-000000000000', UPGRADE_DB: 'factbox-upgrade-test' },
      },
    }),
  ],
  test: {
    // Rasterising in workerd takes seconds on a loaded two-core machine; no test is timed.
    testTimeout: 20_000,
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    setupFiles: ['./tests/setup.ts'],
    globalSetup: ['./tests/global-setup.ts'],
  },
}))
