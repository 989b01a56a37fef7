// Browser test for the editor page (issue #5): an editor loads the live version, changes
// the toll, sees the change and the previews, publishes; a second editor who loaded the
// same version is told someone else published first and is shown that change. Issue #13:
// the kind of every publish is chosen, the note for readers is previewed on the widgets,
// and a retraction is only published once confirmed. Issue #14: the page says who is
// signed in, the history who published each version, and a wrong or revoked token
// publishes nothing.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { useBrowser } from './helpers.mjs'

const TOKEN = /ADMIN_TOKEN=(\S+)/.exec(readFileSync('.dev.vars', 'utf8'))[1]
const ctx = useBrowser()

async function editor(token = TOKEN) {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } })
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await watchPreviews(page)
  await page.goto(`${ctx.server.base}/admin`)
  await page.fill('#token', token)
  await page.click('#access button[type=submit]')
  await page.waitForSelector('#editor:not([hidden])')
  return { page, errors }
}

/**
 * Changes the toll as a newsroom publishes one: the follow-up report it comes from is added
 * as a source, and the figure cites its sentence (the verbatim rule).
 */
async function setToll(page, value) {
  const words = `at least ${value.toLocaleString('en-GB')} people have been killed`
  await page.click('#add-source')
  const source = page.locator('#sources .item').last()
  await source.getByLabel('Title', { exact: true }).fill('Health ministry daily report')
  await source.getByLabel('Full text', { exact: true }).fill(`The ministry said ${words} in the territory.`)
  const figure = page.locator('#figures .item').first()
  await figure.getByLabel('Source', { exact: true }).selectOption({ index: (await figure.getByLabel('Source', { exact: true }).locator('option').count()) - 1 })
  await figure.getByLabel('Excerpt (verbatim from its source)').fill(words)
  await figure.locator('input[type=number]').fill(String(value))
}

async function chooseKind(page, kind, publicNote = '') {
  await page.check(`#kind input[value=${kind}]`)
  if (publicNote) await page.fill('#public-note', publicNote)
}

/**
 * The SVG text of the editor's latest preview of a widget that says `contains`, isolates
 * removed: read from the preview responses (the page's CSP lets it fetch nothing else).
 */
async function previewText(page, widget, contains) {
  for (const started = Date.now(); Date.now() - started < 15_000; await page.waitForTimeout(100)) {
    const said = (previews.get(page)?.[widget] ?? '').replace(/[\u2066-\u2069]/g, '')
    if (said.includes(contains)) return said
  }
  throw new Error(`no preview of ${widget} says "${contains}"; the last one: ${previews.get(page)?.[widget]?.slice(0, 300)}`)
}

const previews = new WeakMap()
async function watchPreviews(page) {
  previews.set(page, {})
  await page.route(/\/preview\?widget=/, async (route) => {
    try {
      const res = await route.fetch()
      const body = await res.text()
      if (res.ok()) previews.get(page)[/widget=([a-z-]+)/.exec(route.request().url())[1]] = body
      await route.fulfill({ response: res, body })
    } catch {
      // The page closed while a preview was under way: nothing waits for it any more.
    }
  })
}

const widgetSvg = async (query = '') => (await (await fetch(`${ctx.server.base}/widgets/gaza-2025-05-06/toll-counter.svg${query}`)).text()).replace(/[\u2066-\u2069]/g, '')

describe('the editor page', () => {
  it('loads the live version, previews a change, shows what changed and publishes it', async () => {
    const { page, errors } = await editor()
    assert.match(await page.textContent('#live'), /Live: version 1/)
    await setToll(page, 52611)
    await page.waitForFunction(() => document.querySelector('#changes').textContent.includes('52611'))
    assert.match(await page.textContent('#changes'), /figures\[killed-gaza\]\.value: 52567 → 52611/)
    await page.waitForFunction(() => [...document.querySelectorAll('.previews img')].every((i) => i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0))
    assert.match(await page.textContent('#who'), /Signed in as owner with the owner’s admin token/)
    assert.match(await page.textContent('#publishing-as'), /Publishing as owner/)
    await page.fill('#note', 'Health ministry figure of 7 May')
    // Nothing is published before the kind is chosen.
    await page.click('#publish')
    assert.match(await page.textContent('#publish-result'), /Choose what this publish is first/)
    await chooseKind(page, 'update', 'The toll is the health ministry’s figure of 7 May.')
    assert.match(await previewText(page, 'statement-grid', 'Updated '), /Updated \d+ \w+ \d{4}: The toll is the health ministry’s figure of 7 May\./)
    assert.equal(await page.textContent('#publish'), 'Publish the update')
    await page.click('#publish')
    await page.waitForSelector('#publish-result .ok')
    assert.match(await page.textContent('#publish-result'), /Published version 2 as owner/)
    await page.waitForFunction(() => document.querySelector('#history').textContent.includes('Version 2'))
    const history = await page.$$eval('#history li', (items) => items.map((li) => li.textContent))
    assert.match(history[0], /^Version 2, .* UTC, by owner: /)
    assert.match(history[history.length - 1], /^Version 1, .* by factbox: Bundled dataset$/)
    const svg = await widgetSvg()
    assert.match(svg, /52,611/)
    assert.match(svg, /Updated .*: The toll is the health ministry’s figure of 7 May\./)
    assert.doesNotMatch(svg, /Health ministry figure of 7 May/)
    await page.screenshot({ path: 'snapshots/page-admin.png', fullPage: true })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('tells the second of two editors that someone else published first, and shows their change', async () => {
    const first = await editor()
    const second = await editor()
    await setToll(first.page, 52700)
    await chooseKind(first.page, 'update')
    await chooseKind(second.page, 'update')
    await first.page.fill('#note', 'First editor')
    await first.page.click('#publish')
    await first.page.waitForSelector('#publish-result .ok')
    await setToll(second.page, 52800)
    await second.page.fill('#note', 'Second editor')
    await second.page.click('#publish')
    await second.page.waitForSelector('#publish-result .error')
    const text = await second.page.textContent('#publish-result')
    assert.match(text, /Someone else published version \d+ first/)
    assert.match(text, /52700/)
    const live = await (await fetch(`${ctx.server.base}/api/stories/gaza-2025-05-06`)).json()
    assert.equal(live.figures[0].value, 52700)
    await first.page.close()
    await second.page.close()
  })

  it('refuses a wrong token at sign-in, and a token revoked meanwhile at publish, without publishing', async () => {
    const page = await ctx.browser.newPage()
    await page.goto(`${ctx.server.base}/admin`)
    await page.fill('#token', 'not-the-token')
    await page.click('#access button[type=submit]')
    await page.waitForSelector('#status.error')
    assert.match(await page.textContent('#status'), /token is not valid/)
    assert.equal(await page.isHidden('#editor'), true)
    await page.close()

    const created = await (await fetch(`${ctx.server.base}/api/tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Night desk', scopes: ['stories:publish'] }),
    })).json()
    const { page: desk } = await editor(created.token)
    assert.match(await desk.textContent('#who'), /Signed in as Night desk with an editor token/)
    const before = await (await fetch(`${ctx.server.base}/api/stories/gaza-2025-05-06`)).json()
    await fetch(`${ctx.server.base}/api/tokens/${created.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } })
    await setToll(desk, 1)
    await chooseKind(desk, 'update')
    await desk.fill('#note', 'Should not publish')
    await desk.click('#publish')
    await desk.waitForSelector('#publish-result .error')
    assert.match(await desk.textContent('#publish-result'), /token is not valid/)
    const after = await (await fetch(`${ctx.server.base}/api/stories/gaza-2025-05-06`)).json()
    assert.deepEqual(after, before)
    await desk.close()
  })

  it('publishes a correction that readers see as one, previewed first, and links the corrections feed', async () => {
    const { page, errors } = await editor()
    await setToll(page, 52701)
    await chooseKind(page, 'correction')
    await page.fill('#note', 'typo in the toll')
    await page.click('#publish')
    assert.match(await page.textContent('#publish-result'), /A correction needs the note for readers/)
    await page.fill('#public-note', 'An earlier version gave the toll as 52,700; the ministry reported 52,701.')
    const preview = await previewText(page, 'toll-counter', 'Corrected figure')
    assert.match(preview, /Corrected \d+ \w+ \d{4}: An earlier version gave the toll as 52,700/)
    assert.doesNotMatch(preview, /since 6 May 2025/)
    await page.click('#publish')
    await page.waitForSelector('#publish-result .ok')
    assert.match(await page.textContent('#publish-result'), /a correction/)
    const svg = await widgetSvg()
    assert.match(svg, /Corrected figure/)
    assert.doesNotMatch(svg, /typo in the toll|up 1 since/)
    const feed = await page.getAttribute('#corrections-atom', 'href')
    assert.equal(feed, '/api/stories/gaza-2025-05-06/corrections.atom')
    const atom = await (await fetch(ctx.server.base + feed)).text()
    assert.match(atom, /<title>Correction \(version \d+\)<\/title>/)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('asks before withdrawing a story, previews the notice, and restores it with a later publish', async () => {
    const { page, errors } = await editor()
    await chooseKind(page, 'retraction', 'This story relied on a report its publisher has retracted.')
    await page.fill('#note', 'legal request')
    assert.match(await previewText(page, 'blockade-duration', 'Withdrawn on'), /Withdrawn on \d+ \w+ \d{4}: This story relied on a report/)
    assert.equal(await page.textContent('#publish'), 'Withdraw the story')
    page.once('dialog', (dialog) => dialog.dismiss())
    await page.click('#publish')
    await page.waitForFunction(() => document.querySelector('#publish-result').textContent === 'Not withdrawn.')
    assert.doesNotMatch(await widgetSvg(), /Withdrawn on/)
    let asked = ''
    page.once('dialog', (dialog) => {
      asked = dialog.message()
      dialog.accept()
    })
    await page.click('#publish')
    await page.waitForSelector('#publish-result .ok')
    assert.match(asked, /Withdraw this story\?/)
    assert.match(await page.textContent('#publish-result'), /Withdrew the story/)
    assert.match(await widgetSvg(), /Withdrawn on .*: This story relied on a report its publisher has retracted\./)
    assert.match(await widgetSvg('?version=1'), /Withdrawn on/)
    // The editor still reads the stored data, and publishing again restores the story.
    await page.waitForFunction(() => document.querySelector('#live').textContent.includes('withdrawn'))
    assert.equal(await page.locator('#figures input[type=number]').first().inputValue(), '52701')
    await chooseKind(page, 'update', 'The story is restored after review.')
    await page.fill('#note', 'restore')
    await page.click('#publish')
    await page.waitForSelector('#publish-result .ok')
    const restored = await widgetSvg()
    assert.doesNotMatch(restored, /Withdrawn on/)
    assert.match(restored, /52,701/)
    await page.screenshot({ path: 'snapshots/page-admin-kinds.png', fullPage: true })
    assert.deepEqual(errors, [])
    await page.close()
  })
})
