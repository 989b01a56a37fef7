// npm run bench:cold — what the first reader in a quiet edge location waits for (issue #15).
// Every sample is the first request to a NEW isolate: a fresh Miniflare instance (its own
// workerd process) running the built worker, with D1 migrated and nothing cached, asked
// for one URL. Medians of RUNS (≥ 5) samples, side by side with /healthz's first response,
// a constant route behind the same middleware; compare the ratios, not the milliseconds.
//
// Two stories: the bundled one (D1 empty, so it is read from the worker's own file) and the
// port strike of the tests, created through POST /api/stories, which only D1 holds; its
// publish drew the cards and default PNGs into KV, as on the edge. The bundled story's were
// drawn once by a reader elsewhere, which writes them to KV too. After each widget's first
// PNG the same isolate is asked for a PNG at a width not drawn yet.
//
// BASELINE=<directory> builds that checkout too (e.g. `git archive <commit> | tar -x -C dir`,
// with node_modules linked in) and takes its samples in turn with this one's: before and
// after in one run, each against its own /healthz.
//
// PROFILE=<url path> instead writes a CPU profile of that path's first request, taken with
// workerd's own inspector (V8's profiler, through the DevTools protocol), and prints where
// the time went.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Log, LogLevel, Miniflare } from 'miniflare'
import { buildWorker, migrate, workerOptions } from './worker-build.mjs'

const RUNS = Math.max(5, Number(process.env.RUNS ?? 5))
const BUNDLED_SLUG = 'gaza-2025-05-06'
const D1_SLUG = 'port-strike-2026-03-12'
const WIDGETS = ['toll-counter', 'blockade-duration', 'statement-grid']
const TOKEN = 'bench-cold'
const PORT = Number(process.env.BENCH_PORT ?? 8797)
const work = mkdtempSync(join(tmpdir(), 'factbox-cold-'))
// A profile is taken of the unminified bundle, whose comments name each source module.
function build(checkout, name) {
  const dir = join(work, name)
  buildWorker(dir, { cwd: checkout, minify: !process.env.PROFILE })
  return dir
}
const builds = { this: build(process.cwd(), 'dist') }
if (process.env.BASELINE) builds.baseline = build(process.env.BASELINE, 'dist-baseline')
const out = builds.this

function miniflare(persist, extra = {}, dist = out) {
  return new Miniflare({
    name: 'factbox',
    ...workerOptions(dist),
    d1Databases: { DB: 'factbox-cold' },
    d1Persist: persist,
    kvNamespaces: ['PUBLISHED_PNGS'],
    kvPersist: persist,
    // One deploy: every instance is the same version of the worker, as every isolate of a
    // deploy is, so what one stored in KV is another's to read.
    bindings: { ADMIN_TOKEN: TOKEN, CF_VERSION_METADATA: { id: `bench-cold-${dist}`, tag: '', timestamp: '2026-12-01T00:00:00.000Z' } },
    // The placeholder request.cf object: the real one would be fetched from the network.
    cf: false,
    // One origin for every instance (one runs at a time), as a deploy has one: embed pages
    // link to the origin they are served from.
    port: PORT,
    host: '127.0.0.1',
    log: new Log(process.env.BENCH_DEBUG ? LogLevel.DEBUG : LogLevel.WARN),
    ...extra,
  })
}

// Two D1 databases on disk, made once: migrated and empty, and migrated with a story
// created through POST /api/stories (the port strike of the tests, which only D1 holds).
// Each sample works on its own copy.
async function kvHolds(mf, count) {
  const kv = await mf.getKVNamespace('PUBLISHED_PNGS')
  for (let waited = 0; (await kv.list()).keys.length < count; waited += 100) {
    if (waited > 60_000) throw new Error(`KV did not come to hold ${count} PNGs`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function prepare(name, publish) {
  const dir = join(work, name)
  const mf = miniflare(dir)
  const { origin } = await mf.ready
  const db = await mf.getD1Database('DB')
  await migrate(db)
  if (publish) {
    const strike = JSON.parse(readFileSync('tests/fixtures/stories/port-strike.json', 'utf8'))
    const res = await fetch(`${origin}/api/stories`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...strike, note: 'bench:cold creates a story only D1 holds' }),
    })
    if (!res.ok) throw new Error(`POST /api/stories: ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
    // Publishing makes each widget's default SVG, JSON, CSV and embed page, and draws its
    // card, default PNG and embed-code PNG (scale 2), after answering, and writes them to
    // KV, where a new isolate (another location) finds them: wait until all 21 are there.
    await kvHolds(mf, 21)
    await mf.dispose()
  } else {
    // No publish drew the bundled story's PNGs: a reader in another location asked for each
    // once, which writes them to KV as a publish would.
    for (const w of WIDGETS) for (const q of ['', '?scale=2', '?preset=card']) await (await fetch(`${origin}/widgets/${BUNDLED_SLUG}/${w}.png${q}`)).arrayBuffer()
    await kvHolds(mf, 9)
    await mf.dispose()
    // Nor its default bodies: a reader's request is stored when it was the first for the
    // story in its isolate, so each is asked for by an isolate of its own.
    let held = 9
    for (const w of WIDGETS) {
      for (const path of [`/widgets/${BUNDLED_SLUG}/${w}.svg`, `/widgets/${BUNDLED_SLUG}/${w}.json`, `/embed/${BUNDLED_SLUG}/${w}`]) {
        const reader = miniflare(dir)
        const { origin: at } = await reader.ready
        await (await fetch(at + path)).arrayBuffer()
        await kvHolds(reader, ++held)
        await reader.dispose()
      }
    }
  }
  return dir
}
const databases = { bundled: await prepare('db-bundled', false), d1: await prepare('db-d1', true) }

let copies = 0
/** A new isolate on a copy of `database`; `first` is asked first, then each of `then`. */
async function sample(database, first, then = [], dist = out) {
  const dir = join(work, `copy-${copies++}`)
  cpSync(database, dir, { recursive: true })
  const mf = miniflare(dir, {}, dist)
  try {
    const { origin } = await mf.ready
    // D1, KV and the Cache API are services the edge keeps running for every isolate: only
    // this worker's isolate is new. In Miniflare each is a worker of its own that starts
    // cold with the instance, so each is asked once from outside before the clock starts.
    await warmServices(mf)
    const times = []
    for (const path of [first, ...then]) {
      const t = performance.now()
      const res = await fetch(origin + path)
      await res.arrayBuffer()
      times.push(performance.now() - t)
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
    }
    return { times }
  } finally {
    await mf.dispose()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function warmServices(mf) {
  if (process.env.COLD_SERVICES) return
  const db = await mf.getD1Database('DB')
  await db.prepare("SELECT version FROM story_versions WHERE slug = 'warm-up' LIMIT 1").first()
  const cache = await (await mf.getCaches()).open('warm-up')
  await cache.match('https://warm-up.invalid/')
  await (await mf.getKVNamespace('PUBLISHED_PNGS')).get('warm-up')
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

if (process.env.PROFILE) await profile(process.env.PROFILE)
else await table()
rmSync(work, { recursive: true, force: true })

async function table() {
  // Each case: a new isolate asked for `paths` in turn, each timed.
  const cases = [{ key: 'healthz', db: databases.bundled, paths: ['/healthz'], labels: ['/healthz'] }]
  for (const [store, db] of Object.entries(databases)) {
    const from = store === 'd1' ? ' (story from D1)' : ''
    const SLUG = store === 'd1' ? D1_SLUG : BUNDLED_SLUG
    for (const w of WIDGETS) {
      for (const ext of ['svg', 'json']) cases.push({ key: `${store}-${w}-${ext}`, db, paths: [`/widgets/${SLUG}/${w}.${ext}`], labels: [`${w}.${ext}${from}`] })
      cases.push({ key: `${store}-${w}-embed`, db, paths: [`/embed/${SLUG}/${w}`], labels: [`embed page, ${w}${from}`] })
      cases.push({ key: `${store}-${w}-png`, db, paths: [`/widgets/${SLUG}/${w}.png`, (run) => `/widgets/${SLUG}/${w}.png?width=${601 + run}`], labels: [`${w}.png${from}`, `${w}.png at a new width, after the first${from}`] })
    }
  }
  // ONLY=<regular expression> times the matching cases (and /healthz) alone; PATHS=/a,/b
  // times those paths of the bundled story's isolate instead.
  const only = process.env.ONLY ? new RegExp(process.env.ONLY) : undefined
  const chosen = cases.filter((c) => c.key === 'healthz' || (process.env.PATHS ? false : !only || only.test(c.key)))
  for (const path of process.env.PATHS?.split(',') ?? []) chosen.push({ key: path, db: databases.bundled, paths: path.split(' then '), labels: path.split(' then ') })
  const results = Object.fromEntries(Object.keys(builds).map((b) => [b, new Map()]))
  // Samples are taken in turn, case after case (and build after build), so that a slow
  // moment of this shared machine is spread over every route rather than falling on one.
  for (let run = 0; run < RUNS; run++) {
    for (const c of chosen) {
      for (const [name, dist] of Object.entries(builds)) {
        const [first, then] = resolvePaths(c.paths, run)
        const { times } = await sample(c.db, first, then, dist)
        times.forEach((ms, i) => {
          const key = i ? `${c.key}${i + 1}` : c.key
          if (!results[name].has(key)) results[name].set(key, { label: c.labels[i] ?? `${i + 1}. ${[first, ...then][i]}`, ms: [] })
          results[name].get(key).ms.push(ms)
        })
      }
    }
    process.stderr.write(`run ${run + 1} of ${RUNS}\n`)
  }
  const columns = (name, key) => {
    const r = results[name]
    const m = median(r.get(key).ms)
    const svg = key.includes('-png') && r.get(key.replace(/-png\d*$/, '-svg'))
    const prefix = builds.baseline ? `${name} ` : ''
    return {
      [`${prefix}ms`]: m.toFixed(1),
      [`${prefix}÷ /healthz`]: `${(m / median(r.get('healthz').ms)).toFixed(2)}×`,
      [`${prefix}÷ first SVG`]: svg ? `${(m / median(svg.ms)).toFixed(2)}×` : '',
    }
  }
  const rows = [...results.this.keys()].map((key) => ({
    'first request to a new isolate': results.this.get(key).label,
    ...(builds.baseline ? columns('baseline', key) : {}),
    ...columns('this', key),
  }))
  console.table(rows)
  console.log(`medians of ${RUNS} new isolates each`)
}

function resolvePaths(paths, run) {
  const [first, ...then] = paths.map((p) => (typeof p === 'function' ? p(run) : p))
  return [first, then]
}

// The CPU profile of one first request, from workerd's inspector: V8's sampling profiler
// started just before the request and stopped after its response, at 50 µs a sample.
async function profile(path) {
  const { default: WebSocket } = await import('ws')
  const port = 9300 + Math.floor(Math.random() * 500)
  const store = process.env.PROFILE_STORE === 'd1' ? databases.d1 : databases.bundled
  const dir = join(work, 'profiled')
  cpSync(store, dir, { recursive: true })
  const mf = miniflare(dir, { inspectorPort: port })
  const { origin } = await mf.ready
  const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json()
  const target = targets.find((t) => t.id === 'core:user:factbox')
  const socket = new WebSocket(target.webSocketDebuggerUrl)
  await new Promise((resolve) => socket.once('open', resolve))
  let id = 0
  const pending = new Map()
  socket.on('message', (data) => {
    const msg = JSON.parse(data)
    if (msg.id && pending.has(msg.id)) pending.get(msg.id)(msg.result)
  })
  const send = (method, params = {}) => new Promise((resolve) => {
    pending.set(++id, resolve)
    socket.send(JSON.stringify({ id, method, params }))
  })
  // PROFILE_AFTER=/a,/b asks for those first, unprofiled: what is left is the path's own cold work.
  for (const before of process.env.PROFILE_AFTER?.split(',') ?? []) await (await fetch(origin + before)).arrayBuffer()
  await send('Profiler.enable')
  await send('Profiler.setSamplingInterval', { interval: 50 })
  await send('Profiler.start')
  const t = performance.now()
  const res = await fetch(origin + path)
  await res.arrayBuffer()
  const ms = performance.now() - t
  const { profile: cpu } = await send('Profiler.stop')
  socket.close()
  await mf.dispose()
  mkdirSync(join(process.cwd(), '.prof'), { recursive: true })
  const file = join(process.cwd(), '.prof', `cold-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.cpuprofile`)
  writeFileSync(file, JSON.stringify(cpu))
  // Self time per function, and the total under each of the worker's own functions.
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]))
  const self = new Map()
  const deltas = cpu.timeDeltas
  cpu.samples.forEach((nodeId, i) => self.set(nodeId, (self.get(nodeId) ?? 0) + (deltas[i + 1] ?? 0)))
  const parent = new Map()
  for (const n of cpu.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const inclusive = new Map()
  for (const [nodeId, us] of self) {
    const seen = new Set()
    for (let n = nodeId; n !== undefined; n = parent.get(n)) {
      const { functionName, url, lineNumber } = byId.get(n).callFrame
      const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`
      if (seen.has(name)) continue
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + us)
    }
  }
  const selfByName = new Map()
  for (const [nodeId, us] of self) {
    const { functionName, url, lineNumber } = byId.get(nodeId).callFrame
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`
    selfByName.set(name, (selfByName.get(name) ?? 0) + us)
  }
  // Self time per source module: esbuild writes `// path/to/module.ts` above each module.
  const modules = []
  readFileSync(join(out, 'index.js'), 'utf8').split('\n').forEach((line, i) => {
    const m = /^\/\/ ((?:node_modules|src|widgets|data)\/\S+)$/.exec(line)
    if (m) modules.push([i, m[1].replace(/^node_modules\/(\.pnpm\/)?((@[^/]+\/)?[^/]+).*/, '$2')])
  })
  const moduleOf = (line) => {
    let lo = 0
    let hi = modules.length - 1
    if (hi < 0 || line < modules[0][0]) return '(bundle prologue)'
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (modules[mid][0] <= line) lo = mid
      else hi = mid - 1
    }
    return modules[lo][1]
  }
  const byModule = new Map()
  for (const [nodeId, us] of self) {
    const { url, lineNumber, functionName } = byId.get(nodeId).callFrame
    const name = url.endsWith('index.js') ? moduleOf(lineNumber) : functionName || url || '(runtime)'
    byModule.set(name, (byModule.get(name) ?? 0) + us)
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, us]) => ({ function: name.slice(0, 90), ms: (us / 1000).toFixed(2) }))
  console.log(`${path}: ${ms.toFixed(1)} ms end to end; profile in ${file}`)
  console.log('self time'); console.table(top(selfByName))
  console.log('total time'); console.table(top(inclusive))
  console.log('self time by module'); console.table(top(byModule))
}
