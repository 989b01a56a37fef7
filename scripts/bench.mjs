// npm run bench — render cost per widget (layout + markup, in process, no cache), next to
// Observable Plot on linkedom and Vega-Lite compiled and rendered to SVG drawing the same
// data; the size of each SVG; and the heap after 100,000 renders in one process.
// Medians and p99 of individually timed renders. Compare ratios within one run only.
import { build } from 'esbuild'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'
import * as vega from 'vega'
import { compile } from 'vega-lite'

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

const { document } = parseHTML('<!doctype html><html><body></body></html>')
const day = (iso) => new Date(`${iso}T00:00:00Z`)
const blockadeEvents = story.events.filter((e) => e.date >= '2025-03-02' && e.date <= story.asOf).map((e) => ({ ...e, date: day(e.date), label: e.label.en }))
const figures = story.headlineFigures.map((id) => story.figures.find((f) => f.id === id))
const statements = story.statements.map((s, i) => ({ ...s, col: i % 2, row: Math.floor(i / 2), speaker: s.speaker.name.en }))

// The same pictures in Plot: text marks for the toll counter and the statement grid, a bar,
// rules, dots and labels on a weekly UTC axis for the blockade.
const plot = {
  'toll-counter': () => Plot.plot({ document, width: 640, height: 480, axis: null, x: { domain: [0, 1] }, y: { domain: [0, 4] }, marks: [
    Plot.text(figures, { x: (_, i) => (i % 2) / 2, y: (_, i) => Math.floor(i / 2) * 2, text: (f) => `${f.qualifier ?? ''} ${f.value.toLocaleString('en-GB')}`, fontSize: 40, textAnchor: 'start' }),
    Plot.text(figures, { x: (_, i) => (i % 2) / 2, y: (_, i) => Math.floor(i / 2) * 2 + 0.6, text: (f) => f.label.en, lineWidth: 18, textAnchor: 'start' }),
    Plot.text(figures, { x: (_, i) => (i % 2) / 2, y: (_, i) => Math.floor(i / 2) * 2 + 1.1, text: (f) => `Source: ${f.attribution.en}, as of ${f.asOf}`, lineWidth: 22, textAnchor: 'start' }),
  ] }).outerHTML,
  'blockade-duration': () => Plot.plot({ document, width: 640, height: 260, x: { type: 'utc', domain: [day('2025-03-02'), day(story.asOf)], ticks: 'week' }, y: { axis: null, domain: [0, 3] }, marks: [
    Plot.rectX([{ x1: day('2025-03-02'), x2: day(story.asOf) }], { x1: 'x1', x2: 'x2', y1: 0, y2: 1 }),
    Plot.ruleX(blockadeEvents, { x: 'date', y1: 1, y2: 1.5 }),
    Plot.dot(blockadeEvents, { x: 'date', y: 1.5, r: 8, strokeDasharray: (e) => (e.precision === 'approximate' ? '3 2' : null) }),
    Plot.text(blockadeEvents, { x: 'date', y: 2.2, text: 'label', lineWidth: 14 }),
    Plot.text(['65 days'], { frameAnchor: 'top-left', fontSize: 40 }),
  ] }).outerHTML,
  'statement-grid': () => Plot.plot({ document, width: 760, height: 1800, axis: null, x: { domain: [0, 2] }, y: { domain: [0, 9] }, marks: [
    Plot.text(statements, { x: 'col', y: 'row', text: 'speaker', fontWeight: 'bold', textAnchor: 'start', dy: -30 }),
    Plot.text(statements, { x: 'col', y: 'row', text: (s) => (s.kind === 'quote' ? `“${s.text}”` : s.text), lineWidth: 28, textAnchor: 'start' }),
  ] }).outerHTML,
}

// And in Vega-Lite, compiled to Vega and rendered to an SVG string each time.
const vl = {
  'toll-counter': { width: 640, height: 480, data: { values: figures.map((f, i) => ({ ...f, col: i % 2, row: Math.floor(i / 2), number: f.value.toLocaleString('en-GB'), label: f.label.en, source: `Source: ${f.attribution.en}` })) }, layer: [
    { mark: { type: 'text', fontSize: 40, align: 'left' }, encoding: { x: { field: 'col', type: 'quantitative', axis: null }, y: { field: 'row', type: 'quantitative', axis: null }, text: { field: 'number' } } },
    { mark: { type: 'text', dy: 30, align: 'left' }, encoding: { x: { field: 'col', type: 'quantitative' }, y: { field: 'row', type: 'quantitative' }, text: { field: 'label' } } },
    { mark: { type: 'text', dy: 50, align: 'left' }, encoding: { x: { field: 'col', type: 'quantitative' }, y: { field: 'row', type: 'quantitative' }, text: { field: 'source' } } },
  ] },
  'blockade-duration': { width: 640, height: 200, data: { values: blockadeEvents.map((e) => ({ date: e.date.toISOString(), label: e.label })) }, layer: [
    { data: { values: [{ a: '2025-03-02', b: story.asOf }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'temporal', axis: { tickCount: { interval: 'week' } } }, x2: { field: 'b' } } },
    { mark: 'rule', encoding: { x: { field: 'date', type: 'temporal' } } },
    { mark: { type: 'point', size: 120 }, encoding: { x: { field: 'date', type: 'temporal' } } },
    { mark: { type: 'text', dy: -20, limit: 140 }, encoding: { x: { field: 'date', type: 'temporal' }, text: { field: 'label' } } },
  ] },
  'statement-grid': { width: 760, height: 1800, data: { values: statements.map((s) => ({ ...s, words: s.kind === 'quote' ? `“${s.text}”` : s.text })) }, layer: [
    { mark: { type: 'text', fontWeight: 'bold', dy: -20, align: 'left' }, encoding: { x: { field: 'col', type: 'quantitative', axis: null }, y: { field: 'row', type: 'quantitative', axis: null }, text: { field: 'speaker' } } },
    { mark: { type: 'text', align: 'left', limit: 340 }, encoding: { x: { field: 'col', type: 'quantitative' }, y: { field: 'row', type: 'quantitative' }, text: { field: 'words' } } },
  ] },
}
const vega6 = (spec) => () => new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' }).toSVG()

async function time(fn, runs) {
  for (let i = 0; i < Math.min(50, runs); i++) await fn()
  const samples = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(runs / 2)], p99: samples[Math.floor(runs * 0.99)] }
}
const us = (ms) => `${(ms * 1000).toFixed(0)} µs`

const rows = []
for (const id of Object.keys(widgets)) {
  const widget = widgets[id]
  const opts = widget.options.parse({ theme: 'light' })
  const ours = await time(() => renderWidget(widget, story, opts), 3000)
  const p = await time(plot[id], 200)
  const v = await time(vega6(vl[id]), 60)
  rows.push({
    widget: id,
    'factbox median': us(ours.median), 'factbox p99': us(ours.p99),
    'Plot+linkedom median': us(p.median), 'Vega-Lite median': us(v.median),
    'Plot ÷ factbox': `${(p.median / ours.median).toFixed(0)}×`, 'Vega-Lite ÷ factbox': `${(v.median / ours.median).toFixed(0)}×`,
    'SVG bytes': Buffer.byteLength(renderWidget(widget, story, opts)),
  })
}
console.table(rows)

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
