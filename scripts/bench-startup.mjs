// npm run bench:startup — `wrangler check startup` for factbox and for an empty worker of
// the same compatibility date, several times each: the medians of the profiled start-up
// time and their ratio (issue #7: at most 2×). Local CPU, so compare the ratio only.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const RUNS = Number(process.env.RUNS ?? 11)
const wrangler = resolve('node_modules/.bin/wrangler')
const work = mkdtempSync(join(tmpdir(), 'factbox-startup-'))
const empty = join(work, 'empty')
execFileSync('mkdir', ['-p', empty])
writeFileSync(join(empty, 'index.js'), "export default { fetch() { return new Response('ok') } }\n")
writeFileSync(join(empty, 'wrangler.toml'), 'name = "empty"\nmain = "index.js"\ncompatibility_date = "2026-05-01"\n')

function profile(cwd, name, i) {
  const out = join(work, `${name}-${i}.cpuprofile`)
  execFileSync(wrangler, ['check', 'startup', '--outfile', out], { cwd, stdio: 'ignore' })
  const p = JSON.parse(readFileSync(out, 'utf8'))
  return (p.endTime - p.startTime) / 1000
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ours = []
const baseline = []
for (let i = 0; i < RUNS; i++) {
  ours.push(profile(process.cwd(), 'factbox', i))
  baseline.push(profile(empty, 'empty', i))
}
console.table({
  'factbox start-up ms (median)': median(ours).toFixed(1),
  'empty worker start-up ms (median)': median(baseline).toFixed(1),
  ratio: `${(median(ours) / median(baseline)).toFixed(2)}×`,
})
