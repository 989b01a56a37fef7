// Figures: numbers (numbers.ts) that count something, with the qualifier before them, what
// they count, who the text says gives them and as of when. Refiners drop what is not a
// figure: numbers inside dates, years, ages, magnitudes, durations, times, identifiers
// ("Article 50"), percentages that only describe a noun ("a 20% rise"), and vague
// quantities, which are kept aside as flagged.
import type { DateMatch } from './dates'
import { findNumbers, type NumberMatch, type Unit } from './numbers'
import { type Qualifier, qualifierAfter, qualifierBefore } from './qualifiers'
import type { Sentence } from './segment'
import type { Discourse } from './speakers'
import type { StatementCandidate } from './statements'
import type { Precision, Span } from './types'

export interface FigureCandidate {
  value: number
  high?: number
  unit?: Unit
  qualifier?: Qualifier
  precision: Precision
  label: string
  attribution?: string
  asOf?: string
  date?: string
  excerpt: Span
  number: Span
  rule: string
  confidence: number
  reason?: string
}

export interface Skipped extends Span {
  reason: string
}

const DURATION_UNIT = /^(?:-|\s)(?:day|week|month|year|hour|minute|second|decade|century|night)s?\b/i
const COUNT_NOUN = /^\s+(?:[\p{L}-]+\s+){0,2}?(?:people|persons|children|men|women|workers|residents|families|homes|houses|buildings|soldiers|troops|civilians|patients|students|voters|votes|members|employees|jobs|cases|deaths|victims|refugees|tonnes|tons|trucks|lorries|vehicles|seats|dollars|euros|pounds|units|acres|hectares|animals|cattle|staff|personnel|officers|police|passengers|ballots|signatures|\p{L}+s)\b/iu
const STOP_WORDS = /^(?:according|said|says|told|officials?|police|as|while|but|after|because|amid|when|which|although|though|whereas|before|until|since\s+(?:then|the\s+start))\b/i

const FUNCTION_WORDS = new Set('about some nearly almost around over more at up only just roughly approximately another fewer less of by with in and but to the than least as many estimated an a from'.split(' '))

function inside(spans: Span[], s: Span): boolean {
  return spans.some((d) => s.start < d.end && d.start < s.end)
}

/** Why a number is not a figure, or undefined if it may be one. */
export function notAFigure(text: string, n: NumberMatch, sentence: Sentence): string | undefined {
  const before = text.slice(Math.max(sentence.start, n.start - 30), n.start)
  const after = text.slice(n.end, Math.min(sentence.end, n.end + 40))
  const written = text.slice(n.start, n.end)
  if (n.kind === 'vague') return 'a vague quantity, not a figure'
  if (/^[-:.]?\d/.test(text.slice(n.end, n.end + 2)) || /\d[:]$/.test(before)) return 'a time or a code'
  if (n.kind === 'digits' && !n.unit && !n.scaled && n.high === undefined && /^\d{4}$/.test(written) && n.value! >= 1800 && n.value! <= 2100 && !COUNT_NOUN.test(after)) return 'a year'
  if (/^\d{4}s\b/.test(text.slice(n.start, n.end + 1))) return 'a decade'
  if (/\b(?:aged|age of|ages of|ages)\s+$/i.test(before) || /^(?:-|\s)years?(?:-|\s)old\b/i.test(after) || /^-year-olds?\b/i.test(after)) return 'an age'
  if (/[\p{Lu}][\p{L}.]+,\s*$/u.test(before) && /^\s*,/.test(after) && n.value! < 120 && n.kind === 'digits') return 'an age'
  if (/\b(?:magnitude|magnitude-|category|level|grade|force|phase|stage|scale of)\s*$/i.test(before) || /^(?:-|\s)magnitude\b|^\s+on the richter/i.test(after)) return 'a magnitude or a level on a scale'
  if (DURATION_UNIT.test(after) && !n.unit) return 'a duration'
  if (/^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|o[’']clock|hours? gmt)/i.test(after)) return 'a time of day'
  if (/^\s?(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|ft|inches|cm|mm|km\/h|mph|degrees|°)\b/i.test(after)) return 'a measure, not a count'
  if (/(?:\bNo\.|#|\bNumber)\s*$/.test(before)) return 'a number that names something'
  // "Article 50", "Route 66", "Resolution 2334": a capitalised word just before, not at the sentence start.
  const named = /([\p{Lu}][\p{L}-]*)\s+$/u.exec(before)
  if (named && n.kind === 'digits' && !n.unit && !FUNCTION_WORDS.has(named[1].toLowerCase()) && n.start - named[0].length > sentence.start) return 'a number that names something'
  if (n.unit === 'percent' && /\b(?:a|an)\s+$/i.test(before)) return 'a percentage that describes something, not what the sentence reports'
  if (n.kind === 'words') {
    if (n.value === 1 && !/^\s+(?:person|man|woman|child|soldier|officer|worker|civilian|patient|other)\b/i.test(after)) return 'the word "one"'
    if (n.value === 0) return 'the word "zero"'
    if (/\b(?:the|these|those|both|all|its|their|his|her|our|my|your|every|each|first|last|next|other|of)\s+$/i.test(before) && !/^\s+of\b/.test(after)) return 'a definite number ("the two leaders"), not a figure'
    if (/^\s+(?:times|sides|ways|fronts|reasons|options|goals|phases|rounds|stages|terms|points|things|parts)\b/i.test(after)) return 'not a count of something reported'
  }
  return undefined
}

/** What the figure counts: the noun phrase after the number, auxiliaries dropped ("people killed in …"). */
function countedAfter(text: string, n: Span, sentence: Sentence): { label: string; end: number } {
  const rest = text.slice(n.end, sentence.end)
  const words = rest.split(/(?=[\s,;:.()—–])/)
  let used = ''
  const out: string[] = []
  for (const raw of words) {
    const w = raw.trim()
    if (!w) {
      used += raw
      continue
    }
    if (/^[,;:.()—–!?]/.test(w) && !/^\.\d/.test(w)) break
    const tail = rest.slice(used.length)
    if (/^\s+and\s+(?:a|an|the|another|\d|one|two|three|four|five|six|seven|eight|nine|ten|[\p{Ll}]+ed\b|were|was|have|had)/u.test(tail) && out.length) break
    if (out.length && STOP_WORDS.test(tail.trim())) break
    if (out.length && /^\s+(?:\d|more than|at least|about|nearly|some)\b/.test(tail)) break
    if (out.length >= 14) break
    out.push(w)
    used += raw
  }
  // "people have been killed in the territory" → "people killed in the territory"
  const cleaned: string[] = []
  for (let i = 0; i < out.length; i++) {
    const w = out[i]
    if (/^(?:have|has|had|been|were|was|are|is|being|be)$/i.test(w) && i > 0 && i + 1 < out.length && /^(?:been|being|[\p{L}]+(?:ed|en|wn|ld|pt|nt|st|ft|ught|ne|de)|taken|held|hurt|left|lost|found|seen|made|kept|brought|shot|hit|cut|put|set|run|struck)$/iu.test(out[i + 1])) continue
    cleaned.push(w)
  }
  const label = cleaned.join(' ').replace(/^%\s*/, '').trim()
  return { label, end: n.end + used.replace(/\s+$/, '').length }
}

const TOTAL_VERB = /((?:the\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:toll|number|count|total|tally|turnout|figure|deaths|dead|casualties|share|majority|margin|bill|cost|fine|damages|price|budget|deficit|debt|rate|vote)(?:\s+of\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+)?)?)\s+(?:has\s+|had\s+|have\s+)?(?:risen|rose|climbed|reached|stood|stands|hit|jumped|increased|grew|fell|dropped|is|was|were|are|totalled|totaled|topped|passed|exceeded|came|amounted|soared)(?:\s+(?:to|at|by|in))?\s*$/iu

function countedBefore(text: string, sentence: Sentence, at: number): string | undefined {
  const m = TOTAL_VERB.exec(text.slice(sentence.start, at))
  return m?.[1].replace(/^the\s+/i, '')
}

function clauseStart(text: string, sentence: Sentence, at: number, numbers: Span[]): number {
  let i = at
  while (i > sentence.start) {
    const c = text[i - 1]
    if ((c === ',' || c === ';' || c === '—' || c === '(' || c === ':') && !(c === ',' && /\d/.test(text[i - 2] ?? '') && /\d/.test(text[i] ?? ''))) {
      // "According to X, at least 52,567 …": the attribution belongs with the figure.
      const clause = text.slice(sentence.start, i - 1)
      if (/^\s*According to\b[^,]*$/i.test(clause)) return sentence.start
      if (!inside(numbers, { start: i - 1, end: i })) break
    }
    i--
  }
  while (i < at && /\s/.test(text[i])) i++
  return i
}

function attributionFor(text: string, n: Span, sentence: Sentence, statements: StatementCandidate[], discourse: Discourse): { text: string; rule: string } | undefined {
  const s = text.slice(sentence.start, sentence.end)
  const according = /\baccording to\s+((?:the\s+)?[^,.;]+?)(?=\s*(?:[,.;]|$|\s+(?:at least|more than|some|about|nearly|\d)))/i.exec(s)
  if (according) {
    const who = according[1].replace(/^the\s+/i, '')
    return { text: resolvePronoun(who, sentence.start + according.index, discourse), rule: 'attribution-according-to' }
  }
  for (const st of statements) {
    if (!st.speaker) continue
    const covers = st.kind === 'quote' ? st.text.start <= n.start && n.end <= st.text.end : st.excerpt.start <= n.start && n.end <= st.excerpt.end && st.excerpt.start === sentence.start
    if (covers) {
      const written = st.attribution ? attributionWords(text, st) : undefined
      return { text: written ?? st.speaker.name, rule: st.kind === 'quote' ? 'attribution-quote-speaker' : 'attribution-reporting-verb' }
    }
  }
  const data = /\b(?:figures|data|statistics|estimates|a tally|a count|numbers|records)\s+(?:from|by|released by|published by|compiled by|issued by)\s+((?:the\s+)?[\p{Lu}][^,.;]*?)(?=\s*[,.;]|\s+(?:show|showed|shows|suggest|put|said))/iu.exec(s)
  if (data) return { text: data[1].replace(/^the\s+/i, ''), rule: 'attribution-data-source' }
  const owner = /\b((?:the\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*)(?:[’']s)?\s+(?:figures|data|statistics|estimates|tally|count)\s+(?:show|showed|shows|suggest|suggested|put)\b/u.exec(s)
  if (owner) return { text: owner[1].replace(/^the\s+/i, ''), rule: 'attribution-data-source' }
  return undefined
}

/** The subject as the sentence writes it ("Israeli officials"), unless it is a pronoun. */
function attributionWords(text: string, st: StatementCandidate): string | undefined {
  if (st.kind !== 'paraphrase' || !st.attribution || !st.speaker) return undefined
  const phrase = text.slice(st.attribution.start, st.attribution.end).replace(/\s+\S+$/, '').trim()
  if (/^(?:he|she|they|it)$/i.test(phrase) || !phrase) return undefined
  return st.speaker.name
}

function resolvePronoun(who: string, at: number, discourse: Discourse): string {
  if (!/^(?:him|her|them|it)$/i.test(who)) return who
  return discourse.resolve(who.replace(/^him$/i, 'he').replace(/^her$/i, 'she').replace(/^them$/i, 'they'), at).speaker?.name ?? who
}

function approximate(n: NumberMatch, written: string, qualifierApprox: boolean, qualifier?: Qualifier): boolean {
  if (qualifierApprox || n.high !== undefined) return true
  if (n.scaled) return true
  if (qualifier && qualifier !== 'up to' && /0{2,}$/.test(String(n.value)) && !/,/.test(written)) return true
  return false
}

export function findFigures(
  text: string,
  sentences: Sentence[],
  dates: DateMatch[],
  statements: StatementCandidate[],
  discourse: Discourse,
  published: string,
): { figures: FigureCandidate[]; skipped: Skipped[] } {
  const figures: FigureCandidate[] = []
  const skipped: Skipped[] = []
  for (const sentence of sentences) {
    const numbers = findNumbers(text, sentence.start, sentence.end)
    for (const n of numbers) {
      if (inside(dates, n)) continue
      const why = notAFigure(text, n, sentence)
      if (why) {
        if (n.kind === 'vague') skipped.push({ start: n.start, end: n.end, reason: why })
        continue
      }
      const q = qualifierBefore(text, n.start) ?? qualifierAfter(text, n.end)
      const start = Math.min(q?.start ?? n.start, n.start)
      let { label, end } = countedAfter(text, q && q.start >= n.end ? { start: n.start, end: q.end } : n, sentence)
      let rule = 'figure-counted-after'
      if (!label || /^(?:of|to|in|at|by|from|for)$/i.test(label)) {
        const before = countedBefore(text, sentence, start)
        if (before) {
          label = before
          rule = 'figure-counted-before'
        }
      }
      if (!label) continue
      const written = text.slice(n.start, n.end)
      const cs = clauseStart(text, sentence, start, numbers)
      const excerptStart = rule === 'figure-counted-before' ? Math.min(cs, sentence.start + (text.slice(sentence.start, start).search(/\S/) ?? 0)) : cs
      const excerpt = { start: excerptStart, end: Math.max(end, n.end) }
      const attribution = attributionFor(text, n, sentence, statements, discourse)
      const asOfDate = dates.find((d) => d.start >= sentence.start && d.end <= sentence.end && (d.lead === 'as of' || d.lead === 'by') && d.granularity === 'day')
      const dayOf = dates.find((d) => d.start >= sentence.start && d.end <= n.start && d.granularity === 'day' && !d.future && d.lead !== 'as of' && d.lead !== 'by' && d.lead !== 'since')
      const cumulative = /\b(?:have|has)\s+been\b|\bsince\b|\bso far\b|\bin total\b/i.test(text.slice(n.end, excerpt.end + 20))
      figures.push({
        value: n.value!,
        high: n.high,
        unit: n.unit,
        qualifier: q?.qualifier,
        precision: approximate(n, written, q?.approximate ?? false, q?.qualifier) ? 'approximate' : 'exact',
        label,
        attribution: attribution?.text,
        asOf: asOfDate?.date ?? published,
        date: dayOf && !cumulative ? dayOf.date : undefined,
        excerpt,
        number: { start: n.start, end: n.end },
        rule: attribution ? `${rule}+${attribution.rule}` : rule,
        confidence: (n.kind === 'words' ? 0.6 : 0.85) * (rule === 'figure-counted-before' ? 0.8 : 1),
        reason: attribution ? undefined : 'the sentence names no source for this figure',
      })
    }
  }
  return { figures, skipped }
}
