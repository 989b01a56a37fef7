// Placing wrapped text: the layout stage decides lines, baselines, anchors and bidi here,
// so markup only copies numbers. resvg (the PNG step) ignores `direction`, so right-to-left
// text is anchored at its right edge with text-anchor="end"; the markup (svg.ts) wraps each
// line in a Unicode isolate (RLI … PDI), which Chromium and resvg reorder alike.
import type { Direction } from './locale'
import type { ColorRole } from './theme'
import { type FontWeight, type Script, wrapText } from './text-measure'

export interface TextLine {
  x: number
  y: number
  /** The words as wrapped; markup wraps them in a bidi isolate of the line's direction. */
  text: string
  dir: Direction
  anchor: 'start' | 'end' | 'middle'
  size: number
  bold: boolean
  role: ColorRole
  /** Set where the text's language differs from the widget's (an English quote in `ar`). */
  lang: string | undefined
  /** The script whose font is named first for this line, and whose widths measured it. */
  script: Script | undefined
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

/** Where the first baseline sits below the top of a line box, as a share of the size. */
const ASCENT = 1.0

/** Wraps `text` to `width` and sets it at `top`, starting at the left edge for ltr and the right for rtl. */
export function placeText(text: string, x: number, top: number, width: number, style: TextStyle): PlacedText {
  const weight = style.weight ?? 'regular'
  const step = style.size * (style.leading ?? 1.35)
  const wrapped = wrapText(text, width, style.size, weight, style.script)
  const rtl = style.dir === 'rtl'
  const lineX = round(rtl ? x + width : x)
  const baseline = top + style.size * ASCENT
  const lines: TextLine[] = new Array(wrapped.length)
  for (let i = 0; i < wrapped.length; i++) {
    lines[i] = line(wrapped[i], lineX, round(baseline + i * step), rtl ? 'end' : 'start', style, weight)
  }
  return { lines, height: round(wrapped.length * step) }
}

/** One unwrapped line anchored as asked; the caller has measured it. */
export function placeLine(text: string, x: number, baseline: number, anchor: TextLine['anchor'], style: TextStyle): TextLine {
  return line(text, round(x), round(baseline), anchor, style, style.weight ?? 'regular')
}

// Every line is made here, with every field set, so that all lines share one shape.
function line(text: string, x: number, y: number, anchor: TextLine['anchor'], style: TextStyle, weight: FontWeight): TextLine {
  return { x, y, text, dir: style.dir, anchor, size: style.size, bold: weight === 'bold', role: style.role, lang: style.lang, script: style.script }
}

/** Coordinates are rounded to 0.1 px: finer is invisible and only bloats the SVG. */
export function round(n: number): number {
  return Math.round(n * 10) / 10
}
