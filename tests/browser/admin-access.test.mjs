// Browser test for the editor page behind Cloudflare Access (issue #14). Access itself is
// not here, so the test does its two jobs: a local server publishes the team's key set
// (keys made by the test), and the browser sends the Cf-Access-Jwt-Assertion header on
// every request, as Access adds it for a signed-in editor. The editor types nothing.
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { after, describe, it } from 'node:test'
import { SignJWT, exportJWK, generateKeyPair } from 'jose'
import { SLUG, useBrowser } from './helpers.mjs'

const TEAM = 'factbox-browser.cloudflareaccess.com'
const AUD = 'browser-test-aud'
const { publicKey, privateKey } = await generateKeyPair('RS256')
const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'browser-key', alg: 'RS256', use: 'sig' }] })
let keyFetches = 0
const keyServer = createServer((req, res) => {
  if (req.url !== '/cdn-cgi/access/certs') return res.writeHead(404).end()
  keyFetches++
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(jwks)
})
await new Promise((resolve) => keyServer.listen(0, '127.0.0.1', resolve))
after(() => keyServer.close())

const ctx = useBrowser(async () => {}, {
  vars: { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD, ACCESS_JWKS_URL: `http://127.0.0.1:${keyServer.address().port}/cdn-cgi/access/certs` },
})

function accessToken(email) {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({ aud: [AUD], iss: `https://${TEAM}`, iat: now, nbf: now, exp: now + 3600, email, type: 'app' })
    .setProtectedHeader({ alg: 'RS256', kid: 'browser-key' })
    .sign(privateKey)
}

describe('the editor page behind Cloudflare Access', () => {
  it('signs the editor in with nothing typed, and the history names them as the publisher', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { 'Cf-Access-Jwt-Assertion': await accessToken('maria.editor@newsroom.test') } })
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${ctx.server.base}/admin`)
    await page.waitForSelector('#who:not([hidden])')
    assert.equal(await page.textContent('#who'), 'Signed in as maria.editor@newsroom.test through Cloudflare Access.')
    assert.equal(await page.isHidden('#token'), true)
    await page.click('#access button[type=submit]')
    await page.waitForSelector('#editor:not([hidden])')
    assert.match(await page.textContent('#publishing-as'), /Publishing as maria\.editor@newsroom\.test/)
    // A change the verbatim rule lets through without a new source: the toll's as-of date.
    await page.locator('#figures .item').first().locator('input[type=date]').fill('2025-05-07')
    await page.check('#kind input[value=update]')
    await page.fill('#note', 'Ministry figure, published through Access')
    await page.click('#publish')
    await page.waitForSelector('#publish-result .ok')
    assert.match(await page.textContent('#publish-result'), /as maria\.editor@newsroom\.test/)
    await page.waitForFunction(() => document.querySelector('#history li')?.textContent.includes('Ministry figure'))
    assert.match(await page.textContent('#history li'), /^Version 2, .* UTC, by maria\.editor@newsroom\.test: Ministry figure, published through Access$/)
    const versions = await (await fetch(`${ctx.server.base}/api/stories/${SLUG}/versions`)).json()
    assert.equal(versions[0].author, 'maria.editor@newsroom.test')
    assert.ok(keyFetches >= 1, 'the worker fetched the key set from the team')
    await page.screenshot({ path: 'snapshots/page-admin-access.png', clip: { x: 0, y: 0, width: 1280, height: 900 } })
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('signs the editor in on /admin/new with nothing typed, and the created story names them', async () => {
    const context = await ctx.browser.newContext({ extraHTTPHeaders: { 'Cf-Access-Jwt-Assertion': await accessToken('lena.desk@newsroom.test') } })
    const page = await context.newPage()
    await page.goto(`${ctx.server.base}/admin/new`)
    await page.waitForSelector('#editor:not([hidden])')
    assert.equal(await page.textContent('#who'), 'Signed in as lena.desk@newsroom.test through Cloudflare Access.')
    assert.equal(await page.isHidden('#token'), true)
    await page.fill('#article', 'About 5,400 dockworkers walked out on Monday, the union said.')
    await page.fill('#published', '2026-03-12')
    await page.fill('#title', 'Dockworkers walk out')
    await page.fill('#headline', 'Dockworkers walk out at Hallsford')
    await page.waitForSelector('#article-view p')
    await page.evaluate(() => {
      const text = document.querySelector('#article-view p').firstChild
      const range = document.createRange()
      range.setStart(text, 0)
      range.setEnd(text, text.data.length)
      getSelection().removeAllRanges()
      getSelection().addRange(range)
    })
    await page.click('#add-figure')
    await page.locator('#figures [id$="-attribution"]').fill('the union')
    await page.locator('#figures [id$="-label"]').fill('dockworkers on strike')
    await page.click('#create')
    await page.waitForSelector('#created-links')
    assert.match(await page.textContent('#create-result'), /as lena\.desk@newsroom\.test/)
    const versions = await (await fetch(`${ctx.server.base}/api/stories/dockworkers-walk-out-at-hallsford-2026-03-12/versions`)).json()
    assert.equal(versions[0].author, 'lena.desk@newsroom.test')
    await context.close()
  })

  it('shows the token field to a browser that did not come through Access', async () => {
    const page = await ctx.browser.newPage()
    await page.goto(`${ctx.server.base}/admin`)
    await page.waitForLoadState('networkidle')
    assert.equal(await page.isVisible('#token'), true)
    assert.equal(await page.isHidden('#who'), true)
    await page.close()
  })
})
