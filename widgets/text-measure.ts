// Text widths from the build-time table in font-metrics.ts (scripts/build-fonts.mjs):
// advances of Noto Sans / Noto Sans Arabic / Noto Sans Hebrew in 1/1000 em, Arabic letters
// per joining form. Kerning and ligatures are ignored, which errs wide for Latin; lam-alef
// ligatures come out a little wide too. Wrapping is greedy, word by word.
import { fontMetricsJson } from './font-metrics'

export type FontWeight = 'regular' | 'bold'
/** Lines in Arabic or Hebrew are set in that script's font first (theme.ts), measured alike. */
export type Script = 'arabic' | 'hebrew'
type WidthTable = Record<string, number>
type FormTable = Record<string, [number, number, number, number]>

interface FontMetrics {
  widths: Record<FontWeight, WidthTable>
  arabicForms: Record<FontWeight, FormTable>
  scriptWidths: Record<Script, Record<FontWeight, WidthTable>>
  joining: Record<string, 'D' | 'R'>
}

// The tables as typed arrays indexed by UTF-16 code unit below SIZE (Latin, Greek,
// Cyrillic, Hebrew, Arabic, punctuation, arrows), with a map for the few measured
// characters above. The measuring loop runs for every word of every widget and must not
// allocate. Each table is built the first time a line of its weight and script is
// measured, keeping them out of the isolate's start-up, and out of a first English
// response the Arabic and Hebrew ones (issue #15).
const SIZE = 0x2200
const UNKNOWN = 0xffff
const JOINS_BOTH = 2
const JOINS_RIGHT = 1

interface Widths {
  low: Uint16Array
  high: Map<number, number>
}

function widthTable(table: WidthTable, base?: Widths): Widths {
  const out = base ? { low: base.low.slice(), high: new Map(base.high) } : { low: new Uint16Array(SIZE).fill(UNKNOWN), high: new Map<number, number>() }
  for (const key in table) {
    const cp = +key
    if (cp < SIZE) out.low[cp] = table[key]
    else out.high.set(cp, table[key])
  }
  return out
}

let metrics: FontMetrics | undefined
const raw = () => (metrics ??= JSON.parse(fontMetricsJson) as FontMetrics)

const widthTables: Partial<Record<FontWeight, Widths>> = {}
const scriptTables: Record<Script, Partial<Record<FontWeight, Widths>>> = { arabic: {}, hebrew: {} }
const formTables: Partial<Record<FontWeight, Uint16Array>> = {}
let joiningTable: Uint8Array | undefined

function widthsFor(weight: FontWeight, script: Script | undefined): Widths {
  const latin = (widthTables[weight] ??= widthTable(raw().widths[weight]))
  if (!script) return latin
  return (scriptTables[script][weight] ??= widthTable(raw().scriptWidths[script][weight], latin))
}

/** Four widths per Arabic letter (isolated, initial, medial, final), at cp * 4. */
function formsFor(weight: FontWeight): Uint16Array {
  let out = formTables[weight]
  if (!out) {
    out = new Uint16Array(0x0700 * 4)
    const forms = raw().arabicForms[weight]
    for (const cp in forms) out.set(forms[cp], +cp * 4)
    formTables[weight] = out
  }
  return out
}

function joining(): Uint8Array {
  if (!joiningTable) {
    joiningTable = new Uint8Array(0x0700)
    const types = raw().joining
    for (const cp in types) joiningTable[+cp] = types[cp] === 'D' ? JOINS_BOTH : JOINS_RIGHT
  }
  return joiningTable
}

// Characters missing from the table: emoji and CJK are about an em wide; other scripts
// are given the width of a wide Latin letter so that they overflow nothing.
const WIDE_FALLBACK = 1000
const FALLBACK = 700

function isIgnorable(cu: number): boolean {
  // Zero-width spaces and joiners, bidi marks, embeddings and isolates, variation selectors.
  return (cu >= 0x200b && cu <= 0x200f) || (cu >= 0x202a && cu <= 0x202e) ||
    (cu >= 0x2060 && cu <= 0x2069) || (cu >= 0xfe00 && cu <= 0xfe0f) || cu === 0xfeff
}

function isTransparent(cu: number, table: Uint16Array): boolean {
  // Arabic marks (harakat) have no advance and do not break joining.
  return cu >= 0x0610 && cu <= 0x06ff && table[cu] === 0
}

/** Width in pixels of `text` set at `fontSize` px in the given weight, runs of white space as one. */
export function measureText(text: string, fontSize: number, weight: FontWeight = 'regular', script?: Script): number {
  return (measureWords(text, weight, script).total * fontSize) / 1000
}

/** Advance of text[start, end) in 1/1000 em, without slicing the string. */
function advance(text: string, start: number, end: number, weight: FontWeight, script?: Script): number {
  const { low: table, high } = widthsFor(weight, script)
  let total = 0
  for (let i = start; i < end; i++) {
    const cu = text.charCodeAt(i)
    if (cu >= 0xd800 && cu <= 0xdbff) {
      // A character outside the BMP (emoji, CJK extensions): one wide advance for the pair.
      total += WIDE_FALLBACK
      i++
      continue
    }
    if (cu >= 0x0600 && cu < 0x0700) {
      const joiningTable = joining()
      if (joiningTable[cu]) {
        total += formsFor(weight)[cu * 4 + arabicForm(text, i, table, joiningTable)]
        continue
      }
    }
    const w = cu < SIZE ? table[cu] : (high.get(cu) ?? UNKNOWN)
    if (w !== UNKNOWN) total += w
    else if (!isIgnorable(cu)) total += cu >= 0x2e80 ? WIDE_FALLBACK : FALLBACK
  }
  return total
}

function joiningOf(joiningTable: Uint8Array, cu: number): number {
  return cu >= 0x0600 && cu < 0x0700 ? joiningTable[cu] : 0
}

// 0 isolated, 1 initial, 2 medial, 3 final (Unicode Arabic joining, simplified to D and R).
function arabicForm(text: string, i: number, table: Uint16Array, joiningTable: Uint8Array): 0 | 1 | 2 | 3 {
  let p = i - 1
  while (p >= 0 && isTransparent(text.charCodeAt(p), table)) p--
  let n = i + 1
  while (n < text.length && isTransparent(text.charCodeAt(n), table)) n++
  const joinsPrevious = p >= 0 && joiningOf(joiningTable, text.charCodeAt(p)) === JOINS_BOTH
  const joinsNext = joiningTable[text.charCodeAt(i)] === JOINS_BOTH && n < text.length && joiningOf(joiningTable, text.charCodeAt(n)) !== 0
  if (joinsPrevious && joinsNext) return 2
  if (joinsPrevious) return 3
  if (joinsNext) return 1
  return 0
}

// Word advances per text, weight and script, in 1/1000 em and so the same at every size and
// width: what a browser keeps in its word shape cache. A widget sets the same strings on every
// request (a story's labels, quotes, the locale's chrome); each is measured once per isolate
// and wrapping is then a sum over numbers. Bounded by the characters kept: past
// MAX_MEASURED_CHARS (about 8 MB with the word tables) every map starts over.
interface Measured {
  /** The text with runs of breaking white space made one space, as it is wrapped. */
  text: string
  /** Where each space-separated word ends in `text`; the next starts one after. */
  ends: Uint32Array
  widths: Float64Array
  space: number
  total: number
  /** No & < > " or ': every line of the text goes into markup as it is. */
  plain: boolean
}

const MAX_MEASURED_CHARS = 1_000_000
let measuredChars = 0
// One map per weight and script, keyed by the text itself: a story's strings keep their hash,
// so a lookup neither copies nor rehashes them.
const measuredCache: Record<FontWeight, Record<Script | 'latin', Map<string, Measured>>> = {
  regular: { latin: new Map(), arabic: new Map(), hebrew: new Map() },
  bold: { latin: new Map(), arabic: new Map(), hebrew: new Map() },
}

function measureWords(text: string, weight: FontWeight, script: Script | undefined): Measured {
  const cache = measuredCache[weight][script ?? 'latin']
  let m = cache.get(text)
  if (m) return m
  // Lines are cut from the text itself, so runs of breaking white space become one space
  // first. No-break spaces hold "52 567" and "6 mai" together and are not touched.
  const clean = /[\t\n\r\u2028\u2029]| {2}|^ | $/.test(text) ? text.replace(/[ \t\n\r\u2028\u2029]+/g, ' ').trim() : text
  let count = 1
  for (let i = clean.indexOf(' '); i >= 0; i = clean.indexOf(' ', i + 1)) count++
  const ends = new Uint32Array(count)
  const widths = new Float64Array(count)
  const space = advance(' ', 0, 1, weight, script)
  let total = -space
  for (let w = 0, i = 0; w < count; w++) {
    let j = clean.indexOf(' ', i)
    if (j < 0) j = clean.length
    ends[w] = j
    widths[w] = advance(clean, i, j, weight, script)
    total += space + widths[w]
    i = j + 1
  }
  m = { text: clean, ends, widths, space, total: Math.max(0, total), plain: !/[&<>"']/.test(clean) }
  measuredChars += text.length + clean.length
  if (measuredChars > MAX_MEASURED_CHARS) {
    for (const byScript of Object.values(measuredCache)) for (const map of Object.values(byScript)) map.clear()
    measuredChars = text.length + clean.length
  }
  cache.set(text, m)
  return m
}

/** Greedy word wrap to `maxWidth` px; a word wider than a line is broken between characters. */
export function wrapText(text: string, maxWidth: number, fontSize: number, weight: FontWeight = 'regular', script?: Script): string[] {
  return wrap(text, maxWidth, fontSize, weight, script).lines
}

export interface Wrapped {
  lines: string[]
  /** Whether the lines need no escaping in markup (no & < > " or '). */
  plain: boolean
}

/** wrapText, saying also whether the lines need escaping, which the measuring cache knows. */
export function wrap(text: string, maxWidth: number, fontSize: number, weight: FontWeight = 'regular', script?: Script): Wrapped {
  const m = measureWords(text, weight, script)
  return { lines: wrapMeasured(m, maxWidth, fontSize, weight, script), plain: m.plain }
}

function wrapMeasured(m: Measured, maxWidth: number, fontSize: number, weight: FontWeight, script: Script | undefined): string[] {
  const max = (maxWidth * 1000) / fontSize
  const t = m.text
  if (m.total <= max) return [t]
  const { ends, widths, space } = m
  const lines: string[] = []
  let lineStart = -1
  let lineEnd = 0
  let lineWidth = 0
  for (let w = 0, i = 0; w < ends.length; i = ends[w] + 1, w++) {
    const j = ends[w]
    const width = widths[w]
    if (lineStart >= 0 && lineWidth + space + width <= max) {
      lineEnd = j
      lineWidth += space + width
    } else {
      if (lineStart >= 0) lines.push(t.slice(lineStart, lineEnd))
      lineStart = i
      lineEnd = j
      lineWidth = width
      // A word wider than the line: break it between characters.
      while (lineWidth > max && lineEnd - lineStart > 1) {
        const [head, rest] = splitToWidth(t.slice(lineStart, lineEnd), maxWidth, fontSize, weight, script)
        lines.push(head)
        lineStart = lineEnd - rest.length
        lineWidth = advance(t, lineStart, lineEnd, weight, script)
        if (lineStart === lineEnd) {
          // Nothing left of the word (one character wider than the line): no open line.
          lineStart = -1
          break
        }
      }
    }
  }
  if (lineStart >= 0) lines.push(t.slice(lineStart, lineEnd))
  return lines.length ? lines : ['']
}

function splitToWidth(word: string, maxWidth: number, fontSize: number, weight: FontWeight, script?: Script): [string, string] {
  const chars = Array.from(word)
  let lo = 1
  let hi = chars.length - 1
  // Largest prefix that fits; at least one character so wrapping always progresses.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    const head = chars.slice(0, mid).join('')
    if ((advance(head, 0, head.length, weight, script) * fontSize) / 1000 <= maxWidth) lo = mid
    else hi = mid - 1
  }
  return [chars.slice(0, lo).join(''), chars.slice(lo).join('')]
}
