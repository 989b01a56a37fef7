// Starts the worker with wrangler's own API for scripts and browser tests: on a free port,
// from this checkout's code, with a fresh local D1 database of its own (what `npm start`
// has published stays out of tests), and stopped with the runtime it started. A server
// found already running is never reused, unless FACTBOX_URL names it on purpose.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unstable_startWorker } from 'wrangler'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

/** `vars`: extra plain-text variables for the worker, e.g. the Access settings in a browser test. */
export async function startServer({ vars = {} } = {}) {
  if (process.env.FACTBOX_URL) return { base: process.env.FACTBOX_URL.replace(/\/$/, ''), stop: async () => {} }
  const persist = mkdtempSync(join(tmpdir(), 'factbox-'))
  execFileSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist], { stdio: 'ignore' })
  const worker = await unstable_startWorker({
    config: 'wrangler.toml',
    bindings: Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, { type: 'plain_text', value }])),
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, logLevel: 'warn', persist },
  })
  const url = await worker.url
  return {
    base: url.origin,
    stop: async () => {
      await worker.dispose()
      rmSync(persist, { recursive: true, force: true })
    },
  }
}
