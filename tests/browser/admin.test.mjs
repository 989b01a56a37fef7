// Browser test for the editor page (issue #5): an editor loads the live version, changes
// the toll, sees the change and the previews, publishes; a second editor who loaded the
// same version is told someone else published first and is shown that change. Issue #14:
// the page says who is signed in, the history who published each version, and a wrong or
// revoked token publishes nothing.
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
  await page.goto(`${ctx.server.base}/admin`)
  await page.fill('#token', token)
  await page.click('#access button[type=submit]')
  await page.waitForSelector('#editor:not([hidden])')
  return { page, errors }
}

async function setToll(page, value) {
  const input = page.locator('#figures .item').first().locator('input[type=number]')
  await input.fill(String(value))
}

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
    await page.click('#publish')
    await page.waitForSelector('#publish-result .ok')
    assert.match(await page.textContent('#publish-result'), /Published version 2 as owner/)
    await page.waitForFunction(() => document.querySelector('#history').textContent.includes('Version 2'))
    const history = await page.$$eval('#history li', (items) => items.map((li) => li.textContent))
    assert.match(history[0], /^Version 2, .* UTC, by owner: Health ministry figure of 7 May$/)
    assert.match(history[history.length - 1], /^Version 1, .* by factbox: Bundled dataset$/)
    const svg = await (await fetch(`${ctx.server.base}/widgets/gaza-2025-05-06/toll-counter.svg`)).text()
    assert.match(svg, /52,611/)
    assert.match(svg, /Updated .*: \u2068Health ministry figure of 7 May/)
    await page.screenshot({ path: 'snapshots/page-admin.png', fullPage: true })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('tells the second of two editors that someone else published first, and shows their change', async () => {
    const first = await editor()
    const second = await editor()
    await setToll(first.page, 52700)
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
    await desk.fill('#note', 'Should not publish')
    await desk.click('#publish')
    await desk.waitForSelector('#publish-result .error')
    assert.match(await desk.textContent('#publish-result'), /token is not valid/)
    const after = await (await fetch(`${ctx.server.base}/api/stories/gaza-2025-05-06`)).json()
    assert.deepEqual(after, before)
    await desk.close()
  })
})
