// Markup shared by every widget: the standalone SVG document (CONTRACT.md "Every widget":
// role="img", <title> and <desc> linked by aria-labelledby, no script, nothing external)
// and the text lines the layouts place. Markup is written as template strings, every
// string from data passing through escapeXml; numbers and class names come from layout
// code. (hono/jsx did the same at about four times the cost per widget: npm run bench.)
import type { Direction } from './locale'
import type { LineStyle, TextLine } from './text-block'
import { type Theme, themeStyle } from './theme'

export interface Frame {
  /** Prefix of element ids, so that several widgets can be inlined in one page. */
  id: string
  width: number
  height: number
  theme: Theme
  lang: string
  dir: Direction
  title: string
  /** What the picture shows, one sentence per figure, event or statement: the <desc>, alt text and screen-reader list. */
  sentences: readonly string[]
  /** Set for preset=card: the region of the layout shown, and the size it is shown at. */
  view?: { x: number; y: number; width: number; height: number }
  outer?: { width: number; height: number }
}

const SPECIAL = /[&<>"']/
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text and attribute values from data, safe inside XML and HTML. */
export function escapeXml(s: string): string {
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (ch) => ENTITIES[ch]) : s
}

// Widgets share their sentences arrays between layouts (common.ts perStory), so the escaped
// <desc>, a few kilobytes for the statement grid, is made once per array.
const descriptions = new WeakMap<readonly string[], string>()
function description(sentences: readonly string[]): string {
  let d = descriptions.get(sentences)
  if (d === undefined) descriptions.set(sentences, (d = escapeXml(sentences.join(' '))))
  return d
}

/**
 * The <svg> element as one flat string, to inline in HTML or to serve after XML_DECLARATION.
 * `body` holds the elements in drawing order; they are joined once, because a string grown
 * by `+=` element by element is a tree of pieces that must be copied again before it is sent.
 */
export function svgDocument(f: Frame, body: string[]): string {
  const view = f.view ?? { x: 0, y: 0, width: f.width, height: f.height }
  body.unshift(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f.outer?.width ?? f.width}" height="${f.outer?.height ?? f.height}" ` +
    `viewBox="${view.x} ${view.y} ${view.width} ${view.height}" role="img" aria-labelledby="${f.id}-title ${f.id}-desc" lang="${escapeXml(f.lang)}" data-dir="${f.dir}">` +
    `<title id="${f.id}-title">${escapeXml(f.title)}</title><desc id="${f.id}-desc">${description(f.sentences)}</desc>` +
    `<style>${themeStyle(f.theme)}</style>` +
    `<rect class="bg" x="${view.x}" y="${view.y}" width="${view.width}" height="${view.height}"/>`,
  )
  body.push('</svg>')
  return body.join('')
}

const RLI = '\u2067'
const LRI = '\u2066'
const PDI = '\u2069'

/** The attributes a line style sets, closing its <text> tag and opening its isolate. */
function styleAttributes(s: LineStyle): string {
  return (
    `" font-size="${s.size}"${s.bold ? ' font-weight="700"' : ''} class="${s.script ? `${s.role} ${s.script}` : s.role}"` +
    `${s.anchor === 'start' ? '' : ` text-anchor="${s.anchor}"`}${s.lang ? ` lang="${escapeXml(s.lang)}"` : ''}>${s.dir === 'rtl' ? RLI : LRI}`
  )
}

// Made once per interned style and isolate: a widget has a dozen styles and a hundred lines.
const attributesById: string[] = []
function attributes(s: LineStyle): string {
  if (s.id < 0) return styleAttributes(s)
  return (attributesById[s.id] ??= styleAttributes(s))
}

/** A line's words, escaped, in an isolate of its direction so that bidi reordering stays inside. */
export function isolatedText(l: TextLine): string {
  return `${l.style.dir === 'rtl' ? RLI : LRI}${escapeXml(l.text)}${PDI}`
}

function textLine(l: TextLine): string {
  return `<text x="${num(l.x)}" y="${num(l.y)}${attributes(l.style)}${l.plain ? l.text : escapeXml(l.text)}${PDI}</text>`
}

/** Appends a <text> element per line to `body`. */
export function textLines(lines: TextLine[], body: string[]): string[] {
  for (const line of lines) body.push(textLine(line))
  return body
}

/**
 * A coordinate as markup, rounded to 0.1 px as layouts round them. A widget writes hundreds
 * of coordinates and V8 converts doubles to strings several times slower than integers, so
 * they are written from whole tenths, and those from 0 to 6553.5 px are kept once made.
 */
export function num(n: number): string {
  const tenths = Math.round(n * 10)
  if (tenths >= 0 && tenths < MAX_CACHED) return (numerals ??= new Array<string>(MAX_CACHED))[tenths] ??= numeral(tenths)
  return numeral(tenths)
}

// In an array made on first use: 65,536 slots, 256 KB.
const MAX_CACHED = 65536
let numerals: string[] | undefined

function numeral(tenths: number): string {
  const whole = (tenths / 10) | 0
  const tenth = Math.abs(tenths - whole * 10)
  if (tenth === 0) return `${whole}`
  return tenths < 0 && whole === 0 ? `-0.${tenth}` : `${whole}.${tenth}`
}

/** What a standalone .svg file starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
