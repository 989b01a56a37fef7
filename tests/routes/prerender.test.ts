// Issue #15: a new version's card and default PNGs are drawn while it is published (in the
// PUT's waitUntil), so that no reader of the new version waits for resvg.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { forgetRendered } from '../../src/http/render-cache'
import { widgets } from '../../widgets/index'
import { optionDefaults } from '../../widgets/options'
import strike from '../fixtures/stories/port-strike.json'
import { SLUG } from '../fixtures'
import { get } from '../http'
import { decodePng } from '../png-decode'

async function request(req: Request): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(req, env, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

async function publish(note: string) {
  const current = await get(`/api/stories/${SLUG}`)
  const story = await current.json()
  const ctx = createExecutionContext()
  const res = await app.fetch(
    new Request(`http://factbox.test/api/stories/${SLUG}`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag')! },
      body: JSON.stringify({ ...(story as object), note }),
    }),
    env,
    ctx,
  )
  expect(res.status).toBe(200)
  await waitOnExecutionContext(ctx)
  return (await res.json()) as { version: number }
}

/** The PNG kept in the location's Cache API for a URL, found by the ETag the route sends. */
async function keptFor(path: string): Promise<Uint8Array | undefined> {
  const etag = (await get(path, { 'If-None-Match': '*' })).headers.get('ETag')!
  const hit = await (await caches.open('factbox-png')).match(`https://png.factbox.internal/${etag.replace(/"/g, '')}`)
  return hit ? new Uint8Array(await hit.arrayBuffer()) : undefined
}

describe('publishing a version', () => {
  it('has drawn every widget’s card, default PNG and the PNG its embed codes link (scale 2) by the time the publish is done', async () => {
    const { version } = await publish('Publishing draws the cards')
    expect(version).toBe(2)
    // Another isolate of the location: nothing in memory, only the Cache API.
    forgetRendered()
    for (const id of Object.keys(widgets)) {
      const card = await keptFor(`/widgets/${SLUG}/${id}.png?preset=card`)
      expect(card, `${id} card`).toBeDefined()
      expect((await decodePng(card!)).width).toBe(1200)
      const plain = await keptFor(`/widgets/${SLUG}/${id}.png`)
      expect(plain, `${id} PNG`).toBeDefined()
      // The PNG the embed codes link: scale 2, for high-density screens.
      const linked = new URL(/src="([^"]+)"/.exec((await (await get(`/api/embed-codes?story=${SLUG}&widget=${id}`)).json() as { png: string }).png)![1].replace(/&amp;/g, '&'))
      expect(linked.searchParams.get('scale')).toBe('2')
      const sharp = await keptFor(linked.pathname + linked.search)
      expect(sharp, `${id} PNG the embed codes link`).toBeDefined()
      expect((await decodePng(sharp!)).width).toBe(2 * (await decodePng(plain!)).width)
      // What a reader then gets is that PNG, for the version just published.
      const res = await get(`/widgets/${SLUG}/${id}.png?preset=card`)
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(card)
    }
    // Other options are not drawn ahead: only what embed pages and codes link by default.
    expect(await keptFor(`/widgets/${SLUG}/toll-counter.png?preset=card&locale=ar`)).toBeUndefined()
  })

  it('draws a story created through POST, only the widgets it has', async () => {
    // The port strike without its duration: it has no duration widget.
    const { duration: _d, ...rest } = structuredClone(strike) as any
    const body = { ...rest, slug: 'strike-no-duration', events: rest.events, note: 'First version' }
    const res = await request(
      new Request('http://factbox.test/api/stories', {
        method: 'POST',
        headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    )
    expect(res.status).toBe(201)
    forgetRendered()
    for (const id of ['toll-counter', 'statement-grid']) {
      expect(await keptFor(`/widgets/strike-no-duration/${id}.png?preset=card`), `${id} card`).toBeDefined()
      expect(await keptFor(`/widgets/strike-no-duration/${id}.png`), `${id} PNG`).toBeDefined()
    }
    expect((await get('/widgets/strike-no-duration/blockade-duration.png')).status).toBe(404)
  })

  it('writes them to Workers KV too, where an isolate of another location takes them instead of drawing', async () => {
    const { version } = await publish('Publishing writes the cards everywhere')
    const path = `/widgets/${SLUG}/toll-counter.png?preset=card`
    const etag = (await get(path, { 'If-None-Match': '*' })).headers.get('ETag')!.replace(/"/g, '')
    const kv = env.PUBLISHED_PNGS
    const stored = await kv.get(`png/${etag}`, 'arrayBuffer')
    expect(stored, `card of version ${version} in KV`).not.toBeNull()
    expect((await decodePng(new Uint8Array(stored!))).width).toBe(1200)
    // Another location: nothing in this isolate, nothing in its Cache API. What it serves is
    // what KV holds (here a marker in its place, so that a drawing would show).
    const marker = new Uint8Array(stored!).slice(0, 64)
    await kv.put(`png/${etag}`, marker)
    forgetRendered()
    await (await caches.open('factbox-png')).delete(`https://png.factbox.internal/${etag}`)
    const res = await get(path)
    expect(res.status).toBe(200)
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(marker)
    // A reader's PNG that publishing did not draw is drawn and kept, but not written to KV.
    const other = `/widgets/${SLUG}/toll-counter.png?preset=card&locale=ar`
    const otherRes = await request(new Request(`http://factbox.test${other}`))
    expect(otherRes.status).toBe(200)
    const otherEtag = otherRes.headers.get('ETag')!.replace(/"/g, '')
    expect(await kv.get(`png/${otherEtag}`)).toBeNull()
  })

  it('lets a reader who had to draw a card or default PNG no publish drew (the bundled story’s) write it to KV, and no other', async () => {
    const kv = env.PUBLISHED_PNGS
    const etagOf = (res: Response) => res.headers.get('ETag')!.replace(/"/g, '')
    // Nothing was published: the bundled story is version 1 from the worker's own file.
    for (const [id, widget] of Object.entries(widgets)) {
      // Its default width asked for by name is the same PNG as the default.
      const width = optionDefaults(widget.optionSpecs).width
      for (const path of [`/widgets/${SLUG}/${id}.png`, `/widgets/${SLUG}/${id}.png?scale=2`, `/widgets/${SLUG}/${id}.png?preset=card`, `/widgets/${SLUG}/${id}.png?width=${width}`]) {
        const res = await request(new Request(`http://factbox.test${path}`))
        expect(res.status, path).toBe(200)
        const stored = await kv.get(`png/${etagOf(res)}`, 'arrayBuffer')
        expect(stored, `${path} in KV`).not.toBeNull()
        expect(new Uint8Array(stored!)).toEqual(new Uint8Array(await res.arrayBuffer()))
      }
    }
    // Other options, a scale or a pinned older layout are drawn and kept here, not written to KV.
    for (const path of [`/widgets/${SLUG}/toll-counter.png?width=601`, `/widgets/${SLUG}/toll-counter.png?scale=3`, `/widgets/${SLUG}/statement-grid.png?locale=he`]) {
      const res = await request(new Request(`http://factbox.test${path}`))
      expect(res.status, path).toBe(200)
      expect(await kv.get(`png/${etagOf(res)}`), `${path} in KV`).toBeNull()
    }
  })
})
