// Starts the worker with wrangler's own API for scripts and browser tests: on a free port,
// from this checkout's code, and stopped with the runtime it started. A server found
// already running is never reused (it may be serving other code), unless FACTBOX_URL
// names it on purpose.
import { unstable_startWorker } from 'wrangler'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export async function startServer() {
  if (process.env.FACTBOX_URL) return { base: process.env.FACTBOX_URL.replace(/\/$/, ''), stop: async () => {} }
  const worker = await unstable_startWorker({
    config: 'wrangler.toml',
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, logLevel: 'warn' },
  })
  const url = await worker.url
  return { base: url.origin, stop: () => worker.dispose() }
}
