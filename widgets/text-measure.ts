// Text widths from the build-time table in font-metrics.json (scripts/build-metrics.mjs):
// advances of Noto Sans / Noto Sans Arabic / Noto Sans Hebrew in 1/1000 em, Arabic letters
// per joining form. Kerning and ligatures are ignored, which errs wide for Latin; lam-alef
// ligatures come out a little wide too. Wrapping is greedy, word by word.
import metrics from './font-metrics.json'

export type FontWeight = 'regular' | 'bold'
/** Lines in Arabic or Hebrew are set in that script's font first (theme.ts), measured alike. */
export type Script = 'arabic' | 'hebrew'
type WidthTable = Record<string, number>
type FormTable = Record<string, [number, number, number, number]>

const widths = metrics.widths as Record<FontWeight, WidthTable>
const arabicForms = metrics.arabicForms as unknown as Record<FontWeight, FormTable>
const joining = metrics.joining as Record<string, 'D' | 'R'>
const scriptWidths = metrics.scriptWidths as Record<Script, Record<FontWeight, WidthTable>>

// Characters missing from the table: emoji and CJK are about an em wide; other scripts
// are given the width of a wide Latin letter so that they overflow nothing.
const WIDE_FALLBACK = 1000
const FALLBACK = 700

function isIgnorable(cp: number): boolean {
  // Zero-width spaces and joiners, bidi marks, embeddings and isolates, variation selectors.
  return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff
}

function isTransparent(cp: number, table: WidthTable): boolean {
  // Arabic marks (harakat) have no advance and do not break joining.
  return cp >= 0x0610 && cp <= 0x06ff && table[cp] === 0
}

/** Width in pixels of `text` set at `fontSize` px in the given weight. */
export function measureText(text: string, fontSize: number, weight: FontWeight = 'regular', script?: Script): number {
  const table = widths[weight]
  const override = script ? scriptWidths[script][weight] : undefined
  const forms = arabicForms[weight]
  const cps = Array.from(text, (ch) => ch.codePointAt(0) as number)
  let total = 0
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]
    if (isIgnorable(cp)) continue
    const form = forms[cp]
    if (form) {
      total += form[arabicForm(cps, i, table)]
      continue
    }
    const w = override?.[cp] ?? table[cp]
    total += w ?? (cp >= 0x2e80 ? WIDE_FALLBACK : FALLBACK)
  }
  return (total * fontSize) / 1000
}

// 0 isolated, 1 initial, 2 medial, 3 final (Unicode Arabic joining, simplified to D and R).
function arabicForm(cps: number[], i: number, table: WidthTable): 0 | 1 | 2 | 3 {
  let p = i - 1
  while (p >= 0 && isTransparent(cps[p], table)) p--
  let n = i + 1
  while (n < cps.length && isTransparent(cps[n], table)) n++
  const joinsPrevious = p >= 0 && joining[cps[p]] === 'D'
  const joinsNext = joining[cps[i]] === 'D' && n < cps.length && joining[cps[n]] !== undefined
  if (joinsPrevious && joinsNext) return 2
  if (joinsPrevious) return 3
  if (joinsNext) return 1
  return 0
}

/** Greedy word wrap to `maxWidth` px; a word wider than a line is broken between characters. */
export function wrapText(text: string, maxWidth: number, fontSize: number, weight: FontWeight = 'regular', script?: Script): string[] {
  const space = measureText(' ', fontSize, weight, script)
  const lines: string[] = []
  let line = ''
  let lineWidth = 0
  // Break only at breaking spaces: no-break spaces hold "52 567" and "6 mai" together.
  for (const word of text.split(/[ \t\n\r\u2028\u2029]+/).filter(Boolean)) {
    let w = measureText(word, fontSize, weight, script)
    if (line && lineWidth + space + w <= maxWidth) {
      line += ' ' + word
      lineWidth += space + w
      continue
    }
    if (line) lines.push(line)
    line = word
    lineWidth = w
    while (lineWidth > maxWidth && Array.from(line).length > 1) {
      const [head, rest] = splitToWidth(line, maxWidth, fontSize, weight, script)
      lines.push(head)
      line = rest
      lineWidth = w = measureText(rest, fontSize, weight, script)
    }
  }
  if (line) lines.push(line)
  return lines.length ? lines : ['']
}

function splitToWidth(word: string, maxWidth: number, fontSize: number, weight: FontWeight, script?: Script): [string, string] {
  const chars = Array.from(word)
  let lo = 1
  let hi = chars.length - 1
  // Largest prefix that fits; at least one character so wrapping always progresses.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measureText(chars.slice(0, mid).join(''), fontSize, weight, script) <= maxWidth) lo = mid
    else hi = mid - 1
  }
  return [chars.slice(0, lo).join(''), chars.slice(lo).join('')]
}
