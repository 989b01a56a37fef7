// npm run bench:http — requests per second and latency of every widget route against the
// built worker served by Miniflare with its D1 binding (not through wrangler dev, whose
// proxy caps every route; issue #7), next to /healthz, a constant answer behind the same
// middleware. Two runs per route (SVG, JSON, CSV, embed page, PNG): the same URL again and
// again (rendered output reused; PNGs from the Cache API), and a new width every request
// (each one rendered afresh; a fresh PNG is rasterised, tens of milliseconds of CPU, so it
// cannot keep up with a constant route and is shown for what it costs). Also D1 queries/s.
// 32 connections (autocannon), BENCH_SECONDS (10) per run, loopback only; BENCH_FORMATS
// picks the routes (svg,json,csv,embed,png).
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Log, LogLevel, Miniflare } from 'miniflare'
import { buildWorker, migrate, workerOptions } from './worker-build.mjs'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
// BENCH_FORMATS=svg,png runs only those routes.
const FORMATS = (process.env.BENCH_FORMATS ?? 'svg,json,csv,embed,png').split(',')
const SLUG = 'gaza-2025-05-06'
const out = mkdtempSync(join(tmpdir(), 'factbox-http-'))
buildWorker(out)

const mf = new Miniflare({
  ...workerOptions(out),
  d1Databases: { DB: 'factbox-bench' },
  bindings: { ADMIN_TOKEN: 'bench' },
  port: 0,
  host: '127.0.0.1',
  log: new Log(process.env.BENCH_DEBUG ? LogLevel.DEBUG : LogLevel.WARN),
})
const url = await mf.ready
const db = await mf.getD1Database('DB')
await migrate(db)
const base = url.origin

async function run(path, fresh) {
  let i = 0
  const result = await autocannon({
    url: base,
    connections: 32,
    duration: SECONDS,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: fresh ? `${path}${path.includes('?') ? '&' : '?'}width=${280 + (i++ % 1321)}` : path }) }],
  })
  const statuses = Object.entries(result.statusCodeStats).filter(([code]) => code !== '200').map(([code, { count }]) => `${code}×${count}`)
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.non2xx, connectionErrors: result.errors, statuses, kb: result.throughput.average / result.requests.average / 1024 }
}

const queries = async () => (await (await fetch(`${base}/healthz`)).json()).storeQueries
// Resident memory of the runtime, sampled every 5 s across the whole benchmark.
const rss = () => {
  try {
    return execFileSync('ps', ['-C', 'workerd', '-o', 'rss='], { encoding: 'utf8' }).split('\n').filter(Boolean).reduce((a, b) => a + Number(b), 0) / 1024
  } catch {
    return 0
  }
}
const memory = [rss()]
const sampler = setInterval(() => memory.push(rss()), 5000)
const constant = await run('/healthz', false)
const rows = [{ route: '/healthz (constant)', 'req/s': constant.rps.toFixed(0), 'p99 ms': constant.p99, 'non-2xx': constant.errors, 'connection errors': constant.connectionErrors }]
for (const w of ['toll-counter', 'blockade-duration', 'statement-grid']) {
  for (const ext of FORMATS) {
    const path = ext === 'embed' ? `/embed/${SLUG}/${w}` : `/widgets/${SLUG}/${w}.${ext}`
    const q0 = await queries()
    const t0 = Date.now()
    const reused = await run(path, false)
    const fresh = await run(path, true)
    const perSecond = ((await queries()) - q0) / ((Date.now() - t0) / 1000)
    rows.push({
      route: `${w}.${ext}`, 'KB per response': reused.kb.toFixed(1),
      'req/s': reused.rps.toFixed(0), 'p99 ms': reused.p99, 'non-2xx': [...reused.statuses, ...(fresh?.statuses ?? [])].join(' ') || 0,
      'connection errors': reused.connectionErrors + (fresh?.connectionErrors ?? 0),
      'reused ÷ constant': `${((reused.rps / constant.rps) * 100).toFixed(0)}%`,
      'fresh req/s': fresh ? fresh.rps.toFixed(0) : '—', 'fresh ÷ constant': fresh ? `${((fresh.rps / constant.rps) * 100).toFixed(0)}%` : '—', 'fresh p99 ms': fresh?.p99 ?? '—',
      'D1 queries/s': perSecond.toFixed(2),
    })
  }
}
console.table(rows)
clearInterval(sampler)
console.log(`workerd RSS MiB every 5 s: ${memory.map((m) => m.toFixed(0)).join(' ')}`)
await mf.dispose()
