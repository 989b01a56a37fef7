// Qualifier finder: the words before (or just after) a number that bound or soften it, read
// into the dataset's qualifiers. "some" and "about" are kept apart because editors keep
// the article's word; the softer ones mark the figure approximate.
import type { Span } from './types'

export type Qualifier =
  | 'at least' | 'approximately' | 'about' | 'around' | 'more than' | 'over' | 'nearly' | 'almost' | 'up to' | 'some' | 'fewer than'

export interface QualifierMatch extends Span {
  qualifier: Qualifier
  /** The article's own words, when they are not the qualifier's ("roughly", "as many as"). */
  words: string
  approximate: boolean
}

// Longest first, so that "no fewer than" is not read as "fewer than".
const BEFORE: [RegExp, Qualifier, boolean][] = [
  [/\b(?:no fewer than|no less than|not less than|a minimum of)\s+$/i, 'at least', false],
  [/\bat least\s+$/i, 'at least', false],
  [/\b(?:as many as|up to)\s+$/i, 'up to', false],
  [/\b(?:more than|in excess of|upwards of|upward of|well over|just over|north of)\s+$/i, 'more than', false],
  [/\b(?:fewer than|less than|under|just under|below)\s+$/i, 'fewer than', false],
  [/\b(?:approximately|roughly|an estimated|estimated|approx\.)\s+$/i, 'approximately', true],
  [/\b(?:about|an average of)\s+$/i, 'about', true],
  [/\baround\s+$/i, 'around', true],
  [/\b(?:nearly|close to|almost|just shy of)\s+$/i, 'nearly', true],
  [/\bover\s+$/i, 'over', false],
  [/\bsome\s+$/i, 'some', true],
]

/** The qualifier written just before text[at] (a number's start), if any. */
export function qualifierBefore(text: string, at: number): QualifierMatch | undefined {
  const window = text.slice(Math.max(0, at - 24), at)
  for (const [re, qualifier, approximate] of BEFORE) {
    const m = re.exec(window)
    if (!m) continue
    const start = at - window.length + m.index
    const words = m[0].trim().toLowerCase()
    const q: Qualifier = words === 'almost' ? 'almost' : qualifier
    return { start, end: at, qualifier: q, words, approximate }
  }
  return undefined
}

/** "1,200 or more", "5,000-plus": a bound written after the number. */
export function qualifierAfter(text: string, at: number): QualifierMatch | undefined {
  const m = /^(?:\s+or\s+more\b|-plus\b|\s+and\s+(?:more|counting)\b)/i.exec(text.slice(at, at + 14))
  if (!m) return undefined
  return { start: at, end: at + m[0].length, qualifier: 'at least', words: m[0].trim().toLowerCase(), approximate: false }
}
