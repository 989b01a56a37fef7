// Placing wrapped text: the layout stage decides lines, baselines, anchors and bidi here,
// so markup only copies numbers. resvg (the PNG step) ignores `direction`, so right-to-left
// text is anchored at its right edge with text-anchor="end"; the markup (svg.ts) wraps each
// line in a Unicode isolate (RLI … PDI), which Chromium and resvg reorder alike.
import type { Direction } from './locale'
import type { ColorRole } from './theme'
import { type FontWeight, type Script, wrap } from './text-measure'

export type Anchor = 'start' | 'end' | 'middle'

/**
 * How a line is set. Every paragraph's lines share one, and equal styles are one object with
 * a number, so that markup (svg.ts) writes each style's attributes once per isolate instead
 * of once per line.
 */
export interface LineStyle {
  /** Index into the interned styles; -1 for the rare style past the table's bounds. */
  readonly id: number
  readonly size: number
  readonly bold: boolean
  readonly role: ColorRole
  readonly anchor: Anchor
  /** The line's direction: markup wraps its words in a bidi isolate of it. */
  readonly dir: Direction
  /** Set where the text's language differs from the widget's (an English quote in `ar`). */
  readonly lang: string | undefined
  /** The script whose font is named first for this line, and whose widths measured it. */
  readonly script: Script | undefined
}

export interface TextLine {
  x: number
  y: number
  /** The words as wrapped. */
  text: string
  /** No & < > " or ' in `text`: markup copies it without escaping. */
  plain: boolean
  style: LineStyle
}

// Interning by a number made of the style's fields: size in tenths of a pixel (12 bits),
// weight, role, anchor, direction, script and the language's own small number.
const ROLES: Record<ColorRole, number> = { bg: 0, fg: 1, muted: 2, bar: 3, rule: 4, card: 5, cardLine: 6 }
const ANCHORS: Record<Anchor, number> = { start: 0, end: 1, middle: 2 }
const MAX_STYLES = 4096
const interned = new Map<number, LineStyle>()
const languages = new Map<string, number>()

function lineStyle(size: number, bold: boolean, role: ColorRole, anchor: Anchor, dir: Direction, lang: string | undefined, script: Script | undefined): LineStyle {
  const tenths = Math.round(size * 10)
  let language = 0
  if (lang !== undefined) {
    language = languages.get(lang) ?? 0
    if (!language && languages.size < 255) languages.set(lang, (language = languages.size + 1))
  }
  if (tenths !== size * 10 || tenths >= 4096 || (lang !== undefined && !language)) return { id: -1, size, bold, role, anchor, dir, lang, script }
  const key = tenths + (bold ? 1 << 12 : 0) + (ROLES[role] << 13) + (ANCHORS[anchor] << 16) + (dir === 'rtl' ? 1 << 18 : 0) +
    (script === 'arabic' ? 1 << 19 : script === 'hebrew' ? 2 << 19 : 0) + (language << 21)
  let style = interned.get(key)
  if (!style) {
    style = { id: interned.size < MAX_STYLES ? interned.size : -1, size, bold, role, anchor, dir, lang, script }
    if (style.id >= 0) interned.set(key, style)
  }
  return style
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

const ISOLATES = /[\u2066-\u2069]/

/**
 * Lines of a paragraph in which a bidi isolate (FSI, LRI, RLI … PDI) opened on one line and
 * closed on a later one: each line closes what is still open at its end and opens it again
 * at the next line's start. Every line is drawn in its own isolate (svg.ts), so without this
 * the rest of an English note wrapped inside an Arabic sentence reads right to left on its
 * second line ("independently." drawn as ".independently").
 */
function balanceIsolates(lines: string[]): string[] {
  const open: string[] = []
  return lines.map((line) => {
    const reopened = open.join('')
    for (const ch of line) {
      if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') open.push(ch)
      else if (ch === '\u2069') open.pop()
    }
    return reopened + line + '\u2069'.repeat(open.length)
  })
}

/** Wraps `text` to `width` and sets it at `top`, starting at the left edge for ltr and the right for rtl. */
export function placeText(text: string, x: number, top: number, width: number, style: TextStyle): PlacedText {
  const weight = style.weight ?? 'regular'
  const step = style.size * (style.leading ?? 1.35)
  const measured = wrap(text, width, style.size, weight, style.script)
  const plain = measured.plain
  const wrapped = measured.lines.length > 1 && ISOLATES.test(text) ? balanceIsolates(measured.lines) : measured.lines
  const rtl = style.dir === 'rtl'
  const set = lineStyle(style.size, weight === 'bold', style.role, rtl ? 'end' : 'start', style.dir, style.lang, style.script)
  const lineX = round(rtl ? x + width : x)
  const baseline = top + style.size * ASCENT
  const lines: TextLine[] = new Array(wrapped.length)
  for (let i = 0; i < wrapped.length; i++) lines[i] = { x: lineX, y: round(baseline + i * step), text: wrapped[i], plain, style: set }
  return { lines, height: round(wrapped.length * step) }
}

/** Appends a placed paragraph's lines to a layout's; returns its height, for what comes under it. */
export function appendLines(lines: TextLine[], placed: PlacedText): number {
  for (const line of placed.lines) lines.push(line)
  return placed.height
}

/** One unwrapped line anchored as asked; the caller has measured it. */
export function placeLine(text: string, x: number, baseline: number, anchor: Anchor, style: TextStyle): TextLine {
  const set = lineStyle(style.size, style.weight === 'bold', style.role, anchor, style.dir, style.lang, style.script)
  return { x: round(x), y: round(baseline), text, plain: !/[&<>"']/.test(text), style: set }
}

/** Coordinates are rounded to 0.1 px: finer is invisible and only bloats the SVG. */
export function round(n: number): number {
  return Math.round(n * 10) / 10
}
