// Starts `wrangler dev` on a port for scripts and browser tests, unless FACTBOX_URL points
// at a server already running. Resolves when /healthz answers.
import { spawn } from 'node:child_process'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

async function healthy(base) {
  try {
    return (await fetch(`${base}/healthz`)).ok
  } catch {
    return false
  }
}

export async function startServer(port = 8787) {
  const base = process.env.FACTBOX_URL ?? `http://127.0.0.1:${port}`
  if (await healthy(base)) return { base, stop: async () => {} }
  const child = spawn('npx', ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(new URL(base).port)], { stdio: ['ignore', 'ignore', 'pipe'], detached: true })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  for (let i = 0; i < 240; i++) {
    if (await healthy(base)) return { base, stop: async () => process.kill(-child.pid, 'SIGTERM') }
    if (child.exitCode !== null) break
    await new Promise((r) => setTimeout(r, 500))
  }
  try { process.kill(-child.pid, 'SIGTERM') } catch {}
  throw new Error(`wrangler dev did not start at ${base}:\n${stderr.slice(-2000)}`)
}
