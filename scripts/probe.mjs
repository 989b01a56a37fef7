import { build } from 'esbuild'
import { writeFileSync } from 'node:fs'
const b = await build({ stdin: { contents: "export { widgets, layoutWidget } from './widgets/index'; export { parseStory } from './widgets/story'; export { default as data } from './data/gaza-2025-05-06.json'", resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error' })
writeFileSync('/tmp/probe-w.mjs', b.outputFiles[0].text)
const { widgets, layoutWidget, parseStory, data } = await import('/tmp/probe-w.mjs')
const story = parseStory(data).story
const id = process.argv[2]
const w = widgets[id]; const o = w.options.parse({ theme: 'light' })
const s = performance.now(); for (let i = 0; i < 40000; i++) layoutWidget(w, story, o); console.log(id, ((performance.now() - s) / 40).toFixed(1), 'µs')
