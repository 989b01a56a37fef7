// Paragraphs and sentences, as spans of the source text. Paragraphs are runs of text between
// line breaks; sentences end at . ! ? (with any closing quotes or brackets after them) that
// are followed by a capital, a digit or an opening quote, unless the word before the stop is
// an abbreviation or an initial (Reuters and AP styles use "U.S.", "Gen.", "Feb.", "J.").
import type { Span } from './types'

export interface Sentence extends Span {
  paragraph: number
}

export interface Paragraph extends Span {
  sentences: Sentence[]
}

const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof sr jr st mt gen lt col sgt capt cmdr adm maj gov sen rep rev hon pres supt insp det ' +
    'u.s u.k u.n e.u u.a.e d.c jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc approx est ' +
    'inc corp co ltd bros dept govt univ fig e.g i.e a.k.a ft mins hrs').split(' '),
)

const OPENERS = '“‘"\'«„(['
const CLOSERS = '”’"\'»)]'

function isUpperStart(ch: string): boolean {
  return /[\p{Lu}\p{N}]/u.test(ch) || OPENERS.includes(ch) || ch === '—' || ch === '-'
}

/** Whether the stop at `dot` ends a word that is an abbreviation or an initial. */
function isAbbreviation(text: string, dot: number, lineStart: number): boolean {
  let s = dot
  while (s > lineStart && /[\p{L}.]/u.test(text[s - 1])) s--
  const word = text.slice(s, dot).toLowerCase()
  if (!word) return false
  if (ABBREVIATIONS.has(word)) return true
  // A single capital: an initial ("J. K. Rowling"), not a sentence of one letter, nor a
  // unit after a number ("temperatures of up to 38C.").
  if (/^\p{Lu}$/u.test(text.slice(s, dot))) return !/\d/.test(text[s - 1] ?? '')
  // Dotted acronyms of any length: "U.S.A.", "a.m." is not one (it can end a sentence).
  return /^(?:\p{L}\.)+\p{L}$/u.test(word) && !/^[ap]\.m$/.test(word)
}

/**
 * Longest sentence we read as one. Real ones stay far below; copy without full stops
 * (a list, a pasted table) is cut into pieces of this size at a space, which keeps every
 * finder's work linear in the length of the article.
 */
export const MAX_SENTENCE = 1000

function capLength(text: string, sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = []
  for (const s of sentences) {
    let from = s.start
    while (s.end - from > MAX_SENTENCE) {
      let cut = text.lastIndexOf(' ', from + MAX_SENTENCE)
      if (cut <= from) cut = from + MAX_SENTENCE
      out.push({ start: from, end: cut, paragraph: s.paragraph })
      from = cut
      while (from < s.end && /\s/.test(text[from])) from++
    }
    if (from < s.end) out.push({ start: from, end: s.end, paragraph: s.paragraph })
  }
  return out
}

function splitSentences(text: string, start: number, end: number, paragraph: number): Sentence[] {
  return capLength(text, splitAtStops(text, start, end, paragraph))
}

function splitAtStops(text: string, start: number, end: number, paragraph: number): Sentence[] {
  const out: Sentence[] = []
  let from = start
  for (let i = start; i < end; i++) {
    const ch = text[i]
    if (ch !== '.' && ch !== '!' && ch !== '?') continue
    if (ch === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue
    let j = i + 1
    while (j < end && (CLOSERS.includes(text[j]) || text[j] === '.' || text[j] === '!' || text[j] === '?')) j++
    if (j < end && !/\s/.test(text[j])) continue
    let k = j
    while (k < end && /\s/.test(text[k])) k++
    if (k < end && !isUpperStart(text[k])) continue
    if (ch === '.' && isAbbreviation(text, i, start)) continue
    out.push({ start: from, end: j, paragraph })
    from = k
    i = k - 1
  }
  if (from < end) out.push({ start: from, end, paragraph })
  return out
}

/** The sentence around offset `at` (or the next one), by binary search. */
export function sentenceAt(sentences: Sentence[], at: number): Sentence | undefined {
  let lo = 0
  let hi = sentences.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sentences[mid]
    if (at < s.start) hi = mid - 1
    else if (at >= s.end) lo = mid + 1
    else return s
  }
  return sentences[lo]
}

/** The paragraphs of the text, each with its sentences; blank lines are no paragraph. */
export function segment(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  const line = /[^\r\n]+/g
  for (let m = line.exec(text); m; m = line.exec(text)) {
    let start = m.index
    let end = start + m[0].length
    while (start < end && /\s/.test(text[start])) start++
    while (end > start && /\s/.test(text[end - 1])) end--
    if (start === end) continue
    paragraphs.push({ start, end, sentences: splitSentences(text, start, end, paragraphs.length) })
  }
  return paragraphs
}
