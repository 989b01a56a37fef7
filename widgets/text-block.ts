// Placing wrapped text: the layout stage decides lines, baselines, anchors and bidi here,
// so markup only copies numbers. resvg (the PNG step) ignores `direction`, so right-to-left
// text is anchored at its right edge with text-anchor="end" and wrapped in a Unicode
// isolate (RLI … PDI), which Chromium and resvg reorder alike.
import type { Direction } from './locale'
import type { ColorRole } from './theme'
import { type FontWeight, type Script, wrapText } from './text-measure'

export interface TextLine {
  x: number
  y: number
  text: string
  anchor: 'start' | 'end' | 'middle'
  size: number
  bold: boolean
  role: ColorRole
  /** Set where the text's language differs from the widget's (an English quote in `ar`). */
  lang?: string
  /** The script whose font is named first for this line, and whose widths measured it. */
  script?: Script
}

export interface TextStyle {
  size: number
  weight?: FontWeight
  role: ColorRole
  /** Line height as a multiple of the size. */
  leading?: number
  dir: Direction
  lang?: string
  /** Script of the words; leave unset for text in the Latin font stack (English quotes). */
  script?: Script
}

export interface PlacedText {
  lines: TextLine[]
  height: number
}

const RLI = '\u2067'
const LRI = '\u2066'
const PDI = '\u2069'

/** Where the first baseline sits below the top of a line box, as a share of the size. */
const ASCENT = 1.0

/** Wraps `text` to `width` and sets it at `top`, starting at the left edge for ltr and the right for rtl. */
export function placeText(text: string, x: number, top: number, width: number, style: TextStyle): PlacedText {
  const weight = style.weight ?? 'regular'
  const leading = style.leading ?? 1.35
  const wrapped = wrapText(text, width, style.size, weight, style.script)
  const rtl = style.dir === 'rtl'
  const lines = wrapped.map((line, i) => ({
    x: round(rtl ? x + width : x),
    y: round(top + style.size * ASCENT + i * style.size * leading),
    text: rtl ? RLI + line + PDI : LRI + line + PDI,
    anchor: rtl ? ('end' as const) : ('start' as const),
    size: style.size,
    bold: weight === 'bold',
    role: style.role,
    ...(style.lang ? { lang: style.lang } : {}),
    ...(style.script ? { script: style.script } : {}),
  }))
  return { lines, height: round(wrapped.length * style.size * leading) }
}

/** One unwrapped line anchored as asked; the caller has measured it. */
export function placeLine(text: string, x: number, baseline: number, anchor: TextLine['anchor'], style: TextStyle): TextLine {
  const isolate = style.dir === 'rtl' ? RLI : LRI
  return {
    x: round(x), y: round(baseline), text: isolate + text + PDI, anchor, size: style.size,
    bold: style.weight === 'bold', role: style.role, ...(style.lang ? { lang: style.lang } : {}),
    ...(style.script ? { script: style.script } : {}),
  }
}

/** Coordinates are rounded to 0.1 px: finer is invisible and only bloats the SVG. */
export function round(n: number): number {
  return Math.round(n * 10) / 10
}
