// Browser test (issue #13): a withdrawn story's notice and a corrected toll counter as
// Chromium draws them, in light and dark, en, ar and he, at 320 and 1200 px. Real glyph
// boxes stay inside the picture and apart; each picture is also written to snapshots/
// (revision-*.png) to be looked at.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { assertInsideAndApart, measureTextBoxes, useBrowser } from './helpers.mjs'

const TOKEN = /ADMIN_TOKEN=(\S+)/.exec(readFileSync('.dev.vars', 'utf8'))[1]
const WITHDRAWN = 'browser-withdrawn'
const CORRECTED = 'browser-corrected'
const widgets = ['toll-counter', 'blockade-duration', 'statement-grid']
const cases = ['light', 'dark'].flatMap((theme) => ['en', 'ar', 'he'].flatMap((locale) => [320, 1200].map((width) => ({ theme, locale, width }))))

async function api(ctx, path, init = {}) {
  const res = await fetch(ctx.server.base + path, { ...init, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...init.headers } })
  assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`)
  return res
}

/** Publishes over the latest version of `slug`, the dataset changed by `change`. */
async function publish(ctx, slug, change, fields) {
  const live = await api(ctx, `/api/stories/${slug}`)
  const story = await live.json()
  change(story)
  await api(ctx, `/api/stories/${slug}`, { method: 'PUT', headers: { 'If-Match': live.headers.get('ETag') }, body: JSON.stringify({ ...story, note: 'browser test', ...fields }) })
}

function followUp(story, value, asOf) {
  const words = `at least ${value.toLocaleString('en-GB')} people have been killed`
  const id = `report-${value}`
  story.sources.push({ id, title: 'Health ministry daily report', published: asOf, language: 'en', text: `The ministry said ${words} in the territory.` })
  Object.assign(story.figures[0], { value, asOf, excerpt: words, source: id })
}

const ctx = useBrowser(async (c) => {
  const dataset = JSON.parse(readFileSync('data/gaza-2025-05-06.json', 'utf8'))
  for (const slug of [WITHDRAWN, CORRECTED]) await api(c, '/api/stories', { method: 'POST', body: JSON.stringify({ ...dataset, slug, note: 'browser test' }) })
  // A long public note, in English inside Arabic and Hebrew widgets, as a newsroom writes one.
  await publish(c, WITHDRAWN, () => {}, { kind: 'retraction', publicNote: 'This story relied on a report that its publisher has since retracted; the figures it showed could not be confirmed independently.' })
  await publish(c, CORRECTED, (s) => followUp(s, 52700, '2025-05-08'), { publicNote: 'The toll is the health ministry’s figure of 8 May.' })
  await publish(c, CORRECTED, (s) => followUp(s, 52600, '2025-05-08'), { kind: 'correction', publicNote: 'An earlier version gave the toll as 52,700; the health ministry reported 52,600.' })
  c.page = await c.browser.newPage()
  c.shot = await c.browser.newPage()
  mkdirSync('snapshots', { recursive: true })
})

/** Measures the SVG as a document, then photographs it as a host page shows it: an <img>. */
async function drawn(url, file) {
  const res = await ctx.page.goto(url)
  assert.equal(res.status(), 200)
  const boxes = await ctx.page.evaluate(measureTextBoxes)
  await ctx.shot.setViewportSize({ width: boxes.width, height: Math.max(100, Math.ceil(boxes.height)) })
  await ctx.shot.setContent(`<body style="margin:0"><img src="${url}"></body>`, { waitUntil: 'networkidle' })
  await ctx.shot.locator('img').screenshot({ path: file })
  return boxes
}

describe('a withdrawn story drawn by Chromium', () => {
  for (const widget of widgets) {
    for (const { theme, locale, width } of cases) {
      it(`${widget} in ${locale}, ${theme}, at ${width} px: the notice stays inside its frame, apart`, async () => {
        const url = `${ctx.server.base}/widgets/${WITHDRAWN}/${widget}.svg?locale=${locale}&width=${width}&theme=${theme}`
        const boxes = await drawn(url, `snapshots/revision-withdrawn-${widget}-${width}-${theme}-${locale}.png`)
        assert.equal(boxes.width, width)
        assert.ok(boxes.boxes.length >= 2)
        assertInsideAndApart(boxes)
      })
    }
  }
})

describe('a corrected toll counter drawn by Chromium', () => {
  for (const { theme, locale, width } of cases) {
    it(`in ${locale}, ${theme}, at ${width} px: the mark and the note stay inside, apart`, async () => {
      const url = `${ctx.server.base}/widgets/${CORRECTED}/toll-counter.svg?locale=${locale}&width=${width}&theme=${theme}`
      const boxes = await drawn(url, `snapshots/revision-corrected-${width}-${theme}-${locale}.png`)
      assertInsideAndApart(boxes)
    })
  }
})
