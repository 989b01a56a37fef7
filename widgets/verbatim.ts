// The verbatim rule (CONTRACT.md "v2: stories from any article"): an excerpt occurs in its
// source's text, a quote in its excerpt, and a figure's value is written in its excerpt.
// Text is compared after folding, so that a CMS's curly quotes or re-wrapped lines do not
// make an exact excerpt fail; nothing else is forgiven.

/** Whitespace runs to one space; curly quotes, apostrophes and primes to straight ones. */
export function fold(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The passage of `source` (folded) nearest to an excerpt it does not contain: where the
 * longest prefix or suffix of the excerpt that it does contain stands, as long as the
 * excerpt. An editor who typed one wrong letter sees the sentence it came from.
 */
export function nearestPassage(source: string, excerpt: string): string | undefined {
  const longest = (part: (n: number) => string) => {
    let lo = 0
    let hi = excerpt.length
    // Occurrence is monotone in length: every shorter prefix (suffix) of one that occurs occurs.
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2)
      if (source.includes(part(mid))) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  const prefix = longest((n) => excerpt.slice(0, n))
  const suffix = longest((n) => excerpt.slice(excerpt.length - n))
  if (Math.max(prefix, suffix) < Math.min(12, excerpt.length)) return undefined
  const at = prefix >= suffix ? source.indexOf(excerpt.slice(0, prefix)) : source.indexOf(excerpt.slice(excerpt.length - suffix)) - (excerpt.length - suffix)
  const start = Math.max(0, at)
  return source.slice(start, start + excerpt.length + 20).trim()
}

const units: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}
const scales: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }
const shortScales: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9 }

/**
 * Every number an excerpt writes: digits in any grouping ("52,567", "52 567", "52.567"),
 * decimals with a scale word ("2.1 million", "2,1 millions", "$4.2bn"), and English number
 * words ("two", "a dozen", "two hundred and fifty", "half a million").
 */
export function numbersWritten(excerpt: string): number[] {
  const found: number[] = []
  const text = excerpt.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
  const digits = /(\d{1,3}(?:[,.\u00a0\u202f\u2009' ]\d{3})+|\d+)(?:[.,](\d+))?\s*(%|million|millions|millones|millionen|milliards?|billion|billions|trillion|thousand|bn|mn|[kmb])?(?![a-z])/gi
  for (const m of text.matchAll(digits)) {
    const whole = Number(m[1].replace(/[^\d]/g, ''))
    const fraction = m[2] ? Number(`0.${m[2]}`) : 0
    const scaleWord = (m[3] ?? '').toLowerCase().replace(/s$/, '')
    const scale = scales[scaleWord] ?? shortScales[scaleWord] ?? (scaleWord.startsWith('millon') || scaleWord.startsWith('million') ? 1e6 : scaleWord.startsWith('milliard') ? 1e9 : 1)
    found.push(whole, whole + fraction)
    if (scale !== 1) found.push(Math.round((whole + fraction) * scale))
  }
  // Number words, read as runs: "two hundred and fifty thousand".
  const words = text.toLowerCase().split(/[^a-z]+/).filter(Boolean)
  let total = 0
  let current = 0
  let inRun = false
  const flush = () => {
    if (inRun) found.push(total + current)
    total = 0
    current = 0
    inRun = false
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    if (w === 'half' && (words[i + 1] === 'a' || words[i + 1] === 'an') && scales[words[i + 2]]) {
      found.push(scales[words[i + 2]] / 2)
      continue
    }
    if (w === 'a' || w === 'an') {
      // "a dozen", "a hundred", "a million": one of the scale; any other "a" ends a run.
      flush()
      if (scales[words[i + 1]]) {
        current = 1
        inRun = true
      }
      continue
    }
    if (units[w] !== undefined) {
      current += units[w]
      inRun = true
    } else if (scales[w] && inRun) {
      if (scales[w] <= 100) current *= scales[w]
      else {
        total += current * scales[w]
        current = 0
      }
    } else if (w === 'and' && inRun && scales[words[i - 1]]) continue // "two hundred and fifty", not "seven and six"
    else flush()
  }
  flush()
  return found
}

/** True when `value` is written in the excerpt in one of the forms numbersWritten reads. */
export function valueWritten(value: number, excerpt: string): boolean {
  return numbersWritten(excerpt).some((n) => Math.abs(n - value) < 1e-9 * Math.max(1, value))
}
