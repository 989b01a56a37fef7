// Number finder: every written quantity with its span and value. Grouped digits ("52,567"),
// plain digits, decimals with a scale word ("2.1 million", "$1.5bn"), number words ("two",
// "twenty-five", "a dozen", "two million"), ranges ("50-60", "between 50 and 60"), and vague
// quantities ("dozens", "tens of thousands") that are flagged, with no value. Whether a
// number is a figure is decided later (figures.ts); this file only reads numbers.
import type { Span } from './types'

/** A percentage, or a currency by its ISO 4217 code (one the article names: "948 billion dravas (DRV)"). */
export type Unit = '%' | 'USD' | 'GBP' | 'EUR' | 'JPY' | 'ILS' | 'INR' | 'CHF' | (string & {})

export interface NumberMatch extends Span {
  /** undefined for a vague quantity. */
  value?: number
  /** The upper bound of a range; `value` is its lower bound. */
  high?: number
  kind: 'digits' | 'words' | 'vague'
  /** A scale word made the value ("million"): the figure is rounded. */
  scaled: boolean
  unit?: Unit
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
}
/** A count written as digits or a word up to nineteen, "a" and "an" for one: "two" → 2, "14" → 14. */
export function countWord(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word)
  const w = word.toLowerCase()
  return w === 'a' || w === 'an' ? 1 : UNITS[w]
}
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }
const SHORT_SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12 }
const CURRENCY: Record<string, Unit> = { $: 'USD', 'us$': 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₪': 'ILS', '₹': 'INR' }
const CURRENCY_WORDS: Record<string, Unit> = {
  dollar: 'USD', dollars: 'USD', pound: 'GBP', pounds: 'GBP', sterling: 'GBP', euro: 'EUR', euros: 'EUR',
  yen: 'JPY', shekel: 'ILS', shekels: 'ILS', rupee: 'INR', rupees: 'INR',
  // Francs are Swiss francs unless the text says otherwise ("CFA francs" is read as no unit).
  franc: 'CHF', francs: 'CHF', 'swiss franc': 'CHF', 'swiss francs': 'CHF',
}

const wordNumber = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS)].join('|')})(?:-(?:${Object.keys(UNITS).join('|')}))?`
const scaleWord = '(?:hundred|thousand|million|billion|trillion)'
const digits = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`

// One pattern, alternatives longest first: vague quantities, then digits, then words.
const NUMBER = new RegExp(
  [
    String.raw`(?<vague>\b(?:tens|hundreds|thousands|millions)\s+of\s+(?:thousands|millions)\b|\b(?:dozens|scores|hundreds|thousands|millions|billions)\b(?=\s+(?:of|more)\b)|\b(?:dozens|scores)\b)`,
    String.raw`(?:(?<cur>US\$|[$£€¥₪₹])\s?)?(?<d>${digits})(?:\s?(?<short>k|m|mn|bn|b|tn)\b|\s+(?<dscale>${scaleWord}s?)\b)?(?<pct>\s?%|\s+per\s?cent\b)?(?:\s?(?:-|–|to)\s?(?<cur2>[$£€¥₪₹])?(?<d2>${digits})(?:\s+(?<dscale2>${scaleWord})\b)?(?<pct2>\s?%|\s+per\s?cent\b)?)?`,
    String.raw`(?<art>\ba\s+)?(?<w>\b(?:${wordNumber}|dozen|hundred|thousand|million|billion)(?:\s+(?:and\s+)?(?:${wordNumber}|${scaleWord}|dozen))*\b)(?<wpct>\s+per\s?cent\b)?`,
  ].join('|'),
  'gi',
)

function parseDigits(s: string): number {
  return Number(s.replace(/,/g, ''))
}

/** "twenty-five thousand three hundred" → 25300; undefined if the words do not compose. */
export function parseWords(s: string): number | undefined {
  let total = 0
  let current = 0
  let any = false
  for (const raw of s.toLowerCase().split(/[\s-]+/)) {
    if (raw === 'and' || raw === 'a') continue
    if (raw in UNITS) current += UNITS[raw]
    else if (raw in TENS) current += TENS[raw]
    else if (raw === 'dozen') current = (current || 1) * 12
    else if (raw === 'hundred') current = (current || 1) * 100
    else if (raw in SCALES) {
      total += (current || 1) * SCALES[raw]
      current = 0
    } else return undefined
    any = true
  }
  return any ? total + current : undefined
}

function scale(word: string | undefined): number {
  if (!word) return 1
  return SCALES[word.toLowerCase().replace(/s$/, '')] ?? 1
}

function currencyAfter(text: string, end: number): { unit: Unit; end: number } | undefined {
  const m = /^\s+(dollars?|pounds?|sterling|euros?|yen|shekels?|rupees?|(?:Swiss\s+)?francs?)\b/i.exec(text.slice(end, end + 20))
  if (m) return { unit: CURRENCY_WORDS[m[1].toLowerCase().replace(/\s+/, ' ')], end: end + m[0].length }
  // A currency the article names with its code after an amount, then by name alone.
  const named = /^\s+(\p{L}+)(?:\s+\(([A-Z]{3})\))?/u.exec(text.slice(end, end + 40))
  const code = named && namedCurrencies(text).get(named[1].toLowerCase())
  return code ? { unit: code, end: end + named[0].length - (named[2] ? named[0].length - named[0].indexOf(' (') : 0) } : undefined
}

/** Codes written before an amount ("CHF 12 million") without the article naming them. */
const ISO_CODES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'ILS', 'INR', 'CNY', 'AUD', 'CAD', 'NZD', 'SEK', 'NOK', 'DKK', 'ZAR', 'BRL', 'MXN', 'KES', 'NGN', 'EGP', 'TRY', 'PLN', 'HKD', 'SGD'])

/**
 * A currency code written before the amount, as markets and company reports write it ("DRV
 * 3.86 billion", "EUR 40 million"): one the article names ("dravins (DRV)") or a common ISO
 * code. The code is part of the figure's words.
 */
function codeBefore(text: string, start: number): { unit: Unit; start: number } | undefined {
  const m = /\b([A-Z]{3})\s$/.exec(text.slice(Math.max(0, start - 4), start))
  if (!m) return undefined
  const named = [...namedCurrencies(text).values()].includes(m[1])
  return named || ISO_CODES.has(m[1]) ? { unit: m[1], start: start - m[0].length } : undefined
}

let namedFor: { text: string; codes: Map<string, string> } | undefined

/** "948.2 billion dravas (DRV)": each currency word an article gives a code to, singular and plural. */
function namedCurrencies(text: string): Map<string, string> {
  if (namedFor?.text !== text) {
    const codes = new Map<string, string>()
    for (const m of text.matchAll(/\d(?:\s+(?:thousand|million|billion|trillion|bn|m))?\s+(\p{L}+)\s+\(([A-Z]{3})\)/gu)) {
      const word = m[1].toLowerCase()
      codes.set(word, m[2])
      codes.set(word.endsWith('s') ? word.slice(0, -1) : `${word}s`, m[2])
    }
    namedFor = { text, codes }
  }
  return namedFor.codes
}

/** Every number in text[start, end), in order. */
export function findNumbers(text: string, start = 0, end = text.length): NumberMatch[] {
  const out: NumberMatch[] = []
  const slice = text.slice(start, end)
  NUMBER.lastIndex = 0
  for (let m = NUMBER.exec(slice); m; m = NUMBER.exec(slice)) {
    const g = m.groups ?? {}
    let s = start + m.index
    let e = s + m[0].length
    if (g.vague) {
      out.push({ start: s, end: e, kind: 'vague', scaled: false })
      continue
    }
    if (g.d) {
      // A digit inside a word or a longer token ("COVID-19", "F-16", "3D") is no number.
      const before = text[s - 1] ?? ' '
      if (!g.cur && /[\p{L}\d]/u.test(before)) continue
      if (!g.cur && before === '-' && /\p{L}/u.test(text[s - 2] ?? '')) continue
      if (/^[\p{L}]/u.test(text.slice(e, e + 1)) && !g.short && !g.dscale) {
        // "1st", "3D", "10am": an ordinal, a name or a time.
        continue
      }
      const factor = g.short ? SHORT_SCALES[g.short.toLowerCase()] : scale(g.dscale)
      // "$5m" is money; a bare "5m" is five metres.
      if (g.short && !g.cur) {
        e = s + m[0].indexOf(g.d) + g.d.length
      }
      const value = parseDigits(g.d) * (g.short && !g.cur ? 1 : factor)
      let unit: Unit | undefined = g.cur ? CURRENCY[g.cur.toLowerCase()] : undefined
      if (g.pct || g.pct2) unit = '%'
      const match: NumberMatch = { start: s, end: e, value: roundScaled(value), kind: 'digits', scaled: factor > 1 && !(g.short && !g.cur), unit }
      if (g.d2) {
        const high = parseDigits(g.d2) * (g.dscale2 ? scale(g.dscale2) : factor)
        // "rose 3.1% to 1.92 billion francs", "climbed 17% to $684 million", "rose from 300
        // to 400": a change and the level it reached, two numbers, not a range.
        // "a vote of 212–198": a tally, each side a number of its own.
        const tally = high < value && /\bvotes?\s+(?:of\s+)?$/i.test(text.slice(Math.max(0, s - 10), s))
        const twoNumbers = (Boolean(g.pct) && !g.pct2) || /\bfrom\s+$/i.test(text.slice(Math.max(0, s - 6), s)) || tally
        // "1990-1995" or "2-1" are years or scores, not a range of a count.
        if (!twoNumbers && high > match.value!) match.high = roundScaled(high)
        else {
          const cut = s + m[0].search(/\s?(?:-|–|to)\s?[$£€¥₪₹]?\d/)
          match.end = cut
          // The second number is read on its own.
          if (twoNumbers) NUMBER.lastIndex = cut - start
        }
      }
      if (!unit) {
        const cw = currencyAfter(text, match.end)
        const code = cw ? undefined : codeBefore(text, s)
        if (cw) {
          match.unit = cw.unit
          match.end = cw.end
        } else if (code) {
          match.unit = code.unit
          match.start = code.start
        }
      }
      out.push(match)
      continue
    }
    if (g.w) {
      // "seven and six seats": two numbers; "two hundred and fifty": one.
      const and = /\s+and\s+/i.exec(g.w)
      if (and && !/(?:hundred|thousand|million|billion)$/i.test(g.w.slice(0, and.index))) {
        const first = g.w.slice(0, and.index)
        e = s + (g.art?.length ?? 0) + first.length
        NUMBER.lastIndex = e - start
        g.w = first
        g.wpct = undefined as unknown as string
      }
      const value = parseWords(g.w)
      if (value === undefined) continue
      // "a dozen", "a hundred", "a million": the article belongs to the number.
      const withArticle = Boolean(g.art) && /^(?:dozen|hundred|thousand|million|billion)\b/i.test(g.w)
      if (g.art && !withArticle) s += g.art.length
      const scaled = /\b(?:hundred|thousand|million|billion|trillion|dozen)\b/i.test(g.w)
      const match: NumberMatch = { start: s, end: e, value, kind: 'words', scaled, unit: g.wpct ? '%' : undefined }
      if (!match.unit) {
        const cw = currencyAfter(text, e)
        if (cw) {
          match.unit = cw.unit
          match.end = cw.end
        }
      }
      out.push(match)
    }
  }
  return mergeBetween(text, out)
}

function roundScaled(v: number): number {
  return Math.round(v * 1000) / 1000
}

/** "between 50 and 60" is one range. */
function mergeBetween(text: string, found: NumberMatch[]): NumberMatch[] {
  const out: NumberMatch[] = []
  for (let i = 0; i < found.length; i++) {
    const a = found[i]
    const b = found[i + 1]
    if (b && a.value !== undefined && b.value !== undefined && b.value > a.value &&
      /^\s+and\s+$/i.test(text.slice(a.end, b.start)) && /\bbetween\s+$/i.test(text.slice(Math.max(0, a.start - 10), a.start)) && a.high === undefined) {
      out.push({ ...a, end: b.end, high: b.value, unit: a.unit ?? b.unit, scaled: a.scaled || b.scaled })
      i++
      continue
    }
    out.push(a)
  }
  return out
}
