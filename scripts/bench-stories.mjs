// npm run bench:stories — factbox with 10,000 stories in D1 (issue #11, "Scale"), served by
// the built worker in Miniflare as npm run bench:http serves it (issue #7).
//
// Seeding: the first few stories are created through POST /api/stories; the worker's own
// stored rows (story, version 1, source text) then are the template every other story is
// written from, straight into D1 in SQL batches. Each story differs from the template in
// its slug, headline and one figure, whose value is written in its excerpt and in its own
// article text (so each story has its own source text, as each article would). The rows
// the generator writes for the POST-created stories must equal the worker's, byte for byte,
// and a sample of the bulk-written stories is served through every widget.
//
// Then, in one run:
//  1. Listing: GET /api/stories?limit=50 walked to the last page through Link rel="next",
//     then pages 1, 20, 100 and the last timed again (medians), and searches (q=).
//  2. Throughput against /healthz (autocannon, 32 connections, BENCH_SECONDS per run, as
//     bench:http) of each widget's SVG: "reused", a fixed pool of BENCH_POOL (200) random
//     stories' URLs asked again and again; the pool's stories at a new width every request
//     (issue #7's "fresh": laid out anew, the story already in the isolate); and "fresh"
//     over all stories, every request a story and width not asked before (most stories not
//     in the isolate: read from D1 and parsed). The one story of bench:http for comparison.
//  3. D1 queries per second of the isolate (the worker's /healthz counter) in each run.
//  4. Memory: a long run over every story, widget and format (BENCH_LONG_SECONDS), with the
//     workerd processes' resident memory and the isolate's JS heap after a forced GC (over
//     the V8 inspector) sampled every 5 s.
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Log, LogLevel, Miniflare } from 'miniflare'
import { buildWorker, migrate, workerOptions } from './worker-build.mjs'
// ws comes with miniflare (Node 20 has no WebSocket client of its own).
import WebSocket from 'ws'

const STORIES = Number(process.env.BENCH_STORIES ?? 10_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const LONG_SECONDS = Number(process.env.BENCH_LONG_SECONDS ?? 60)
const POOL = Number(process.env.BENCH_POOL ?? 200)
const CONNECTIONS = 32
const VIA_POST = 5
const TOKEN = 'bench'
const WIDGETS = ['toll-counter', 'blockade-duration', 'statement-grid']
// BENCH_PROFILE=dir writes a V8 CPU profile of the worker for each throughput run to dir
// (open in Chrome DevTools); the inspector it needs is otherwise only on for the memory run.
const PROFILE = process.env.BENCH_PROFILE
const INSPECTOR_PORT = 9229 + (process.pid % 500)

const out = mkdtempSync(join(tmpdir(), 'factbox-stories-'))
buildWorker(join(out, 'build'))

// D1 is kept on disk, so that the runtime's memory is the worker's and not the database's,
// and so that the memory run's instance (with an inspector) reads the same seeded stories.
function miniflare(inspectorPort) {
  return new Miniflare({
    ...workerOptions(join(out, 'build')),
    d1Databases: { DB: 'factbox-stories-bench' },
    d1Persist: join(out, 'd1'),
    bindings: { ADMIN_TOKEN: TOKEN },
    port: 0,
    host: '127.0.0.1',
    ...(inspectorPort === undefined ? {} : { inspectorPort }),
    log: new Log(process.env.BENCH_DEBUG ? LogLevel.DEBUG : LogLevel.WARN),
  })
}

/** The V8 inspector of the worker's isolate: `cdp(method, params)` sends one command. */
async function inspect(mf) {
  const inspector = await mf.getInspectorURL()
  const targets = await (await fetch(`http://${inspector.host}/json`)).json()
  const target = targets.find((t) => t.id === 'core:user:') ?? targets[0]
  const ws = new WebSocket(target.webSocketDebuggerUrl)
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  let messageId = 0
  const cdp = (method, params = {}) =>
    new Promise((resolve) => {
      const id = ++messageId
      const onMessage = (data) => {
        const message = JSON.parse(String(data))
        if (message.id !== id) return
        ws.off('message', onMessage)
        resolve(message.result)
      }
      ws.on('message', onMessage)
      ws.send(JSON.stringify({ id, method, params }))
    })
  return { cdp, close: () => ws.close() }
}

let mf = miniflare(PROFILE ? INSPECTOR_PORT : undefined)
let base = (await mf.ready).origin
let profiler = PROFILE ? await inspect(mf) : undefined
if (PROFILE) mkdirSync(PROFILE, { recursive: true })
if (profiler) await profiler.cdp('Profiler.enable')
const db = await mf.getD1Database('DB')

await migrate(db)

// ---------------------------------------------------------------------------------------
// The stories

const fixture = JSON.parse(readFileSync('tests/fixtures/stories/port-strike.json', 'utf8'))
const PLACES = ['Hallsford', 'Cardle', 'Wexham', 'Brannock', 'Ostry', 'Kelmouth', 'Dunmere', 'Tarrow', 'Faxby', 'Lindport', 'Ravensholm', 'Quayle', 'Stennis', 'Marrow', 'Elderby', 'Pennick', 'Gorsey', 'Holloway', 'Skerrin', 'Vantry']
const TEMPLATE_FIGURE = 'About 5,400'
const variant = (i) => {
  const place = PLACES[i % PLACES.length]
  const value = 1000 + i
  return {
    slug: `${place.toLowerCase()}-port-strike-${i + 1}`,
    headline: `${place} port strike: talks collapse as the walkout enters its third week (story ${i + 1})`,
    value,
    words: `About ${value.toLocaleString('en-GB')}`,
  }
}

/** A copy of `dataset` as story i: its own slug, headline and figure value; returns the figure. */
function vary(dataset, v) {
  dataset.slug = v.slug
  dataset.headline.en = v.headline
  const figure = dataset.figures.find((f) => f.id === 'strikers-union')
  figure.value = v.value
  return figure
}

/** Story i as POST /api/stories takes it: the fixture with its own slug, headline, figure and text. */
function postBody(i) {
  const v = variant(i)
  const story = structuredClone(fixture)
  const figure = vary(story, v)
  figure.excerpt = figure.excerpt.replace(TEMPLATE_FIGURE, v.words)
  story.sources[0].text = story.sources[0].text.replace(TEMPLATE_FIGURE, v.words)
  return { ...story, note: 'First version (bench:stories)', author: 'bench' }
}

for (let i = 0; i < VIA_POST; i++) {
  const res = await fetch(`${base}/api/stories`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(postBody(i)) })
  if (res.status !== 201) throw new Error(`POST /api/stories for story ${i}: ${res.status} ${await res.text()}`)
}

const rowsOf = async (slug) => ({
  story: await db.prepare('SELECT slug, created_at, created_by FROM stories WHERE slug = ?1').bind(slug).first(),
  version: await db.prepare('SELECT * FROM story_versions WHERE slug = ?1').bind(slug).first(),
})
const template = await rowsOf(variant(0).slug)
const templateDataset = JSON.parse(template.version.dataset)
const sha256 = (text) => createHash('sha256').update(text).digest('hex')

/** The rows the worker would store for story i, written from the worker's rows of story 0. */
function storedRows(i, createdAt) {
  const v = variant(i)
  const body = postBody(i)
  const dataset = structuredClone(templateDataset)
  vary(dataset, v).excerpt = body.figures.find((f) => f.id === 'strikers-union').excerpt
  const text = body.sources[0].text
  dataset.sources[0].digest = sha256(text)
  return {
    story: { slug: v.slug, created_at: createdAt, created_by: template.story.created_by },
    version: { ...template.version, slug: v.slug, published_at: createdAt, dataset: JSON.stringify(dataset), headline: v.headline },
    text: { digest: dataset.sources[0].digest, text },
  }
}

// The generator writes what the worker writes: for every story created through POST, its
// rows (and its source text under its digest) are the generator's, apart from the clock.
for (let i = 0; i < VIA_POST; i++) {
  const worker = await rowsOf(variant(i).slug)
  const made = storedRows(i, worker.story.created_at)
  const kept = await db.prepare('SELECT text FROM source_texts WHERE digest = ?1').bind(made.text.digest).first()
  if (JSON.stringify(worker) !== JSON.stringify({ story: made.story, version: made.version }) || kept?.text !== made.text.text) {
    throw new Error(`the generated rows of story ${i} differ from what POST /api/stories stored`)
  }
}

// The rest, 100 stories at a time: one INSERT per table, reading its rows from one bound
// JSON array (each statement sent through Miniflare's proxy costs round trips, and D1
// refuses statements over 100 KB).
const fromJson = (table, columns) =>
  `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.map((c) => `json_extract(value, '$.${c}')`).join(', ')} FROM json_each(?1)`
const seedStart = Date.now()
const firstCreated = Date.parse('2026-01-01T00:00:00Z')
for (let from = VIA_POST; from < STORIES; from += 100) {
  const made = []
  for (let i = from; i < Math.min(from + 100, STORIES); i++) made.push(storedRows(i, new Date(firstCreated + i * 60_000).toISOString()))
  await db.batch([
    db.prepare(fromJson('stories', ['slug', 'created_at', 'created_by'])).bind(JSON.stringify(made.map((m) => m.story))),
    db.prepare(fromJson('source_texts', ['digest', 'text'])).bind(JSON.stringify(made.map((m) => m.text))),
    db.prepare(fromJson('story_versions', Object.keys(template.version))).bind(JSON.stringify(made.map((m) => m.version))),
  ])
}
const seedSeconds = (Date.now() - seedStart) / 1000
const counted = await db.prepare('SELECT (SELECT COUNT(*) FROM stories) AS stories, (SELECT COUNT(*) FROM story_versions) AS versions, (SELECT COUNT(*) FROM source_texts) AS texts').first()
console.log(`seeded ${counted.stories} stories (${VIA_POST} through POST /api/stories), ${counted.versions} versions, ${counted.texts} source texts in ${seedSeconds.toFixed(1)} s`)

// A random sample of bulk-written stories serves every widget and format, so their stored
// shape is one the worker reads (a stored version that does not validate is a 500).
let seed = 20261124
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
for (let k = 0; k < 20; k++) {
  const i = VIA_POST + Math.floor(random() * (STORIES - VIA_POST))
  for (const path of [...WIDGETS.flatMap((w) => ['svg', 'json', 'csv'].map((f) => `/widgets/${variant(i).slug}/${w}.${f}`)), `/embed/${variant(i).slug}/toll-counter`, `/api/stories/${variant(i).slug}/sources/article`]) {
    const res = await fetch(`${base}${path}`)
    const body = await res.text()
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`)
    if (path.endsWith('toll-counter.json') && !body.includes(`"value":${variant(i).value}`)) throw new Error(`${path} does not carry story ${i}'s own figure`)
  }
}

// ---------------------------------------------------------------------------------------
// 1. Listing

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
async function timedGet(path) {
  const t0 = performance.now()
  const res = await fetch(`${base}${path}`)
  const body = await res.json()
  const ms = performance.now() - t0
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`)
  const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('Link') ?? '')?.[1]
  return { ms, next, count: body.length, first: body[0]?.slug }
}

const pages = []
let walkedSlugs = 0
for (let path = '/api/stories?limit=50'; path; ) {
  const page = await timedGet(path)
  pages.push({ path, ms: page.ms })
  walkedSlugs += page.count
  path = page.next
}
if (walkedSlugs !== STORIES + 1) throw new Error(`walking the listing gave ${walkedSlugs} stories, not ${STORIES + 1} (with the bundled one)`)
const REPEATS = 15
const listingRows = []
const timedPages = [1, 20, 100].filter((n) => n < pages.length).map((n) => [`page ${n}`, n])
for (const [label, n] of [...timedPages, [`page ${pages.length} (last)`, pages.length]]) {
  const times = []
  for (let r = 0; r < REPEATS; r++) times.push((await timedGet(pages[n - 1].path)).ms)
  listingRows.push({ request: `GET /api/stories?limit=50, ${label}`, 'median ms': median(times).toFixed(1), 'walk ms': pages[n - 1].ms.toFixed(1) })
}
for (const [label, q] of [['q= matching 1 story in 20, page 1', 'Brannock'], ['q= matching 1 story, page 1', `(story ${Math.floor(STORIES / 2)})`], ['q= matching none', 'Atlantis']]) {
  const times = []
  for (let r = 0; r < REPEATS; r++) times.push((await timedGet(`/api/stories?limit=50&q=${encodeURIComponent(q)}`)).ms)
  listingRows.push({ request: `GET /api/stories?limit=50&q=${q}, ${label}`, 'median ms': median(times).toFixed(1), 'walk ms': '' })
}
const walkTimes = pages.map((p) => p.ms)
console.log(`\n1. Listing (${pages.length} pages of 50; medians of ${REPEATS}; walking every page: median ${median(walkTimes).toFixed(1)} ms, slowest ${Math.max(...walkTimes).toFixed(1)} ms)`)
console.table(listingRows)

// ---------------------------------------------------------------------------------------
// 2 and 3. Throughput and D1 queries

const order = Array.from({ length: STORIES }, (_, i) => i)
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1))
  ;[order[i], order[j]] = [order[j], order[i]]
}
const pool = order.slice(0, POOL)
const queries = async () => (await (await fetch(`${base}/healthz`)).json()).storeQueries

/** This benchmark's own workerd processes (other processes on the machine may run workerd too). */
const workerdPids = () => {
  try {
    return execFileSync('ps', ['--ppid', String(process.pid), '-o', 'pid=,comm='], { encoding: 'utf8' }).split('\n').filter((l) => /workerd/.test(l)).map((l) => l.trim().split(/\s+/)[0])
  } catch {
    return []
  }
}
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
/** CPU seconds workerd has used (the worker's isolate and D1, which runs in the same process). */
const workerdCpu = () =>
  workerdPids().reduce((sum, pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
      return sum + (Number(fields[11]) + Number(fields[12])) / TICKS
    } catch {
      return sum
    }
  }, 0)

/** Runs autocannon for `seconds` on the paths `pathAt(n)` gives for the n-th request, counting the isolate's D1 queries and workerd's CPU. */
async function run(pathAt, seconds) {
  let n = 0
  const q0 = await queries()
  const cpu0 = workerdCpu()
  const t0 = Date.now()
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathAt(n++) }) }],
  })
  const elapsed = (Date.now() - t0) / 1000
  const cpu = workerdCpu() - cpu0
  const statuses = Object.entries(result.statusCodeStats).filter(([code]) => code !== '200').map(([code, { count }]) => `${code}×${count}`)
  return { total: result.requests.total, elapsed, cpu, p99: result.latency.p99, queries: (await queries()) - q0, statuses, connectionErrors: result.errors }
}

// The machine is shared and its load moves within seconds, so each route is measured in
// SLICES slices of SECONDS / SLICES, each after a slice of /healthz, and its rate is
// compared with the /healthz slices around it: a ratio in one run, the load alike for both.
const SLICES = 5
async function paired(label, pathAt) {
  let n = 0
  const route = { total: 0, elapsed: 0, cpu: 0, queries: 0, p99: [], statuses: [], connectionErrors: 0 }
  const constant = { total: 0, elapsed: 0, cpu: 0, p99: [] }
  if (profiler) await profiler.cdp('Profiler.start')
  for (let slice = 0; slice < SLICES; slice++) {
    const c = await run(() => '/healthz', SECONDS / SLICES)
    constant.total += c.total
    constant.elapsed += c.elapsed
    constant.cpu += c.cpu
    constant.p99.push(c.p99)
    const r = await run(() => pathAt(n++), SECONDS / SLICES)
    for (const key of ['total', 'elapsed', 'cpu', 'queries', 'connectionErrors']) route[key] += r[key]
    route.p99.push(r.p99)
    route.statuses.push(...r.statuses)
  }
  if (profiler) writeFileSync(join(PROFILE, `${label.replace(/[^a-z0-9,.]+/gi, '-')}.cpuprofile`), JSON.stringify((await profiler.cdp('Profiler.stop')).profile))
  const rps = route.total / route.elapsed
  const constantRps = constant.total / constant.elapsed
  return { rps, constantRps, ratio: rps / constantRps, cpuPerRequest: route.cpu / route.total, constantCpuPerRequest: constant.cpu / constant.total, p99: median(route.p99), constantP99: median(constant.p99), perSecond: route.queries / route.elapsed, perRequest: route.queries / route.total, statuses: route.statuses, connectionErrors: route.connectionErrors }
}

const many = `${STORIES.toLocaleString('en-GB')} stories`
const poolSlug = (n) => variant(pool[n % POOL]).slug
const spreadSlug = (n) => variant(order[n % STORIES]).slug
const groups = [
  { widget: 'toll-counter', runs: [
    ['one story (bench:http’s), the same URL', () => '/widgets/gaza-2025-05-06/toll-counter.svg'],
    ['one story, a new width every request', (n) => `/widgets/gaza-2025-05-06/toll-counter.svg?width=${280 + (n % 1321)}`],
  ] },
  ...WIDGETS.map((widget) => ({ widget, runs: [
    [`reused: ${POOL} of the ${many}, asked again and again`, (n) => `/widgets/${poolSlug(n)}/${widget}.svg`, 'warm'],
    [`${POOL} of the ${many}, a new width every request`, (n) => `/widgets/${poolSlug(n)}/${widget}.svg?width=${281 + Math.floor(n / POOL)}`],
    [`fresh: every request a story and width not asked before, over all ${many}`, (n) => `/widgets/${spreadSlug(n)}/${widget}.svg?width=${280 + Math.floor(n / STORIES)}`],
  ] })),
]
const throughput = []
for (const { widget, runs } of groups) {
  for (const [label, pathAt, warm] of runs) {
    // Reused: each of the pool's URLs asked once first, so the run measures the repeats.
    if (warm) for (let n = 0; n < POOL; n++) await (await fetch(`${base}${pathAt(n)}`)).arrayBuffer()
    const r = await paired(`${widget} ${label}`, pathAt)
    throughput.push({
      route: `${widget}.svg`, run: label, 'req/s': r.rps.toFixed(0), '/healthz req/s': r.constantRps.toFixed(0), '÷ /healthz': `${(r.ratio * 100).toFixed(0)}%`,
      'p99 ms (/healthz)': `${r.p99} (${r.constantP99})`,
      'workerd CPU µs per request (/healthz)': `${(r.cpuPerRequest * 1e6).toFixed(0)} (${(r.constantCpuPerRequest * 1e6).toFixed(0)})`, 'D1 queries/s': r.perSecond.toFixed(1), 'D1 per request': r.perRequest.toFixed(3),
      'non-2xx': [...r.statuses, ...(r.connectionErrors ? [`${r.connectionErrors} connection errors`] : [])].join(' ') || 0,
    })
  }
}
console.log(`\n2, 3. Throughput against /healthz (${CONNECTIONS} connections; each route ${SECONDS} s in ${SLICES} slices, each after a slice of /healthz; p99: median of the slices), the CPU workerd spent per request (the isolate and D1), and the isolate's D1 queries`)
console.table(throughput)

// ---------------------------------------------------------------------------------------
// 4. Memory over a long run across every story, widget and format

profiler?.close()
profiler = undefined
await mf.dispose()
mf = miniflare(INSPECTOR_PORT)
base = (await mf.ready).origin
const { cdp, close } = await inspect(mf)
// A forced GC is carried out when the isolate next runs, so a request goes with it.
await cdp('HeapProfiler.enable')
const heap = async () => {
  await Promise.all([cdp('HeapProfiler.collectGarbage'), fetch(`${base}/healthz`).then((r) => r.arrayBuffer())])
  return (await cdp('Runtime.getHeapUsage')).usedSize / 2 ** 20
}
// workerd's resident memory: anonymous (the worker's and D1's heaps, the runtime) and file pages
// (the binary, SQLite's database file), in MiB.
const rss = () => {
  const sum = { anon: 0, file: 0 }
  for (const pid of workerdPids()) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      sum.anon += Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
      sum.file += Number(/RssFile:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
    } catch {
      // The process ended between ps and here.
    }
  }
  return sum
}
// First /healthz alone for a third of the time, a route that keeps nothing of factbox's (the
// runtime's own memory grows under load, README "Robustness"), then every story.
const samples = [{ at: 0, phase: 'start', rss: rss(), heap: await heap() }]
const longStart = Date.now()
let phase = '/healthz'
let sampling = Promise.resolve()
const sampler = setInterval(() => {
  sampling = sampling.then(async () => samples.push({ at: (Date.now() - longStart) / 1000, phase, rss: rss(), heap: await heap() }))
}, 5000)
const FORMATS = ['svg', 'json', 'csv', 'embed']
const constantPart = await run(() => '/healthz', Math.round(LONG_SECONDS / 3))
phase = 'stories'
const long = await run((n) => {
  const slug = variant(order[n % STORIES]).slug
  const widget = WIDGETS[n % 3]
  const format = FORMATS[Math.floor(n / 3) % 4]
  const width = 280 + Math.floor(n / STORIES)
  return format === 'embed' ? `/embed/${slug}/${widget}?width=${width}` : `/widgets/${slug}/${widget}.${format}?width=${width}`
}, LONG_SECONDS)
clearInterval(sampler)
await sampling
samples.push({ at: (Date.now() - longStart) / 1000, phase: 'end', rss: rss(), heap: await heap() })
close()
console.log(`\n4. Memory: /healthz for ${Math.round(LONG_SECONDS / 3)} s (${(constantPart.total / constantPart.elapsed).toFixed(0)} req/s), then ${LONG_SECONDS} s over every story, widget and format (${long.total.toLocaleString('en-GB')} requests, ${(long.total / long.elapsed).toFixed(0)} req/s, ${(long.queries / long.elapsed).toFixed(0)} D1 queries/s, non-2xx: ${long.statuses.join(' ') || 0})`)
const row = (name, f) => `  ${name.padEnd(9)}${samples.map((x) => f(x).padStart(7)).join(' ')}`
console.log(row('s', (x) => x.at.toFixed(0)))
console.log(row('serving', (x) => (x.phase === '/healthz' ? 'healthz' : x.phase)))
console.log(`${row('anon MiB', (x) => x.rss.anon.toFixed(0))}   workerd's resident anonymous memory (the worker's isolate, D1, the runtime)`)
console.log(`${row('file MiB', (x) => x.rss.file.toFixed(0))}   workerd's resident file pages (the binary, the SQLite file)`)
console.log(`${row('heap MiB', (x) => x.heap.toFixed(1))}   the isolate's JS heap after a full GC`)

await mf.dispose()
rmSync(out, { recursive: true, force: true })
