// npm run bench — render cost per widget (layout + markup, in process, no output cache),
// next to Observable Plot on linkedom and Vega-Lite compiled and rendered to SVG drawing the
// same picture of the same data; the size of each SVG; what each output draws; and the heap
// after 100,000 renders in one process. `--save DIR` writes the nine SVGs to look at.
// Medians and p99 of individually timed renders. Compare ratios within one run only.
import { build } from 'esbuild'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseHTML } from 'linkedom'
import * as vega from 'vega'
import { compile } from 'vega-lite'
import { plotCharts, vegaLiteSpecs } from './bench-charts.mjs'

// The widgets as the worker has them, bundled for Node.
const bundle = await build({
  stdin: {
    contents: "export { widgets, renderWidget } from './widgets/index'; export { parseStory } from './widgets/story'; export { default as data } from './data/gaza-2025-05-06.json'",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true, format: 'esm', platform: 'node', write: false, jsx: 'automatic', jsxImportSource: 'hono/jsx', logLevel: 'error',
})
const file = join(mkdtempSync(join(tmpdir(), 'factbox-bench-')), 'widgets.mjs')
writeFileSync(file, bundle.outputFiles[0].text)
const { widgets, renderWidget, parseStory, data } = await import(pathToFileURL(file).href)
const story = parseStory(data).story

// The same pictures in Plot and Vega-Lite (scripts/bench-charts.mjs says what each draws).
const { document } = parseHTML('<!doctype html><html><body></body></html>')
const plot = plotCharts(story, document)
const specs = Object.fromEntries(Object.entries(vegaLiteSpecs(story)).map(([id, spec]) => [id, spec()]))
// Vega-Lite's warnings are silenced: printing them would only slow it down.
const quiet = vega.logger(vega.None)
const vegaLite = (spec) => () => new vega.View(vega.parse(compile(spec, { logger: quiet }).spec), { renderer: 'none', logger: quiet }).toSVG()

// Every run ends with the SVG as one flat string, ready to encode and send: a string built
// by concatenation is only a tree of pieces until something reads it.
const settle = (svg) => svg.charCodeAt(svg.length >> 1) + svg.length

async function time(fn, runs) {
  for (let i = 0; i < Math.min(50, runs); i++) settle(await fn())
  const samples = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    settle(await fn())
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(runs / 2)], p99: samples[Math.floor(runs * 0.99)] }
}
const us = (ms) => `${(ms * 1000).toFixed(0)} µs`

// What each output draws: lines of text (a <tspan> each where a renderer wraps that way) and
// shapes, to show that the three draw the same picture.
function drawn(svg) {
  const texts = svg.match(/<text[\s\S]*?<\/text>/g) ?? []
  const lines = texts.reduce((n, t) => n + Math.max(1, (t.match(/<tspan/g) ?? []).length), 0)
  const shapes = (svg.match(/<(rect|circle|line|path|ellipse)\b/g) ?? []).length
  return `${lines} lines, ${shapes} shapes`
}

const save = process.argv.includes('--save') ? process.argv[process.argv.indexOf('--save') + 1] : undefined
const rows = []
const drawnRows = []
for (const id of Object.keys(widgets)) {
  const widget = widgets[id]
  const opts = widget.options.parse({ theme: 'light' })
  const ours = await time(() => renderWidget(widget, story, opts), 3000)
  // And at a new width every render: nothing width-dependent can be reused (lines are wrapped,
  // placed and written again); what the widget says is made once per story and locale.
  const widths = Array.from({ length: 1321 }, (_, i) => widget.options.parse({ theme: 'light', width: String(280 + ((i * 7) % 1321)) }))
  let w = 0
  const fresh = await time(() => renderWidget(widget, story, widths[w++ % widths.length]), 3000)
  const p = await time(plot[id], 200)
  const v = await time(vegaLite(specs[id]), 60)
  const outputs = { factbox: renderWidget(widget, story, opts), plot: plot[id](), 'vega-lite': await vegaLite(specs[id])() }
  if (save) for (const [who, svg] of Object.entries(outputs)) writeFileSync(join(save, `${id}.${who}.svg`), svg)
  rows.push({
    widget: id,
    'factbox median': us(ours.median), 'factbox p99': us(ours.p99), 'factbox, new width each': us(fresh.median),
    'Plot+linkedom median': us(p.median), 'Vega-Lite median': us(v.median),
    'Plot ÷ factbox': `${(p.median / ours.median).toFixed(0)}×`, 'Vega-Lite ÷ factbox': `${(v.median / ours.median).toFixed(0)}×`,
    'SVG bytes': Buffer.byteLength(outputs.factbox),
  })
  drawnRows.push({ widget: id, factbox: drawn(outputs.factbox), Plot: drawn(outputs.plot), 'Vega-Lite': drawn(outputs['vega-lite']) })
}
console.table(rows)
console.table(drawnRows)

// Memory: 100,000 renders in one process (run with --expose-gc to see the settled heap).
const gc = globalThis.gc ?? (() => {})
gc()
const before = process.memoryUsage().heapUsed
const ids = Object.keys(widgets)
for (let i = 0; i < 100_000; i++) {
  const widget = widgets[ids[i % ids.length]]
  renderWidget(widget, story, widget.options.parse({ width: String(280 + (i % 1321)), locale: ['en', 'ar', 'he'][i % 3] }))
}
gc()
const after = process.memoryUsage().heapUsed
console.log(`heap after 100,000 renders: ${(before / 1048576).toFixed(1)} MiB → ${(after / 1048576).toFixed(1)} MiB${globalThis.gc ? '' : ' (run with --expose-gc for a settled figure)'}`)
