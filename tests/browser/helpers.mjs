// What the browser tests share: Chromium launched the way this machine needs, the worker
// started on a fresh database, and the measurement of drawn text.
import assert from 'node:assert/strict'
import { after, before } from 'node:test'
import { inflateSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, startServer } from '../../scripts/dev-server.mjs'

export const SLUG = 'gaza-2025-05-06'

/**
 * Starts the worker (with `serverOptions`, see startServer) and Chromium before the file's
 * tests, then runs `setup` (in the same hook, so it can rely on both), and stops both after.
 */
export function useBrowser(setup = async () => {}, serverOptions = {}) {
  const ctx = {}
  before(async () => {
    ctx.server = await startServer(serverOptions)
    ctx.browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
    await setup(ctx)
  })
  after(async () => {
    await ctx.browser?.close()
    await ctx.server?.stop()
  })
  return ctx
}

/**
 * Runs in the page: each text element's drawn box, with its vertical extent taken as the
 * band from cap height to baseline so that stacked lines, whose ascender and descender
 * boxes touch by design, do not count as overlapping. `family`, when given, replaces every
 * Noto family in the widget's styles first (a browser without Noto).
 */
export function measureTextBoxes(family) {
  if (family) {
    const style = document.querySelector('style')
    style.textContent = style.textContent.replace(/'Noto Sans(?: Arabic| Hebrew)?'/g, `'${family}'`)
  }
  const svg = document.documentElement
  const width = Number(svg.getAttribute('width'))
  const height = Number(svg.getAttribute('height'))
  const boxes = [...svg.querySelectorAll('text')]
    .filter((t) => !t.classList.contains('mark-num') && t.textContent.replace(/[\u2066-\u2069]/g, '').trim())
    .map((t) => {
      const b = t.getBBox()
      const size = Number(t.getAttribute('font-size'))
      const baseline = Number(t.getAttribute('y'))
      return { text: t.textContent, left: b.x, right: b.x + b.width, top: baseline - 0.7 * size, bottom: baseline + 0.1 * size }
    })
  return { width, height, boxes }
}

/** Every box inside the picture, and no two overlapping. */
export function assertInsideAndApart({ width, height, boxes }) {
  for (const b of boxes) {
    assert.ok(b.left >= -0.5 && b.right <= width + 0.5, `"${b.text}" runs outside the SVG (${b.left.toFixed(1)}..${b.right.toFixed(1)} of ${width})`)
    assert.ok(b.bottom <= height, `"${b.text}" is below the bottom edge`)
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]
      const b = boxes[j]
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left)
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
      assert.ok(!(across > 1 && down > 1), `"${a.text}" overlaps "${b.text}"`)
    }
  }
}

/**
 * Pixels of a PNG screenshot (8-bit RGB or RGBA, not interlaced), read with node:zlib: the
 * mean brightness of a region says which theme it was drawn in.
 */
export function screenshotPixels(png) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  const channels = png[25] === 6 ? 4 : 3
  const idat = []
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at)
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const out = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]
      const a = i >= channels ? out[y * stride + i - channels] : 0
      const b = y ? out[(y - 1) * stride + i] : 0
      const c = y && i >= channels ? out[(y - 1) * stride + i - channels] : 0
      const p = a + b - c
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c
      out[y * stride + i] = (x + [0, a, b, (a + b) >> 1, paeth][filter]) & 255
    }
  }
  let sum = 0
  for (let i = 0; i < out.length; i += channels) sum += (out[i] + out[i + 1] + out[i + 2]) / 3
  return { width, height, channels, pixels: out, meanBrightness: sum / (width * height) }
}
