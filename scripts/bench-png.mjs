// npm run bench:png — what rasterising costs, per widget, inside workerd (the worker runs
// locally through wrangler's API). Every request asks for a width not asked for before, so
// nothing comes from the PNG cache; the same widths as SVG are the baseline, and the
// difference is resvg's work. Medians of RUNS requests; run on an idle machine and compare
// within one run only.
import { startServer } from './dev-server.mjs'

const RUNS = Number(process.env.RUNS ?? 30)
const SLUG = 'gaza-2025-05-06'
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
