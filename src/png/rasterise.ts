// SVG → PNG inside the worker with resvg (WebAssembly), initialised once per isolate, with
// the subset Noto fonts the layout was measured with (Workers have no system fonts).
// resvg ignores `direction`; the layout anchors right-to-left text itself (text-block.ts).
import { Resvg, initWasm } from '@resvg/resvg-wasm'
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm'
import arabicBold from './fonts/NotoSansArabic_700Bold.ttf'
import arabicRegular from './fonts/NotoSansArabic_400Regular.ttf'
import hebrewBold from './fonts/NotoSansHebrew_700Bold.ttf'
import hebrewRegular from './fonts/NotoSansHebrew_400Regular.ttf'
import latinBold from './fonts/NotoSans_700Bold.ttf'
import latinRegular from './fonts/NotoSans_400Regular.ttf'

let ready: Promise<void> | undefined
const fontBuffers = [latinRegular, latinBold, arabicRegular, arabicBold, hebrewRegular, hebrewBold].map((b) => new Uint8Array(b))

/** PNG bytes of `svg` at `scale` device pixels per CSS pixel. */
export async function rasterise(svg: string, scale: number): Promise<Uint8Array> {
  ready ??= initWasm(resvgWasm)
  await ready
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontBuffers, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
    textRendering: 2,
  })
  try {
    const image = resvg.render()
    try {
      return image.asPng()
    } finally {
      image.free()
    }
  } finally {
    resvg.free()
  }
}
