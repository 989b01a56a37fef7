// Browser test for the new-story page (issue #11 "The editor", issue #12 "HTTP and the
// editor"): an editor pastes a wire article, picks a figure by selecting its sentence, sees
// the widgets drawn and a typed wrong value named at its field, creates the story and its
// widget is served; picks a quote with the keyboard alone; pastes CMS HTML and Arabic; and
// drafts a story from the article, drops one proposed item, and creates the story without it.
// Screenshots of /admin and of a drafted /admin/new, wide and narrow, light and dark, go to
// snapshots/ to be looked at.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { useBrowser } from './helpers.mjs'

const TOKEN = /ADMIN_TOKEN=(\S+)/.exec(readFileSync('.dev.vars', 'utf8'))[1]
const ARTICLE = readFileSync('tests/extract/articles/port-strike-2026-03-12.txt', 'utf8')
const SENTENCE = 'About 5,400 crane drivers, lashers and yard staff have been on strike since 6 a.m. on 23 February, according to the Hallsford Dockworkers’ Union, which is demanding a 9% pay rise this year.'
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8')

const ctx = useBrowser()

async function signedIn(options = {}) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${ctx.server.base}/admin/new`)
  await page.fill('#token', TOKEN)
  await page.click('#sign-in')
  await page.waitForSelector('#editor:not([hidden])')
  return { context, page, errors }
}

async function fillStory(page, { slug, headline = 'Hallsford port strike: talks collapse' } = {}) {
  await page.fill('#article', ARTICLE)
  await page.fill('#published', '2026-03-12')
  await page.fill('#title', 'Talks to end Hallsford port strike break down as walkout enters third week')
  await page.fill('#publisher', 'factbox test desk')
  await page.fill('#url', 'https://example.org/factbox-tests/port-strike-2026-03-12')
  await page.fill('#headline', headline)
  if (slug) await page.fill('#slug', slug)
  await page.waitForFunction(() => document.querySelectorAll('#article-view p').length === 12)
}

/** Selects `words` in the shown article text, as a mouse drag over them would. */
async function selectInArticle(page, words) {
  await page.evaluate((words) => {
    const p = [...document.querySelectorAll('#article-view p')].find((el) => el.textContent.includes(words))
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
    let node
    while ((node = walker.nextNode()) && !node.data.includes(words));
    const at = node.data.indexOf(words)
    const range = document.createRange()
    range.setStart(node, at)
    range.setEnd(node, at + words.length)
    getSelection().removeAllRanges()
    getSelection().addRange(range)
  }, words)
}

/** Waits until the widget's preview is a drawn picture made after `after` (a previous src). */
function previewDrawn(page, widget, after = '') {
  return page.waitForFunction(
    ({ widget, after }) => {
      const img = document.getElementById(`preview-${widget}`)
      return !img.hidden && img.src.startsWith('blob:') && img.src !== after && img.complete && img.naturalWidth > 0
    },
    { widget, after },
    { timeout: 20_000 },
  )
}

async function fieldError(page, card, field) {
  const wrap = card.locator(`[id$="-${field}"]`).locator('xpath=ancestor::div[contains(@class,"field")][1]')
  await wrap.locator('.field-error').waitFor({ timeout: 20_000 })
  return wrap.locator('.field-error').textContent()
}

describe('the new-story page', () => {
  it('creates a story from a figure picked by selecting its sentence, after naming a typed wrong value at its field', async () => {
    const { context, page, errors } = await signedIn()
    assert.match(await page.textContent('#who'), /Signed in as owner with the owner’s admin token/)
    await fillStory(page, { slug: 'hallsford-strike-by-hand' })

    await selectInArticle(page, SENTENCE)
    await page.click('#add-figure')
    const card = page.locator('#figures .item').first()
    assert.equal(await card.locator('[id$="-excerpt"]').inputValue(), SENTENCE)
    assert.equal(await card.locator('[id$="-value"]').inputValue(), '5400', 'the value is guessed from the digits')
    assert.equal(await card.locator('[id$="-qualifier"]').inputValue(), 'about')
    assert.equal(await card.locator('[id$="-precision"]').inputValue(), 'approximate')
    assert.match(await page.locator('#article-view mark').first().textContent(), /^About 5,400 crane drivers/)
    await card.locator('[id$="-label"]').fill('dockworkers on strike, by the union’s count')
    await card.locator('[id$="-attribution"]').fill('Hallsford Dockworkers’ Union')
    await previewDrawn(page, 'toll-counter')
    const first = await page.getAttribute('#preview-toll-counter', 'src')
    assert.match(await page.textContent('#preview-blockade-duration-status'), /no duration/)

    // A typed digit the article does not write is named at the value, with what it does write.
    await card.locator('[id$="-value"]').fill('5401')
    assert.match(await fieldError(page, card, 'value'), /5401 is not written in the figure’s excerpt, which writes 5400/)
    assert.equal(await card.locator('[id$="-value"]').getAttribute('aria-invalid'), 'true')
    assert.equal(await page.isHidden('#preview-toll-counter'), true)
    assert.match(await page.textContent('#problems'), /Value: 5401 is not written/)
    // A typo in the excerpt is shown next to the passage it should be.
    await card.locator('[id$="-value"]').fill('5400')
    await card.locator('[id$="-excerpt"]').fill(SENTENCE.replace('crane', 'crain'))
    assert.match(await fieldError(page, card, 'excerpt'), /does not occur in source "article"; the nearest passage reads: “About 5,400 crane drivers/)

    await card.locator('[id$="-excerpt"]').fill(SENTENCE)
    await previewDrawn(page, 'toll-counter', first)
    assert.equal(await page.locator('.field-error').count(), 0)
    await page.click('#create')
    await page.waitForSelector('#created-links')
    assert.match(await page.textContent('#create-result'), /Created “hallsford-strike-by-hand”, version 1, as owner/)
    const href = await page.getAttribute('#created-links a[href$="toll-counter.svg"]', 'href')
    assert.equal(href, '/widgets/hallsford-strike-by-hand/toll-counter.svg')
    const svg = await fetch(ctx.server.base + href)
    assert.equal(svg.status, 200)
    assert.match(svg.headers.get('Content-Type'), /^image\/svg\+xml/)
    const picture = await svg.text()
    assert.match(picture, /5,400/)
    assert.match(picture, /Hallsford Dockworkers’ Union/)
    const stored = await (await fetch(`${ctx.server.base}/api/stories/hallsford-strike-by-hand`)).json()
    assert.equal(stored.figures.length, 1)
    assert.equal(stored.figures[0].excerpt, SENTENCE)
    assert.equal(stored.sources[0].title, 'Talks to end Hallsford port strike break down as walkout enters third week')
    assert.equal(await page.getAttribute('#created-links a[href^="/admin?"]', 'href'), '/admin?story=hallsford-strike-by-hand')

    // The same slug again is refused in words, at the slug.
    await page.click('#create')
    await page.waitForSelector('#create-result .error')
    assert.match(await page.textContent('#create-result'), /Not created: A story with the slug "hallsford-strike-by-hand" exists already/)
    assert.match(await page.textContent('[data-field="slug"] .field-error'), /taken/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('adds a quote selected with the keyboard in the paste box, as verbatim words marked quote', async () => {
    const { context, page, errors } = await signedIn()
    await fillStory(page)
    const quote = '“We did not want this strike,”'
    const start = ARTICLE.indexOf(quote)
    await page.focus('#article')
    await page.evaluate((at) => document.getElementById('article').setSelectionRange(at, at), start)
    for (let i = 0; i < quote.length; i++) await page.keyboard.press('Shift+ArrowRight')
    await page.focus('#add-statement')
    await page.keyboard.press('Enter')
    const card = page.locator('#statements .item').first()
    await card.waitFor()
    assert.equal(await card.locator('[id$="-excerpt"]').inputValue(), quote)
    assert.equal(await card.locator('[id$="-text"]').inputValue(), 'We did not want this strike')
    assert.equal(await card.locator('[id$="-kind"]').inputValue(), 'quote')
    // The focus moves to what the editor must fill in: the speaker.
    assert.equal(await page.evaluate(() => document.activeElement.id.endsWith('-speaker')), true)
    await page.keyboard.type('Ruth Kaminski')
    await previewDrawn(page, 'statement-grid')
    assert.match(await page.textContent('#work-status'), /Added Statement/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('reads pasted CMS HTML into paragraphs without scripts, captions or navigation, and shows Arabic right to left', async () => {
    const { context, page } = await signedIn()
    await page.fill('#article', '<nav><a href="/">Home</a></nav><h1>Port strike</h1><p>About 5,400 dockworkers walked out, the union&nbsp;said.</p><figure><img src="x.jpg"><figcaption>Pickets at the gate.</figcaption></figure><script>steal()</script><style>p{}</style><p>Talks broke down on <em>Monday</em>.</p>')
    await page.waitForFunction(() => document.querySelectorAll('#article-view p').length === 3)
    assert.deepEqual(await page.$$eval('#article-view p', (ps) => ps.map((p) => p.textContent)), ['Port strike', 'About 5,400 dockworkers walked out, the union said.', 'Talks broke down on Monday.'])
    assert.match(await page.textContent('#article-hint'), /Read as HTML: 3 paragraphs/)
    await page.click('#use-text')
    assert.equal(await page.inputValue('#article'), 'Port strike\n\nAbout 5,400 dockworkers walked out, the union said.\n\nTalks broke down on Monday.')

    await page.fill('#article', 'قال الاتحاد إن نحو 5400 عامل مضربون عن العمل.')
    await page.waitForFunction(() => document.querySelector('#article-view p')?.textContent.startsWith('قال'))
    assert.equal(await page.$eval('#article-view p', (p) => getComputedStyle(p).direction), 'rtl')
    await context.close()
  })

  it('drafts from the article: items highlighted with a keep box, unsure ones dropped and marked, and an unchecked item left out of the story', async (t) => {
    const probe = await fetch(`${ctx.server.base}/api/drafts`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: '{}' })
    if (probe.status === 404) return t.skip('POST /api/drafts is not on this branch yet')

    const { context, page, errors } = await signedIn()
    await fillStory(page, { slug: 'hallsford-strike-drafted' })
    await page.click('#draft')
    await page.waitForFunction(() => /^Drafted/.test(document.getElementById('work-status').textContent), null, { timeout: 20_000 })
    const marks = await page.locator('#article-view mark').count()
    assert.ok(marks > 10, `every drafted item is highlighted in the article (${marks} highlights)`)

    const cards = page.locator('.item')
    const total = await cards.count()
    const kept = await page.locator('.item input.keep:checked').count()
    assert.ok(kept > 0 && kept < total, `some items are kept and some are not (${kept} of ${total})`)
    // Items the article gives no source for are marked and not kept.
    const needing = page.locator('.item:has(.badge.needs:visible)')
    assert.ok((await needing.count()) > 0, 'items that need an attribution are marked')
    for (const box of await needing.all()) assert.equal(await box.locator('input.keep').isChecked(), false)
    assert.ok((await page.locator('#article-view mark.dropped.needs').count()) > 0)

    // The statement the editor drops, and a drafted relative date and quote that are kept as drafted.
    const ashby = page.locator('#statements .item').filter({ hasText: 'Helen Ashby' }).filter({ has: page.locator('input.keep:checked') }).first()
    const dropped = page.locator(`.item[data-uid="${await ashby.getAttribute('data-uid')}"]`)
    const droppedText = await dropped.locator('[id$="-text"]').inputValue()
    await dropped.locator('input.keep').uncheck()
    assert.equal(await dropped.getAttribute('class'), 'item dropped')

    // A duration from a kept event, so that all three widgets draw.
    const strike = await page.$eval('#duration-start', (s) => [...s.options].find((o) => /2026-02-23/.test(o.textContent)).value)
    await page.selectOption('#duration-start', strike)
    await page.fill('#duration-label', 'since dockworkers walked out on 23 February')
    for (const widget of ['toll-counter', 'blockade-duration', 'statement-grid']) await previewDrawn(page, widget)
    await page.waitForFunction(() => /^Drawn/.test(document.getElementById('preview-status').textContent))

    await screenshots(page, 'admin-new-drafted')
    await axe(page)

    await page.click('#create')
    await page.waitForSelector('#created-links', { timeout: 20_000 })
    const stored = await (await fetch(`${ctx.server.base}/api/stories/hallsford-strike-drafted`)).json()
    assert.equal(stored.statements.length + stored.figures.length + stored.events.length, kept - 1)
    assert.equal(stored.statements.some((s) => s.text === droppedText), false, 'the unchecked statement is not in the stored story')
    assert.ok(stored.statements.some((s) => s.speaker.name.en === 'Helen Ashby'), 'her other statement, still kept, is')
    const nextMonth = stored.events.find((e) => e.dateText === 'next month')
    assert.equal(nextMonth?.precision, 'approximate', 'a rough date stays approximate')
    assert.ok(stored.statements.some((s) => s.kind === 'quote' && s.text.startsWith('Our offer of 4.5%')), 'a drafted quote stays marked quote')
    assert.equal(stored.duration.startEvent, strike)
    for (const item of [...stored.figures, ...stored.events, ...stored.statements]) assert.equal(item.draft, undefined, 'no draft bookkeeping is stored')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('drafts a figure whose label leans on another one as not kept, and says at its label why', async () => {
    const { context, page, errors } = await signedIn()
    await page.fill('#article', 'The ministry corrected the toll on Saturday, saying eight deaths had been counted twice after two regional offices reported the same cases.')
    await page.fill('#published', '2025-07-20')
    await page.waitForFunction(() => document.querySelectorAll('#article-view p').length === 1)
    await page.click('#draft')
    await page.waitForFunction(() => /^Drafted/.test(document.getElementById('work-status').textContent), null, { timeout: 20_000 })
    const card = page.locator('#figures .item').filter({ has: page.locator('[id$="-label"]') }).filter({ hasText: 'leans on another figure' })
    assert.equal(await card.count(), 1)
    assert.equal(await card.locator('input.keep').isChecked(), false)
    assert.equal(await card.locator('.badge.needs').textContent(), 'needs a label that stands alone')
    // Kept, the label field says why; a rewrite clears the badge.
    await card.locator('input.keep').check()
    assert.match(await card.locator('[id$="-label-hint"]').textContent(), /“the same” leans on another figure/)
    await card.locator('[id$="-label"]').fill('cases two regional offices both reported')
    assert.equal(await card.locator('.badge.needs').isVisible(), false)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('lists stories on /admin, searched by headline, each opening the editor, with a link to New story', async () => {
    const admin = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } })
    await admin.goto(`${ctx.server.base}/admin`)
    await admin.waitForFunction(() => document.querySelectorAll('#story-list li').length > 0)
    await admin.fill('#story-search', 'gaza')
    await admin.waitForFunction(() => [...document.querySelectorAll('#story-list li')].every((li) => /gaza/i.test(li.textContent)) && document.querySelectorAll('#story-list li').length === 1)
    await admin.fill('#story-search', '')
    await admin.waitForFunction(() => document.querySelectorAll('#story-list li').length > 1)
    assert.equal(await admin.getAttribute('a.button', 'href'), '/admin/new')
    await admin.fill('#token', TOKEN)
    await admin.locator('#story-list li').filter({ hasText: 'gaza-2025-05-06' }).getByRole('button', { name: 'Edit' }).click()
    await admin.waitForSelector('#editor:not([hidden])')
    assert.match(await admin.textContent('#live'), /Live: version/)
    await admin.close()
    for (const width of [1280, 390]) {
      for (const colorScheme of ['light', 'dark']) {
        const shot = await ctx.browser.newPage({ viewport: { width, height: width === 390 ? 844 : 900 }, colorScheme })
        await shot.goto(`${ctx.server.base}/admin`)
        await shot.waitForFunction(() => document.querySelectorAll('#story-list li').length > 1)
        await shot.screenshot({ path: `snapshots/page-admin-list-${width}-${colorScheme}.png`, fullPage: true })
        await shot.close()
      }
    }
  })
})

/** The drafted page at desktop and phone width, light and dark: its top, and its previews. */
async function screenshots(page, name) {
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    for (const colorScheme of ['light', 'dark']) {
      const before = await page.getAttribute('#preview-statement-grid', 'src')
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme })
      // The previews are drawn again in the page's scheme when it changes.
      if (colorScheme === 'dark' || width === 390) await previewDrawn(page, 'statement-grid', before)
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.screenshot({ path: `snapshots/page-${name}-${width}-${colorScheme}.png` })
      await page.locator('#figures .item').first().scrollIntoViewIfNeeded()
      await page.screenshot({ path: `snapshots/page-${name}-${width}-${colorScheme}-items.png` })
      // The sticky list of parts would sit over the element the screenshot scrolls to.
      await page.locator('.previews').screenshot({ path: `snapshots/page-${name}-${width}-${colorScheme}-preview.png`, style: '.jump{visibility:hidden}' })
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.emulateMedia({ colorScheme: 'light' })
}

/** No serious or critical axe-core violations on the drafted page, light and dark. */
async function axe(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource)
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme })
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    assert.deepEqual(bad.map((v) => `${v.id} (${colorScheme}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}
