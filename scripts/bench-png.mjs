// npm run bench:png — what rasterising costs, per widget, inside workerd (the worker runs
// locally through wrangler's API). Every request asks for a width not asked for before, so
// nothing comes from the PNG cache; the same widths as SVG are the baseline, and the
// difference is resvg's work. Medians of RUNS requests; run on an idle machine and compare
// within one run only.
import { startServer } from './dev-server.mjs'

const RUNS = Number(process.env.RUNS ?? 30)
const SLUG = 'gaza-2025-05-06'
// MEMORY_ONLY=1 skips the timings and measures only the print PNGs' memory (below).
if (process.env.MEMORY_ONLY) {
  await memory()
  process.exit(0)
}
const server = await startServer()

async function time(url) {
  const t = performance.now()
  const res = await fetch(url)
  await res.arrayBuffer()
  if (!res.ok) throw new Error(`${url}: ${res.status}`)
  return performance.now() - t
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]

try {
  await time(`${server.base}/widgets/${SLUG}/toll-counter.png?width=333`) // initialise resvg once
  const rows = []
  for (const widget of ['toll-counter', 'blockade-duration', 'statement-grid']) {
    for (const locale of ['en', 'ar']) {
      const svg = []
      const png = []
      for (let i = 0; i < RUNS; i++) {
        const query = `locale=${locale}&width=${600 + i + (locale === 'ar' ? 100 : 0)}`
        svg.push(await time(`${server.base}/widgets/${SLUG}/${widget}.svg?${query}`))
        png.push(await time(`${server.base}/widgets/${SLUG}/${widget}.png?${query}`))
      }
      const cached = []
      for (let i = 0; i < RUNS; i++) cached.push(await time(`${server.base}/widgets/${SLUG}/${widget}.png?locale=${locale}&width=600`))
      rows.push({ widget, locale, 'svg ms': median(svg).toFixed(1), 'png ms': median(png).toFixed(1), 'rasterise ms': (median(png) - median(svg)).toFixed(1), 'cached png ms': median(cached).toFixed(1) })
    }
  }
  console.table(rows)
} finally {
  await server.stop()
}
await memory()

// Peak memory of print PNGs (issue #15): width 1600 at scale 3 for every widget, and the
// tallest PNG the limits allow (a 60-statement grid). Measured twice:
// - in Node, running src/png/rasterise.ts with the same resvg WebAssembly: the module's
//   linear memory (which never shrinks) and the peak of JavaScript ArrayBuffers while the
//   PNG streams (band copies waiting for the garbage collector), which together are what an
//   isolate's 128 MB must hold besides the heap;
// - in workerd (Miniflare, built worker), the runtime's high-water mark of resident memory
//   (VmHWM) before and after the print PNG, after a small PNG has set resvg up: the rise is
//   what drawing took, whole process included, so an upper bound on the isolate's share.
//   BASELINE=<checkout> measures that build too (one-piece PNGs, refused over 8 million px).
async function memory() {
  const { execFileSync } = await import('node:child_process')
  const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { pathToFileURL } = await import('node:url')
  const { build } = await import('esbuild')
  const { Log, LogLevel, Miniflare } = await import('miniflare')
  const { buildWorker, migrate, workerOptions } = await import('./worker-build.mjs')
  const work = mkdtempSync(join(tmpdir(), 'factbox-png-memory-'))
  const MiB = (n) => (n / 1048576).toFixed(1)

  // Node: the worker's modules as wrangler.toml's rules load them (wasm compiled, fonts as data).
  const modules = {
    name: 'worker-modules',
    setup(b) {
      b.onLoad({ filter: /\.wasm$/ }, (args) => ({ contents: `export default new WebAssembly.Module(require('fs').readFileSync(${JSON.stringify(args.path)}))`, loader: 'js' }))
      b.onLoad({ filter: /\.ttf$/ }, (args) => ({ contents: `const b = require('fs').readFileSync(${JSON.stringify(args.path)}); export default b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)`, loader: 'js' }))
    },
  }
  const bundle = await build({
    stdin: { contents: "export { rasterise } from './src/png/rasterise'; export { widgets, layoutWidget } from './widgets/index'; export { optionDefaults } from './widgets/options'; export { default as data } from './data/gaza-2025-05-06.json'", resolveDir: process.cwd(), loader: 'ts' },
    bundle: true, format: 'esm', platform: 'node', write: false, plugins: [modules], logLevel: 'error',
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  })
  const file = join(work, 'rasterise.mjs')
  writeFileSync(file, bundle.outputFiles[0].text)
  const memories = []
  const instantiate = WebAssembly.instantiate
  WebAssembly.instantiate = async (...args) => {
    const made = await instantiate(...args)
    for (const v of Object.values((made.instance ?? made).exports)) if (v instanceof WebAssembly.Memory) memories.push(v)
    return made
  }
  const wasmBytes = () => memories.reduce((n, m) => n + m.buffer.byteLength, 0)
  const m = await import(pathToFileURL(file).href)
  const tall = structuredClone(m.data)
  tall.statements = Array.from({ length: 60 }, (_, i) => ({ ...tall.statements[i % tall.statements.length], id: `s-${i}` }))
  const cases = Object.keys(m.widgets).map((id) => ({ label: id, id, story: m.data, width: 1600 }))
  cases.push({ label: 'statement-grid, 60 statements', id: 'statement-grid', story: tall, width: 1600, columns: 4 })
  const nodeRows = []
  for (const c of cases) {
    const w = m.widgets[c.id]
    const layout = m.layoutWidget(w, c.story, { ...m.optionDefaults(w.optionSpecs), width: c.width, ...(c.columns ? { columns: c.columns } : {}) })
    const f = layout.frame
    const svg = w.render(layout)
    const picture = { width: f.width, height: f.height, view: { x: 0, y: 0, width: f.width, height: f.height } }
    if (!memories.length) for await (const _ of (await m.rasterise(svg, picture, 1)).body);
    const wasmBefore = wasmBytes()
    const base = process.memoryUsage()
    let peak = base.arrayBuffers
    let bytes = 0
    const t = performance.now()
    const png = await m.rasterise(svg, picture, 3)
    for await (const chunk of png.body) {
      bytes += chunk.length
      peak = Math.max(peak, process.memoryUsage().arrayBuffers)
    }
    nodeRows.push({
      PNG: c.label, pixels: `${png.width}×${png.height}`, 'PNG KB': (bytes / 1024).toFixed(0), ms: (performance.now() - t).toFixed(0),
      'resvg memory MiB': `${MiB(wasmBefore)} → ${MiB(wasmBytes())}`, 'peak ArrayBuffers MiB': `+${MiB(peak - base.arrayBuffers)}`,
      'one-piece pixmap MiB': MiB(png.width * png.height * 4),
    })
  }
  WebAssembly.instantiate = instantiate
  console.log('Print PNGs at scale 3, drawn in Node by src/png/rasterise.ts:')
  console.table(nodeRows)

  const builds = { this: join(work, 'this') }
  buildWorker(builds.this)
  if (process.env.BASELINE) {
    builds.baseline = join(work, 'baseline')
    buildWorker(builds.baseline, { cwd: process.env.BASELINE })
  }
  const status = (pid) => Object.fromEntries(readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').filter((l) => /^Vm(HWM|RSS):/.test(l)).map((l) => [l.split(':')[0], Number(/(\d+)/.exec(l)[1]) / 1024]))
  const rows = []
  for (const widget of ['toll-counter', 'blockade-duration', 'statement-grid']) {
    for (const [name, dist] of Object.entries(builds)) {
      const mf = new Miniflare({
        ...workerOptions(dist), d1Databases: { DB: 'factbox-memory' }, cf: false, port: 0, host: '127.0.0.1', log: new Log(LogLevel.WARN),
      })
      const { origin } = await mf.ready
      const db = await mf.getD1Database('DB')
      await migrate(db)
      // The runtime Miniflare started for us is our child process named workerd.
      const pid = execFileSync('ps', ['--ppid', String(process.pid), '-o', 'pid=,comm='], { encoding: 'utf8' }).split('\n').map((l) => l.trim().split(/\s+/)).find(([, comm]) => comm === 'workerd')?.[0]
      if (!pid) throw new Error('no workerd child process')
      await (await fetch(`${origin}/widgets/${SLUG}/${widget}.png?width=300`)).arrayBuffer()
      const before = status(pid)
      const res = await fetch(`${origin}/widgets/${SLUG}/${widget}.png?width=1600&scale=3`)
      const bytes = new Uint8Array(await res.arrayBuffer())
      const after = status(pid)
      rows.push({
        widget, build: name, status: res.status, pixels: res.ok ? `4800×${new DataView(bytes.buffer).getUint32(20)}` : '—',
        'RSS before MiB': before.VmRSS.toFixed(0), 'peak rise MiB': (after.VmHWM - before.VmHWM).toFixed(1),
      })
      await mf.dispose()
    }
  }
  console.log('The same in workerd: the runtime process\'s peak resident memory')
  console.table(rows)
}
