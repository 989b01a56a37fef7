// Browser test (issue #15): the workshop's chooser shows every widget of the story as a
// live thumbnail, in the page's light or dark, choosable by a click with or without
// script, and nothing on the page overlaps, is cut off or runs out of it, at phone and
// desktop widths, in the locales that lay out right to left too.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useBrowser, screenshotPixels } from './helpers.mjs'

const widgets = ['toll-counter', 'blockade-duration', 'statement-grid']
const ctx = useBrowser()

async function open(path, options) {
  const context = await ctx.browser.newContext(options)
  const page = await context.newPage()
  const errors = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(ctx.server.base + path, { waitUntil: 'networkidle' })
  return { page, context, errors }
}

describe('the workshop’s widget chooser', () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [375, 1280]) {
      for (const locale of ['en', 'ar', 'he']) {
        it(`shows every widget as a thumbnail, nothing overlapping or cut off (${colorScheme}, ${width} px, ${locale})`, async () => {
          const { page, context, errors } = await open(`/?locale=${locale}`, { viewport: { width, height: 900 }, colorScheme })
          const layout = await page.evaluate(() => {
            const box = (el) => el.getBoundingClientRect().toJSON()
            return {
              pageWidth: document.documentElement.scrollWidth,
              choices: [...document.querySelectorAll('label.choice')].map((label) => ({
                label: box(label),
                thumb: box(label.querySelector('.thumb')),
                img: label.querySelector('img') && { complete: label.querySelector('img').complete, natural: label.querySelector('img').naturalWidth, src: label.querySelector('img').getAttribute('src') },
                texts: [...label.querySelectorAll('strong, div > span:not(.thumb)')].map((t) => ({ box: box(t), scroll: t.scrollWidth, client: t.clientWidth })),
              })),
            }
          })
          assert.ok(layout.pageWidth <= width, `the page is ${layout.pageWidth} px wide in a ${width} px window`)
          assert.equal(layout.choices.length, widgets.length)
          layout.choices.forEach((c, i) => {
            assert.ok(c.img && c.img.complete && c.img.natural > 0, `thumbnail ${i} loaded`)
            assert.match(c.img.src, new RegExp(`/${widgets[i]}\\.svg\\?width=360${locale === 'en' ? '$' : `&locale=${locale}$`}`))
            const inside = (inner, outer) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5
            assert.ok(inside(c.thumb, c.label), `thumbnail ${i} inside its choice`)
            for (const t of c.texts) {
              assert.ok(inside(t.box, c.label), `text of choice ${i} inside it`)
              assert.ok(t.scroll <= t.client + 1, `text of choice ${i} is not cut off`)
              assert.ok(t.box.top >= c.thumb.bottom - 0.5, `text of choice ${i} is under its thumbnail`)
            }
            if (i) assert.ok(c.label.top >= layout.choices[i - 1].label.bottom, `choice ${i} does not overlap the one above`)
          })
          // The thumbnails follow the page: widget backgrounds are light or dark with it.
          const shot = screenshotPixels(await page.locator('label.choice .thumb').first().screenshot())
          if (colorScheme === 'light') assert.ok(shot.meanBrightness > 200, `light thumbnail, brightness ${shot.meanBrightness.toFixed(0)}`)
          else assert.ok(shot.meanBrightness < 90, `dark thumbnail, brightness ${shot.meanBrightness.toFixed(0)}`)
          assert.deepEqual(errors, [])
          await context.close()
        })
      }
    }
  }

  it('chooses the widget whose thumbnail is clicked, with script (the preview follows) and without', async () => {
    const withScript = await open('/', { viewport: { width: 1280, height: 900 } })
    await withScript.page.locator('img[data-thumb="blockade-duration"]').click()
    await withScript.page.waitForFunction(() => document.getElementById('preview').src.includes('/embed/gaza-2025-05-06/blockade-duration'))
    assert.equal(await withScript.page.locator('input[name=widget][value=blockade-duration]').isChecked(), true)
    await withScript.context.close()

    const noScript = await open('/', { viewport: { width: 375, height: 900 }, javaScriptEnabled: false })
    await noScript.page.locator('img[data-thumb="statement-grid"]').click()
    assert.equal(await noScript.page.locator('input[name=widget][value=statement-grid]').isChecked(), true)
    await noScript.page.locator('#apply').click()
    await noScript.page.waitForURL(/widget=statement-grid/)
    assert.match(await noScript.page.locator('#preview').getAttribute('src'), /\/embed\/gaza-2025-05-06\/statement-grid/)
    await noScript.context.close()
  })

  it('shows the thumbnails in the language chosen, without reloading the page', async () => {
    const { page, context } = await open('/', { viewport: { width: 1280, height: 900 } })
    await page.selectOption('#locale', 'he')
    await page.waitForFunction(() => [...document.querySelectorAll('img[data-thumb]')].every((i) => i.src.endsWith('&locale=he') && i.complete && i.naturalWidth > 0))
    await context.close()
  })
})
