// npm run snapshots: renders every widget in light and dark, en, ar, he (and fr, de, es at
// one width) at 320 and 1200 px to PNG with headless Chromium, plus one contact sheet per
// widget and width, into snapshots/. Uses the server at $FACTBOX_URL, or starts wrangler dev.
// FACTBOX_STORY_FILE=tests/fixtures/stories/port-strike.json first creates that story
// (POST /api/stories with $FACTBOX_ADMIN_TOKEN, locally the one in .dev.vars) and draws it.
import { mkdirSync, readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, startServer } from './dev-server.mjs'

const out = 'snapshots'
const storyFile = process.env.FACTBOX_STORY_FILE
const story = storyFile ? JSON.parse(readFileSync(storyFile, 'utf8')).slug : (process.env.FACTBOX_STORY ?? 'gaza-2025-05-06')
const widgets = ['toll-counter', 'blockade-duration', 'statement-grid']
const themes = ['light', 'dark']
const widths = [320, 1200]
const locales = ['en', 'ar', 'he']

const server = await startServer()
const base = server.base
mkdirSync(out, { recursive: true })
if (storyFile) {
  const res = await fetch(`${base}/api/stories`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.FACTBOX_ADMIN_TOKEN ?? 'local-admin-token'}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...JSON.parse(readFileSync(storyFile, 'utf8')), note: 'Created for snapshots' }),
  })
  if (res.status !== 201 && res.status !== 409) throw new Error(`creating ${story}: ${res.status} ${await res.text()}`)
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
})
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  const files = []
  for (const widget of widgets) {
    for (const width of widths) {
      const cells = []
      for (const theme of themes) {
        for (const locale of [...locales, ...(width === 1200 && theme === 'light' ? ['fr', 'de', 'es'] : [])]) {
          const url = `${base}/widgets/${story}/${widget}.svg?theme=${theme}&locale=${locale}&width=${width}`
          // Shown as a host page shows it: an <img> (a full-page shot of a bare SVG document hangs).
          await page.setViewportSize({ width, height: 400 })
          await page.setContent(`<body style="margin:0"><img src="${url}"></body>`, { waitUntil: 'networkidle' })
          const file = `${out}/${widget}-${width}-${theme}-${locale}.png`
          await page.locator('img').screenshot({ path: file })
          files.push(file)
          cells.push(url)
        }
      }
      // Contact sheet: every variant of this widget at this width side by side.
      const html = `<body style="margin:0;background:#888;display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start;padding:8px">${cells.map((u) => `<img src="${u}">`).join('')}</body>`
      await page.setViewportSize({ width: width === 320 ? 4 * 328 + 16 : 2 * 1208 + 16, height: 400 })
      await page.setContent(html, { waitUntil: 'networkidle' })
      const sheet = `${out}/sheet-${widget}-${width}.png`
      await page.screenshot({ path: sheet, fullPage: true })
      files.push(sheet)
    }
  }
  // Pages: the workshop and embed pages as a reader's browser shows them.
  const pages = [
    ['workshop', `/?story=${story}`],
    ['workshop-grid-he', `/?story=${story}&widget=statement-grid&locale=he&theme=dark`],
    ['embed-toll-ar', `/embed/${story}/toll-counter?locale=ar`],
    ['embed-blockade-he', `/embed/${story}/blockade-duration?locale=he`],
  ]
  for (const [name, path] of pages) {
    for (const [label, width] of [['phone', 390], ['desktop', 1280]]) {
      for (const colorScheme of ['light', 'dark']) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme })
        const p = await context.newPage()
        await p.goto(base + path, { waitUntil: 'networkidle' })
        await p.waitForTimeout(400)
        const file = `${out}/page-${name}-${label}-${colorScheme}.png`
        await p.screenshot({ path: file, fullPage: true })
        files.push(file)
        await context.close()
      }
    }
  }
  console.log(`${files.length} pictures in ${out}/`)
} finally {
  await browser.close()
  await server.stop()
}
