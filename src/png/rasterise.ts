// SVG → PNG inside the worker with resvg (WebAssembly), initialised once per isolate, with
// the subset Noto fonts the layout was measured with (Workers have no system fonts).
// resvg ignores `direction`; the layout anchors right-to-left text itself (text-block.ts).
//
// The picture is drawn in horizontal bands and the PNG written as they come (issue #15), so
// that memory holds one band's pixels, not the picture's: a 300-dpi print column (width
// 1600 at scale 3) is 4800 pixels wide and thousands tall. The SVG is parsed once; each
// band is the same tree with its view box cropped to the band (resvg's cropByBBox), rendered
// with a margin above and below that is thrown away, since a shape cut by the band's edge
// is anti-aliased differently there. Bands start on whole multiples of BAND_STEP_CSS_PX,
// which keeps the band's offset exact in floating point: the rows then match a one-piece
// render byte for byte down to 2048 device pixels. Further down, where the one-piece render
// itself holds coordinates to 1/4096 px only, about one pixel in a million differs (README).
// resvg's `crop` option would also cut a band, but it renders the whole picture first.
import { Resvg, initWasm } from '@resvg/resvg-wasm'
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm'
import arabicBold from './fonts/NotoSansArabic_700Bold.ttf'
import arabicRegular from './fonts/NotoSansArabic_400Regular.ttf'
import hebrewBold from './fonts/NotoSansHebrew_700Bold.ttf'
import hebrewRegular from './fonts/NotoSansHebrew_400Regular.ttf'
import latinBold from './fonts/NotoSans_700Bold.ttf'
import latinRegular from './fonts/NotoSans_400Regular.ttf'
import { IEND, chunk, pngHeader } from './encode'

let ready: Promise<void> | undefined
const latin = [latinRegular, latinBold].map((b) => new Uint8Array(b))
const arabic = [arabicRegular, arabicBold].map((b) => new Uint8Array(b))
const hebrew = [hebrewRegular, hebrewBold].map((b) => new Uint8Array(b))

/** Bands start on multiples of this many CSS pixels: their offset is then exact in floating point. */
export const BAND_STEP_CSS_PX = 64
/** Device pixels of one band, margins included: 8 MB of RGBA in resvg and 8 MB copied out. */
export const BAND_PIXELS = 2_000_000
/**
 * Drawn above and below each band and discarded, since a shape the band's edge cuts is
 * anti-aliased differently near the cut; 8 px was enough for Latin text, Arabic needed 32.
 */
const MARGIN_CSS_PX = 32
/** Deflated bytes gathered into one IDAT chunk: fewer chunks, each with its CRC. */
const IDAT_BYTES = 64 * 1024

export interface Png {
  width: number
  height: number
  /** The PNG file, written band by band as it is read. */
  body: ReadableStream<Uint8Array<ArrayBuffer>>
}

/**
 * resvg parses every font it is given for every picture: a script's fonts are given only to
 * pictures with a letter of that script (a fifth of an English PNG's first drawing, issue #15).
 */
export function fontsFor(svg: string): Uint8Array[] {
  const fonts = [...latin]
  if (/[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/.test(svg)) fonts.push(...arabic)
  if (/[\u0590-\u05ff\ufb1d-\ufb4f]/.test(svg)) fonts.push(...hebrew)
  return fonts
}

function options(svg: string) {
  return {
    font: { fontBuffers: fontsFor(svg), defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
    textRendering: 2 as const,
  }
}

/** Where the SVG draws: its size in CSS pixels and its root viewBox (widgets/svg.ts Frame). */
export interface Picture {
  width: number
  height: number
  view: { x: number; y: number; width: number; height: number }
}

/**
 * The PNG of `svg`, which draws `picture`, at `scale` device pixels per CSS pixel. The body
 * is produced as it is read, a band at a time, and errors if drawing fails.
 */
export async function rasterise(svg: string, picture: Picture, scale: number, bandPixels = BAND_PIXELS): Promise<Png> {
  ready ??= initWasm(resvgWasm)
  await ready
  const width = Math.round(picture.width * scale)
  const height = Math.round(picture.height * scale)
  // A band is a slice of the viewBox, in its own units; fitting every band to the PNG's
  // width gives each the same scale (for widgets the viewBox is the picture, and the scale
  // is `scale` itself; a social card's viewBox frames the widget).
  const resvg = new Resvg(svg, { ...options(svg), fitTo: { mode: 'width', value: width } })
  const unit = picture.view.height / picture.height
  const stride = width * 4
  // As many CSS rows as the band's pixels allow, in whole steps: a widget PNG for a page is
  // usually one band, a print one several.
  const bandRows = bandPixels / width / scale - 2 * MARGIN_CSS_PX
  const bandCssPx = Math.max(BAND_STEP_CSS_PX, Math.floor(bandRows / BAND_STEP_CSS_PX) * BAND_STEP_CSS_PX)

  const deflate = new CompressionStream('deflate')
  const writer = deflate.writable.getWriter()
  const reader = deflate.readable.getReader()

  // Renders band after band into the compressor, each row behind its filter byte (0: none).
  // writer.ready waits while the compressor holds unread output, so no more than a band or
  // two is ever in memory however slowly the PNG is read.
  const draw = async () => {
    // One band is the picture as it is: no box to compute, nothing to crop.
    const whole = bandCssPx >= picture.height
    const box = whole ? undefined : resvg.getBBox()
    let raw: Uint8Array | undefined
    try {
      if (!whole && !box) throw new Error('resvg found nothing to draw')
      for (let top = 0; top < picture.height; top += bandCssPx) {
        const bottom = Math.min(picture.height, top + bandCssPx)
        const from = Math.max(0, top - MARGIN_CSS_PX)
        const to = Math.min(picture.height, bottom + MARGIN_CSS_PX)
        if (box) {
          box.x = picture.view.x
          box.y = picture.view.y + from * unit
          box.width = picture.view.width
          box.height = (to - from) * unit
          resvg.cropByBBox(box)
        }
        const image = resvg.render()
        let pixels: Uint8Array
        let drawnRows: number
        try {
          if (image.width !== width) throw new Error(`resvg drew a band ${image.width} px wide, not ${width}`)
          pixels = image.pixels
          drawnRows = image.height
        } finally {
          image.free()
        }
        const skip = Math.round((top - from) * scale)
        const rows = Math.round(bottom * scale) - Math.round(top * scale)
        // One buffer of rows behind their filter bytes (0) serves every band: a write is
        // done with its chunk once it resolves, and a buffer per band would leave one more
        // band of garbage behind each band for the collector.
        raw ??= new Uint8Array((stride + 1) * (Math.ceil(Math.min(bandCssPx, picture.height) * scale) + 1))
        const band = raw.subarray(0, (stride + 1) * rows)
        // A band whose height is not whole device pixels may come out a row short: the
        // last row drawn stands in (only a social card's viewBox can do this).
        for (let r = 0; r < rows; r++) {
          const source = Math.min(skip + r, drawnRows - 1)
          band.set(pixels.subarray(source * stride, (source + 1) * stride), r * (stride + 1) + 1)
        }
        await writer.ready
        await writer.write(band)
      }
      await writer.close()
    } catch (err) {
      await writer.abort(err).catch(() => {})
      throw err
    } finally {
      box?.free()
      resvg.free()
    }
  }
  const drawn = draw()
  // Whatever happens to the drawing is reported by the stream's reads, not here.
  drawn.catch(() => {})

  let pending: Uint8Array[] = []
  let pendingBytes = 0
  const idat = () => {
    const data = new Uint8Array(pendingBytes)
    let at = 0
    for (const part of pending) {
      data.set(part, at)
      at += part.length
    }
    pending = []
    pendingBytes = 0
    return chunk('IDAT', data)
  }
  const body = new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      start(controller) {
        controller.enqueue(pngHeader(width, height))
      },
      async pull(controller) {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) {
            await drawn
            if (pendingBytes) controller.enqueue(idat())
            controller.enqueue(IEND())
            controller.close()
            return
          }
          pending.push(value)
          pendingBytes += value.length
          if (pendingBytes >= IDAT_BYTES) {
            controller.enqueue(idat())
            return
          }
        }
      },
      cancel(reason) {
        return reader.cancel(reason)
      },
    },
    { highWaterMark: 0 },
  )
  return { width, height, body }
}

/** The whole PNG as bytes, for what keeps it (the isolate's cache, the Cache API, tests). */
export async function rasteriseBytes(svg: string, picture: Picture, scale: number, bandPixels = BAND_PIXELS): Promise<Uint8Array<ArrayBuffer>> {
  const png = await rasterise(svg, picture, scale, bandPixels)
  return new Uint8Array(await new Response(png.body).arrayBuffer())
}
