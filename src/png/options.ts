// What a PNG may be asked for: each widget's options plus `scale`, and the size limits, apart
// from the drawing code so that the OpenAPI document (src/documents/) can be built from
// them without the WebAssembly.
import { widgets } from '../../widgets/index'
import { type OptionSpecs, integer, lazySchema, optionsSchema, withDefault } from '../../widgets/options'

/**
 * The tallest PNG drawn, in device pixels. Bands keep memory flat at any height (a 4800 px
 * wide band is 2 million pixels), so the limits are about the time drawing takes and what image tools
 * open: 16384 px is where several stop.
 */
export const MAX_PNG_HEIGHT = 16384
/** At most this many pixels: a 1600 × 3 print column 10,000 px tall, a few seconds of CPU. */
export const MAX_PNG_PIXELS = 48_000_000
/** PNG takes the widget's options plus `scale`: device pixels per CSS pixel. */
const scaleOption = withDefault(
  integer(1, 3, { integer: 'must be 1, 2 or 3', min: 'must be 1, 2 or 3', max: 'must be 1, 2 or 3' }, `Device pixels per CSS pixel: 2 for sharp images on high-density screens, 3 for print at 300 dpi. A PNG is at most ${MAX_PNG_HEIGHT} px tall and ${MAX_PNG_PIXELS / 1e6} million pixels`),
  1,
)
export const pngOptionSpecs: Record<string, OptionSpecs> = Object.fromEntries(Object.values(widgets).map((w) => [w.id, { ...w.optionSpecs, scale: scaleOption }]))
export const pngOptions = Object.fromEntries(Object.values(widgets).map((w) => [w.id, lazySchema(() => optionsSchema(pngOptionSpecs[w.id]))]))
