// npm run soak — issue #6's load test: SOAK_SECONDS (60) of mixed traffic over every
// route from SOAK_CONNECTIONS (64) concurrent clients against the worker run locally by
// wrangler (a fresh database of its own), with a publish every two seconds. Every response
// is checked (status, type, body); afterwards every version must be there, 1..n without a
// gap, holding what was published; workerd's resident memory is sampled throughout.
// Traffic goes to 127.0.0.1 only. Exits 1 on any error or lost version.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { startServer } from './dev-server.mjs'

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60)
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 64)
const SLUG = 'gaza-2025-05-06'
const TOKEN = /ADMIN_TOKEN=(\S+)/.exec(readFileSync('.dev.vars', 'utf8'))[1]
const widgets = ['toll-counter', 'blockade-duration', 'statement-grid']
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)]

// SOAK_ONLY (a regular expression) keeps the mix to matching paths, to find what costs.
const only = process.env.SOAK_ONLY ? new RegExp(process.env.SOAK_ONLY) : undefined

// Each request: a path and what a correct answer looks like.
function nextRequest() {
  for (;;) {
    const r = anyRequest()
    if (!only || only.test(r.path)) return r
  }
}

function anyRequest() {
  const w = pick(widgets)
  const locale = pick(['en', 'ar', 'he', 'fr'])
  const theme = pick(['light', 'dark', 'auto'])
  const width = pick([320, 640, 1200])
  const q = `locale=${locale}&theme=${theme}&width=${width}`
  return pick([
    { path: `/widgets/${SLUG}/${w}.svg?${q}`, type: 'image/svg+xml', check: (b) => b.startsWith('<?xml') && b.includes('</svg>') },
    { path: `/widgets/${SLUG}/${w}.json?${q}`, type: 'application/json', check: (b) => JSON.parse(b).story === SLUG },
    { path: `/widgets/${SLUG}/${w}.csv?${q}`, type: 'text/csv', check: (b) => b.startsWith('id,') },
    { path: `/widgets/${SLUG}/${w}.png?locale=${locale}&width=${pick([320, 640])}`, type: 'image/png', binary: true },
    { path: `/embed/${SLUG}/${w}?${q}`, type: 'text/html', check: (b) => b.includes('id="factbox-widget"') },
    { path: `/oembed?url=${encodeURIComponent(`http://127.0.0.1/embed/${SLUG}/${w}`)}`, status: [200, 404], type: 'application/' },
    { path: `/api/stories/${SLUG}`, type: 'application/json', check: (b) => JSON.parse(b).slug === SLUG },
    { path: `/api/stories/${SLUG}/versions`, type: 'application/json', check: (b) => Array.isArray(JSON.parse(b)) },
    { path: `/api/stories/${SLUG}/figures/killed-gaza/history`, type: 'application/json', check: (b) => JSON.parse(b).length > 0 },
    { path: `/?widget=${w}&locale=${locale}`, type: 'text/html', check: (b) => b.includes('<form id="options"') },
    { path: `/widgets/${SLUG}/${w}.svg?width=5`, status: [400], type: 'application/problem+json' },
    { path: `/widgets/nope/${w}.svg`, status: [404], type: 'application/problem+json' },
    { path: '/healthz', type: 'application/json' },
  ])
}

function workerdRssKiB() {
  try {
    const out = execFileSync('ps', ['-C', 'workerd', '-o', 'rss='], { encoding: 'utf8' })
    return out.split('\n').filter(Boolean).reduce((a, b) => a + Number(b), 0)
  } catch {
    return 0
  }
}

const server = await startServer()
const base = server.base
const stats = { requests: 0, errors: [], statuses: {}, latencies: [], published: [], publishRefused: 0 }
const deadline = Date.now() + SECONDS * 1000

async function client() {
  while (Date.now() < deadline) {
    const r = nextRequest()
    const t = performance.now()
    try {
      const res = await fetch(base + r.path)
      const body = r.binary ? new Uint8Array(await res.arrayBuffer()) : await res.text()
      stats.latencies.push(performance.now() - t)
      stats.requests++
      stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1
      const okStatus = (r.status ?? [200]).includes(res.status)
      const okType = (res.headers.get('Content-Type') ?? '').startsWith(r.status && res.status >= 400 ? 'application/problem+json' : r.type)
      const okBody = res.status >= 400 || (r.binary ? body[0] === 0x89 && body[1] === 0x50 : !r.check || r.check(body))
      if (!okStatus || !okType || !okBody) stats.errors.push(`${res.status} ${r.path} ${okType ? '' : res.headers.get('Content-Type')}`)
    } catch (err) {
      stats.errors.push(`${r.path}: ${err.message}`)
    }
  }
}

async function publisher() {
  let value = 60000
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2000))
    const live = await fetch(`${base}/api/stories/${SLUG}`, { cache: 'no-store' })
    const story = await live.json()
    story.figures[0].value = ++value
    const res = await fetch(`${base}/api/stories/${SLUG}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TOKEN}`, 'If-Match': live.headers.get('ETag'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...story, note: `Soak ${value}` }),
    })
    if (res.ok) stats.published.push({ version: (await res.json()).version, value })
    else if (res.status === 412) stats.publishRefused++
    else stats.errors.push(`PUT ${res.status}`)
  }
}

const memory = [workerdRssKiB()]
const sampler = setInterval(() => memory.push(workerdRssKiB()), 5000)
const started = Date.now()
try {
  await Promise.all([...Array.from({ length: CONNECTIONS }, client), publisher()])
  clearInterval(sampler)
  memory.push(workerdRssKiB())

  // No version lost: 1..n without a gap, each holding what was published.
  const versions = await (await fetch(`${base}/api/stories/${SLUG}/versions`)).json()
  const numbers = versions.map((v) => v.version).reverse()
  const contiguous = numbers.every((n, i) => n === i + 1)
  let intact = true
  for (const p of stats.published) {
    const stored = await (await fetch(`${base}/api/stories/${SLUG}/versions/${p.version}`)).json()
    if (stored.figures[0].value !== p.value) intact = false
  }
  const seconds = (Date.now() - started) / 1000
  const lat = stats.latencies.sort((a, b) => a - b)
  const at = (q) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))]?.toFixed(1)
  console.table({
    seconds: seconds.toFixed(0),
    connections: CONNECTIONS,
    requests: stats.requests,
    'requests/s': (stats.requests / seconds).toFixed(0),
    'p50 ms': at(0.5),
    'p99 ms': at(0.99),
    statuses: JSON.stringify(stats.statuses),
    errors: stats.errors.length,
    publishes: stats.published.length,
    'publishes refused (412)': stats.publishRefused,
    versions: numbers.length,
    'versions 1..n, no gap': contiguous,
    'versions hold what was published': intact,
    'workerd RSS MiB (start → end)': `${(memory[0] / 1024).toFixed(0)} → ${(memory[memory.length - 1] / 1024).toFixed(0)}`,
    'workerd RSS MiB (samples)': memory.map((m) => (m / 1024).toFixed(0)).join(' '),
  })
  for (const e of stats.errors.slice(0, 10)) console.error('error:', e)
  if (stats.errors.length || !contiguous || !intact || numbers.length !== stats.published.length + 1) process.exitCode = 1
} finally {
  await server.stop()
}
