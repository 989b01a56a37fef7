// npm run bench:size — what a deploy uploads, module by module, raw and gzipped (gzip -9),
// against issue #7's bar for the main module: at most 120 KB gzipped. The modules a reader
// never loads (src/lazy/) and the WebAssembly and fonts are listed apart.
import { readFileSync, readdirSync, rmSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildWorker } from './worker-build.mjs'

const BAR = 120_000
const dir = mkdtempSync(join(tmpdir(), 'factbox-size-'))
buildWorker(dir)
const kindOf = (f) => (f === 'index.js' ? 'main module' : f.endsWith('.mjs') ? 'imported on first use' : f.endsWith('.client.js') ? 'browser script (text)' : f.endsWith('.wasm') ? 'WebAssembly' : f.endsWith('.ttf') ? 'font' : 'other')
const rows = readdirSync(dir)
  .filter((f) => !f.endsWith('.map') && f !== 'README.md')
  .map((f) => {
    const bytes = readFileSync(join(dir, f))
    return { module: f.replace(/^[0-9a-f]{40}-/, ''), kind: kindOf(f), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  })
  .sort((a, b) => a.kind.localeCompare(b.kind) || b.raw - a.raw)
const kb = (n) => `${(n / 1000).toFixed(1)} KB`
console.table(rows.map((r) => ({ ...r, raw: kb(r.raw), gzip: kb(r.gzip) })))
const main = rows.find((r) => r.module === 'index.js')
console.log(`main module: ${kb(main.gzip)} gzipped, ${main.gzip <= BAR ? 'within' : 'OVER'} the ${kb(BAR)} bar; total upload ${kb(rows.reduce((s, r) => s + r.raw, 0))} raw`)
rmSync(dir, { recursive: true, force: true })
