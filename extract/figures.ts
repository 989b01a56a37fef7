// Figures: numbers (numbers.ts) that count something, with the qualifier before them, what
// they count, who the text says gives them and as of when. Refiners drop what is not a
// figure: numbers inside dates, years, ages, magnitudes, durations, times, identifiers
// ("Article 50"), percentages that only describe a noun ("a 20% rise"), and vague
// quantities, which are kept aside as flagged.
import { addDays, addMonths, format, parseYmd } from './calendar'
import type { DateMatch } from './dates'
import { countWord, findNumbers, type NumberMatch, type Unit } from './numbers'
import { type Qualifier, qualifierAfter, qualifierBefore } from './qualifiers'
import type { Sentence } from './segment'
import { type Discourse, SHORT_NAME_AFTER } from './speakers'
import type { StatementCandidate } from './statements'
import { mainSubject } from './subjects'
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

const DURATION_UNIT = /^(?:\s+(?:or|to|and)\s+[\p{L}\d-]+)?(?:-|\s)(?:day|week|month|year|hour|minute|second|decade|century|night)s?\b/iu
/** What a court decided: a sentence or a ban is a figure, though written as a length of time. */
const SENTENCE_CONTEXT = /\b(?:prison|jail|jailed|sentenced?|suspended|ban|banned|barred|probation|custody|detention|imprisonment|community service|disqualified)\b/i
const COUNT_NOUN = /^\s+(?:[\p{L}-]+\s+){0,2}?(?:people|persons|children|men|women|workers|residents|families|homes|houses|buildings|soldiers|troops|civilians|patients|students|voters|votes|members|employees|jobs|cases|deaths|victims|refugees|tonnes|tons|trucks|lorries|vehicles|seats|dollars|euros|pounds|units|acres|hectares|animals|cattle|staff|personnel|officers|police|passengers|ballots|signatures|(?!(?:was|is|has|does|this|its|his|hers|as|us|thus|plus|less|unless|across|perhaps|whereas|always|besides|afterwards)\b)\p{L}{2,}s)\b/iu
const STOP_WORDS = /^(?:according|said|says|told|officials?|police|as|while|but|after|because|amid|when|which|although|though|whereas|before|until|since\s+(?:then|the\s+start))\b/i

const FUNCTION_WORDS = new Set('about some nearly almost around over more at up only just roughly approximately another fewer less of by with in and but to the than least as many estimated an a from'.split(' '))

const addDaysIso = (iso: string, days: number) => format(addDays(parseYmd(iso)!, days))
const COUNT_VERB = /\b(?:holding|held|reported|confirmed|recorded|counted|registered|listed|tallied|put the number|put the toll|put the total|stood at|had put|in (?:a|an|its|their|the) (?:\p{L}+ )?report)\b/iu

function nextBreak(text: string, from: number, end: number): number {
  const m = /[;:—–]|,\s+(?:and|but|while|as|the|which|who|when|according|was|were|is|are|has|have|had)\b|,\s+\p{Ll}+ed\b/u.exec(text.slice(from, end))
  return m ? from + m.index : end
}

function inside(spans: Span[], s: Span): boolean {
  return spans.some((d) => s.start < d.end && d.start < s.end)
}

/** "a vote of 212–198", "by 219 votes to 190": which side of a vote a number counts. */
function tallySide(text: string, n: Span): string | undefined {
  const before = text.slice(Math.max(0, n.start - 24), n.start)
  const after = text.slice(n.end, n.end + 16)
  if (/\bvotes?\s+(?:of\s+)?$/i.test(before) && /^\s*[–-]\s*\d/.test(after)) return 'votes for'
  if (/^\s+votes\s+to\s+\d/i.test(after)) return 'votes for'
  if (/\bvotes?\s+(?:of\s+)?\d[\d,]*\s*[–-]\s*$/i.test(before) || /\d\s+votes\s+to\s+$/i.test(before)) return 'votes against'
  return undefined
}

/** Why a number is not a figure, or undefined if it may be one. */
export function notAFigure(text: string, n: NumberMatch, sentence: Sentence): string | undefined {
  const before = text.slice(Math.max(sentence.start, n.start - 30), n.start)
  const after = text.slice(n.end, Math.min(sentence.end, n.end + 40))
  const written = text.slice(n.start, n.end)
  if (n.kind === 'vague') return 'a vague quantity, not a figure'
  // "at 4:52", "case 2291/25": a time, or a file's number.
  if (/^[-:./]?\d/.test(text.slice(n.end, n.end + 2)) || /\d[:/]$/.test(before)) return 'a time or a code'
  if (n.kind === 'digits' && !n.unit && !n.scaled && n.high === undefined && /^\d{4}$/.test(written) && n.value! >= 1800 && n.value! <= 2100 && !COUNT_NOUN.test(after)) return 'a year'
  if (/^\d{4}s\b/.test(text.slice(n.start, n.end + 1))) return 'a decade'
  if (/\b(?:aged|age of|ages of|ages)\s+$/i.test(before) || /^(?:-|\s)years?(?:-|\s)old\b/i.test(after) || /^-year-olds?\b/i.test(after)) return 'an age'
  // "aged 24 and 31", "aged between 18 and 25": the second age too. "a boy of seven", "a man of 66".
  if (/\baged\s+(?:between\s+)?\d{1,3}\s+(?:and|or|to)\s+$/i.test(before)) return 'an age'
  if (/\b(?:a|the)\s+(?:(?:young|old|elderly)\s+)?(?:boy|girl|man|woman|child|baby|son|daughter|patient|victim|survivor|driver|pilot|pensioner)\s+of\s+$/i.test(before) && n.value! < 120) return 'an age'
  // "The youngest of the dead was 15", "the oldest victim was 81".
  if (/\b(?:youngest|oldest)\b[^,.;]{0,30}\b(?:was|were|is)\s+$/i.test(before) && n.value! < 120 && !n.unit) return 'an age'
  if (/\p{L},\s*$/u.test(before) && /^\s*,/.test(after) && n.value! < 120 && Number.isInteger(n.value) && n.kind === 'digits' && !n.unit) return 'an age'
  // Two years are a period, not a count: "between 2015 and 2024", "2015-2024".
  if (n.high !== undefined && !n.unit && !n.scaled && [n.value!, n.high].every((v) => Number.isInteger(v) && v >= 1800 && v <= 2100) && !/,/.test(written)) return 'a period between two years'
  if (/\b(?:magnitude|magnitude-|category|level|grade|force|phase|stage|scale of|index(?:\s+(?:at|of|reached|hit|stood\s+at|was|is))?)\s*$/i.test(before) || /^(?:-|\s)magnitude\b|^\s+on the richter/i.test(after)) return 'a magnitude or a level on a scale'
  if (DURATION_UNIT.test(after) && !n.unit) {
    const unit = /^(?:\s+(?:or|to|and)\s+[\p{L}\d-]+)?(?:-|\s)(year|month|week|day)s?\b/iu.exec(after)?.[1]
    const around = text.slice(Math.max(sentence.start, n.start - 60), Math.min(sentence.end, n.end + 40))
    if (!(unit && SENTENCE_CONTEXT.test(around))) return 'a duration'
    return undefined
  }
  // "a 52,000-seat stadium", "a 12-member panel": the number describes a noun; it counts nothing
  // the story reports (a sentence or a ban, "an 18-month ban", was kept above).
  if (!n.unit && /^-(?!year|strong|plus|odd|percent|per\b)[\p{Ll}]+(?<!s)\s+[\p{Ll}]/u.test(after)) return 'a number that describes a noun, not a count'
  if (/^-(?:thirds?|quarters?|halves|fifths?|sixths?|tenths?)\b|^\s+(?:in|out of)\s+(?:every\s+)?(?:ten|\d+)\b/i.test(after)) return 'a fraction'
  if (/\b(?:children|kids|babies|infants|adults|those|people|pupils)\s+(?:under|over|aged)\s+$/i.test(before)) return 'an age'
  if (/^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|o[’']clock|hours? gmt)/i.test(after)) return 'a time of day'
  if (/^\s?(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|ft|inches|cm|mm|km\/h|mph|degrees|°)\b/i.test(after)) return 'a measure, not a count'
  if (/(?:\bNo\.|#|\bNumber)\s*$/.test(before)) return 'a number that names something'
  // "at 12 Harbour Road", "40 Quay Street": an address.
  if (n.kind === 'digits' && !n.unit && /^\s+(?:[\p{Lu}][\p{L}’'-]*\s+){1,3}?(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Quay|Boulevard|Way|Place|Drive|Court|Terrace|Row|Crescent|Embankment)\b/u.test(after)) return 'an address'
  // "texted at ten to say": a time of day.
  if (n.kind === 'words' && n.value! <= 12 && /\bat\s+$/i.test(before) && !/^\s+(?:of\s+)?(?:the\s+)?\p{Ll}+s\b/u.test(after)) return 'a time of day'
  // "Article 50", "Route 66", "Resolution 2334": a capitalised word just before, not at the sentence start.
  const named = /([\p{Lu}][\p{L}-]*)\s+$/u.exec(before)
  if (named && n.kind === 'digits' && !n.unit && !FUNCTION_WORDS.has(named[1].toLowerCase()) && n.start - named[0].length > sentence.start) return 'a number that names something'
  if (n.kind === 'words') {
    if (n.value === 1 && !/^\s+(?:person|man|woman|child|soldier|officer|worker|civilian|patient|other)\b/i.test(after)) return 'the word "one"'
    if (n.value === 0) return 'the word "zero"'
    if (/\b(?:the|these|those|both|all|its|their|his|her|our|my|your|every|each|first|last|next|other|of)\s+$/i.test(before) && !/^\s+of\b/.test(after)) return 'a definite number ("the two leaders"), not a figure'
    if (/^\s+(?:times|sides|ways|fronts|reasons|options|goals|phases|rounds|stages|terms|things|parts)\b/i.test(after)) return 'not a count of something reported'
    // A small number in passing ("two quays normally kept for …", "in two villages"): a count
    // the sentence reports has a verb with it or a qualifier before it.
    // Not in passing: a number that opens its sentence is what the sentence is about ("Two
    // residents …, died"); "two more water bombers" adds to a count; "Seventeen were taken to
    // hospital, two in a serious condition" is a part of the count before it.
    const opensSentence = !/[\p{L}\p{N}]/u.test(text.slice(sentence.start, n.start))
    const adds = /^\s+(?:more|other|additional|extra|new|further)\b/i.test(after)
    const part = /,\s*$/.test(before) && /^\s+(?:in\s+(?:a\s+)?(?:serious|critical|grave|stable|life-threatening)\b|(?:seriously|critically|gravely|badly)\b)/i.test(after)
    if (n.value! <= 10 && !qualifierBefore(text, n.start) && !/^\s+of\b/.test(after) && !opensSentence && !adds && !part) {
      const clauseAfter = after.split(/[,;:.—–]/)[0]
      const verbAfter = /\b(?:were|was|are|is|have|has|had|will|would|remain|remained|\p{Ll}+ed)\b/u.test(clauseAfter.split(/\s+/).slice(0, 7).join(' '))
      const verbBefore = /\b(?:won|took|has|have|had|holds|hold|held|killed|injured|wounded|lost|gained|left|kept|got|secured|received|elected|arrested|\p{Ll}+ed)\s+(?:(?:\p{L}+\s+){0,2})$/u.test(before)
      if (!verbAfter && !verbBefore) return 'a small number in passing, with no verb reporting it'
    }
  }
  return undefined
}

/** What the figure counts: the noun phrase after the number, auxiliaries dropped ("people killed in …"). */
function countedAfter(text: string, n: Span, sentence: Sentence): { label: string; end: number } {
  const rest = text.slice(n.end, sentence.end)
  // (Not inside a number: "TVN 33.70", "2,459".)
  const words = rest.split(/(?=\s|[;:()—–]|[,.](?!\d))/)
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
  // "TVN 39 a share on 9 December": the label stops before the date, not on its preposition.
  const label = cleaned.join(' ').replace(/^%\s*/, '').replace(/(?:\s+(?:on|in|at|to|of|for|by|from|with|and|since|until))+$/i, '').trim()
  return { label, end: n.end + used.replace(/\s+$/, '').length }
}

const TOTAL_VERB = /((?:the\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:toll|number|count|total|tally|turnout|figure|deaths|dead|casualties|share|majority|margin|bill|cost|fine|damages|price|budget|deficit|debt|rate|vote)(?:\s+of\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+)?)?)\s+(?:has\s+|had\s+|have\s+)?(?:risen|rose|climbed|reached|stood|stands|hit|jumped|increased|grew|fell|dropped|is|was|were|are|totalled|totaled|topped|passed|exceeded|came|amounted|soared)(?:\s+(?:to|at|by|in))?\s*$/iu

function countedBefore(text: string, sentence: Sentence, at: number): string | undefined {
  const before = text.slice(Math.max(sentence.start, at - 160), at)
  if (!/\b(?:risen|rose|climbed|reached|stood|stands|hit|jumped|increased|grew|fell|dropped|is|was|were|are|totall?ed|topped|passed|exceeded|came|amounted|soared)\b(?:\s+(?:to|at|by|in))?\s*$/.test(before)) return undefined
  const m = TOTAL_VERB.exec(before)
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

const DATA_VERB_BEFORE = /((?:the\s+)?[\p{Lu}\p{Ll}][\p{L}’'-]*(?:\s+[\p{L}’'-]+){0,5}?)\s+(?:has\s+|had\s+|have\s+)?(?:put|puts|estimated|estimates|estimate|recorded|records|counted|counts|registered|logged|listed|tallied|reported|reports)\s+(?:(?:it|the\s+\p{L}+(?:\s+of\s+\p{L}+)?)\s+at\s+|at\s+)?(?:(?:at least|more than|about|some|nearly|around|up to|over)\s+)?$/u

/** "in the first nine months of the year", "over the first six months of 2025". */
const FIRST_MONTHS = /\b(?:in|for|over|during)\s+the\s+first\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months\s+of\s+(?:the\s+year|this\s+year|(\d{4}))\b/i

function attributionFor(text: string, n: Span, sentence: Sentence, statements: StatementCandidate[], discourse: Discourse): { text: string; rule: string } | undefined {
  // The sentence around the number, at most a few hundred characters either side.
  const from = Math.max(sentence.start, n.start - 300)
  const s = text.slice(from, Math.min(sentence.end, n.end + 300))
  // "the finance ministry put at $4.2 billion", "The seismological institute recorded 47".
  // "The ministry’s weekly bulletin, published on Friday, recorded 3,214": when it was
  // published is not part of who recorded it.
  // "The World Health Organization, which also counts suspected cases, put the total at": nor
  // is what a relative clause says of it.
  const near = text.slice(Math.max(sentence.start, n.start - 160), n.start).replace(/,\s+(?:(?:published|released|issued|updated|compiled)\s+[^,;]{1,40}|(?:which|who)\s+[^,;“”"]{1,70}),(?=\s)/g, '').slice(-90)
  const dataVerb = /\b(?:put|puts|estimat|record|count|regist|logged|listed|tallied|reported|reports)/.test(near) ? DATA_VERB_BEFORE.exec(near.replace(/^.*\b(?:that|which)\s+/s, '')) : null
  if (dataVerb && !/^(?:it|they|he|she|which|that)$/i.test(dataVerb[1])) {
    // "The ministry said on Friday it had recorded 1,146": the one who said it; "The
    // ministry’s bulletin on Friday recorded": the bulletin, not the day.
    const who = dataVerb[1].replace(/\s+(?:said|says|told|announced|reported|added)\b.*$/is, '').replace(/\s+(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month)(?:\s+(?:morning|afternoon|evening|night))?$/, '')
    const r = discourse.resolve(who, n.start)
    if (r.speaker) return { text: r.speaker.name, rule: 'attribution-data-verb' }
  }
  for (const st of statements) {
    if (!st.speaker) continue
    const inText = st.text.start <= n.start && n.end <= st.text.end
    if (inText) return { text: st.speaker.name, rule: st.kind === 'quote' ? 'attribution-quote-speaker' : 'attribution-reporting-verb' }
  }
  const according = /\baccording to\s+((?:the\s+)?[^,.;]+?)(?=\s*(?:[,.;]|$|\s+(?:at least|more than|some|about|nearly|\d)))/i.exec(s)
  if (according) {
    const at = from + according.index
    // Not across a "but …" clause that has its own source ("…, according to the manifest, but survivors said …").
    const between = text.slice(Math.min(at, n.end), Math.max(at, n.start))
    // "according to preliminary results the regional electoral commission published": the
    // commission. "according to past postal voting": no source at all.
    const published = /^(?:(?:preliminary|provisional|official|final|latest|new|early|partial)\s+)*(?:results|figures|data|estimates|counts?|tall(?:y|ies)|a\s+(?:count|tally|consensus|report|survey|poll|statement))\s+(?:(?:published|released|compiled|issued|conducted|gathered)\s+(?:(?:last|this|on|in)\s+[A-Za-z\d ]{1,20}?\s+)?by\s+)?((?:the\s+)?\S.*?)(?:\s+(?:published|released|compiled|issued|gave|showed|put|on)\b.*)?$/is.exec(according[1])
    const named = published?.[1] ?? according[1]
    const source = /^(?:the|an?|its|their)\s|^[\p{Lu}\d]/u.test(named)
    if (source && (!/,\s+but\s+/.test(between) || at < n.start && !/,\s+but\s+/.test(text.slice(at, n.start)))) {
      const r = discourse.resolve(named, at)
      return { text: r.speaker && r.rule !== 'speaker-group' ? r.speaker.name : named.replace(/^the\s+(?=[\p{Lu}])/u, ''), rule: 'attribution-according-to' }
    }
  }
  for (const st of statements) {
    if (!st.speaker || st.rule !== 'paraphrase-attributed-after') continue
    if (st.excerpt.start === sentence.start) return { text: st.speaker.name, rule: 'attribution-reporting-verb' }
  }
  if (!/\b(?:figures|data|statistics|estimates|tally|count|numbers|records)\b/.test(s)) return undefined
  const data = /\b(?:figures|data|statistics|estimates|a tally|a count|numbers|records)\s+(?:from|by|released by|published by|compiled by|issued by)\s+((?:the\s+)?[\p{Lu}][^,.;]*?)(?=\s*[,.;]|\s+(?:show|showed|shows|suggest|put|said))/iu.exec(s)
  if (data) return { text: data[1].replace(/^the\s+/i, ''), rule: 'attribution-data-source' }
  const owner = /\b((?:the\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*)(?:[’']s)?\s+(?:figures|data|statistics|estimates|tally|count)\s+(?:show|showed|shows|suggest|suggested|put)\b/u.exec(s)
  if (owner) return { text: owner[1].replace(/^the\s+/i, ''), rule: 'attribution-data-source' }
  return undefined
}

const CURRENCY_NAMES: Partial<Record<Unit, string>> = { USD: 'dollars', EUR: 'euros', GBP: 'pounds', JPY: 'yen', ILS: 'shekels', INR: 'rupees', CHF: 'francs' }

/**
 * Money keeps its unit in the label: "25 million euros in emergency aid" counts euros, not
 * "in emergency aid". The article's own word when it wrote one, else the symbol's name.
 */
function withCurrency(label: string, n: NumberMatch, written: string, rule: string): string {
  if (!n.unit || n.unit === '%') return label
  const word = /\b(dollars?|pounds?|sterling|euros?|yen|shekels?|rupees?|(?:Swiss\s+)?francs?)$/i.exec(written)?.[1] ?? CURRENCY_NAMES[n.unit]
  if (!word || new RegExp(`\\b${word}\\b`, 'i').test(label)) return label
  if (rule === 'figure-counted-after') return `${word} ${label}`
  return /\b(?:of|to|at|by|from|for)$/i.test(label) ? `${label} ${word}` : `${label}, in ${word}`
}

/** Approximate: a softening qualifier, a range, "a dozen", or a rounded decimal with million/billion. */
function approximate(n: NumberMatch, written: string, qualifierApprox: boolean): boolean {
  if (qualifierApprox || n.high !== undefined) return true
  if (/\bdozen\b/i.test(written)) return true
  return n.scaled && /\d\.\d+\s*(?:million|billion|trillion|m|bn|tn)\b/i.test(written)
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
      const side = tallySide(text, n)
      // "The case fatality rate of 1.8%", "a net loss of 186 million euros", "a one-off payment of
      // up to PNT 2,500": the quantity named before "of".
      const quantity = /^.*\b(?:the|a|an|its|their|his|her)\s+((?:[\p{L}’'-]+\s+){0,3}?(?:rate|toll|total|tally|share|price|cost|fine|loss|profit|deficit|surplus|debt|payment|bill|turnout|majority|margin|budget|fee|levy|tax|wage|pension|salary|ransom|bonus|grant|settlement|compensation|yield|inflation|revenue|turnover))\s+of\s+$/isu.exec(text.slice(Math.max(sentence.start, start - 80), start))
      // Mass nouns need no article: "saying inflation of 8.4% was too high".
      const namedBefore = quantity ?? /(?:^|\s)(inflation|unemployment|turnout|growth|revenue|turnover)\s+of\s+$/i.exec(text.slice(Math.max(sentence.start, start - 30), start))
      if (side) {
        label = side
        end = n.end
        rule = 'figure-tally'
      } else if (namedBefore && !/^(?:of|for|in|to)\b/.test(label)) {
        label = namedBefore[1]
        end = q && q.start >= n.end ? q.end : n.end
        rule = 'figure-counted-before'
      } else if (!label || /^(?:of|to|in|at|by|from|for)$/i.test(label) || /^(?:on|by|since|until)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)|^in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|^in\s+the\s+(?:\w+\s+)?(?:months?|year|quarter|half|weeks?)\s+(?:to|ending|ended)\b|^(?:from|on|compared\s+with)\s+(?:a|the)\s+year\s+(?:earlier|ago|before)\b/i.test(label)) {
        // The preposition after it ("rose 3.1% to …") says nothing: the excerpt ends at the number.
        end = q && q.start >= n.end ? q.end : n.end
        const before = countedBefore(text, sentence, start)
        if (before) {
          label = before
          rule = 'figure-counted-before'
        } else {
          // "The death toll from the earthquake … has risen to at least 143": the sentence's subject.
          // In reported speech ("the office said inflation rose to 3.4%") the subject is the reported clause's.
          const reported = /.*\b(?:said|says|reported|announced|that)\s+/is.exec(text.slice(sentence.start, start))
          const clauseFrom = reported ? { start: sentence.start + reported[0].length, end: sentence.end } : sentence
          const subject = /\b(?:has|have|had)?\s*(?:risen|rose|climbed|reached|stood|stands|jumped|increased|grown|grew|fallen|fell|dropped|is|was|were|are|totalled|totaled|topped)\s+(?:(?:by\s+)?[\d.,]+\s?%\s+)?(?:(?:from|on|compared\s+with)\s+(?:a|the)\s+year\s+(?:earlier|ago|before)\s+)?(?:to|at|by)?\s*$/.test(text.slice(sentence.start, start)) ? mainSubject(text, clauseFrom, start) : undefined
          // "killed at least 61,", "with 6.2%,": the words before it in its clause say what it is.
          const context = text.slice(clauseStart(text, sentence, start, numbers), start).trim().split(/\s+/).slice(-6).join(' ')
          // "raised its main interest rate by half a percentage point to 6.25%": the rate.
          const set = /\b(?:raised|lowered|cut|increased|reduced|lifted|set|kept|held)\s+(?:its|the|their|his|her)\s+((?:[\p{L}’'-]+\s+){0,3}?(?:rate|price|target|forecast|tax|levy|tariff|fee|cap|limit|ceiling|threshold|wage|pension|allowance|budget))\s+(?:(?:by|from)\s+[^,;]{1,40}?\s+)?(?:to|at)\s*$/iu.exec(text.slice(sentence.start, start))
          label = subject ? text.slice(subject.start, subject.end).replace(/^the\s+/i, '')
            : set ? set[1]
            // "saying inflation of 8.4%": inflation.
            : context.replace(/^(?:and|but|with|while|as)\s+/i, '').replace(/^(?:\S+\s+)*?\p{Ll}+ing\s+(?=\p{Ll})/u, '').replace(/\s+of$/i, '')
          rule = subject || set ? 'figure-counted-before' : 'figure-context'
        }
      }
      // "rose 14.5% …, to 1,920 solvars a month": the same quantity the figure before counts.
      const prior = figures[figures.length - 1]
      if (/^(?:to|from|at)$/i.test(label) && prior && prior.number.start >= sentence.start && rule === 'figure-context') label = prior.label
      if (!label) continue
      const written = text.slice(n.start, n.end)
      label = withCurrency(label, n, written, rule)
      const cs = clauseStart(text, sentence, start, numbers)
            const excerptStart = rule === 'figure-counted-before' ? Math.min(cs, sentence.start + (text.slice(sentence.start, start).search(/\S/) ?? 0)) : cs
      const excerpt = { start: excerptStart, end: Math.max(end, n.end) }
      // "$4.2 billion, or 3.9% of economic output": the same quantity restated, the same source.
      const previous = figures[figures.length - 1]
      // "3,214 suspected cases, 1,190 of them confirmed": a part of it, from the same source.
      // "318 new cases …, up from 241 the week before": the same count, earlier, from the same source.
      const restated = previous && previous.number.end < n.start && (/^,?\s*or\s+(?:about\s+|some\s+|nearly\s+)?$/.test(text.slice(previous.number.end, start)) ||
        (previous.attribution !== undefined && /^[^.;:]{0,80},\s*(?:up|down)\s+from\s+(?:about\s+|some\s+|nearly\s+)?$/.test(text.slice(previous.number.end, start))) ||
        (/^[^.;:]{0,60},\s*(?:including\s+)?$/.test(text.slice(previous.number.end, start)) && /^\s+of\s+(?:them|whom|which)\b/.test(text.slice(n.end, n.end + 14))))
      // "1,190 of them confirmed": of the suspected cases, the confirmed ones.
      const partOf = restated && /^of\s+(?:them|whom|which)\s+(\S.*)$/i.exec(label)
      if (partOf) label = `${previous.label}: ${partOf[1]}`
      const attribution = restated ? (previous.attribution ? { text: previous.attribution, rule: 'attribution-restated' } : undefined) : attributionFor(text, n, sentence, statements, discourse)
      // As of when: "as of Tuesday", "by Wednesday", or a count the sentence dates ("the 86 deaths it
      // had confirmed on Tuesday evening", "was holding 130 on Tuesday").
      const clauseEnd = nextBreak(text, n.end, sentence.end)
      const counted = dates.find((d) => (d.start >= cs || (/^[\s,]*$/.test(text.slice(d.end, cs)) && !/\S/.test(text.slice(sentence.start, d.start)))) && d.end <= clauseEnd && d.granularity === 'day' && !d.future && d.date <= published &&
        (d.lead === 'as of' || d.lead === 'by' || COUNT_VERB.test(text.slice(cs, clauseEnd))))
      // "318 new cases in the week to 14 March": as of the window's last day.
      const window = counted ? undefined : dates.find((d) => d.rule === 'date-window' && d.start >= n.end && d.end <= clauseEnd && !/[,;]/.test(text.slice(n.end, d.start)))
      const windowEnd = window && addDaysIso(window.date, 6)
      // "…, city officials said on Wednesday": as of the day its source gave it.
      // "The city council said on Monday it would hand out 1.5 million litres": the day of the
      // reporting clause before it.
      const said = counted || window ? undefined : dates.find((d) => d.start >= n.end && d.end <= sentence.end && d.granularity === 'day' && !d.future && d.date <= published &&
        /(?:^|[,;]\s*)(?:[^,;]{0,60}\s)?(?:said|reported|announced|estimated|confirmed|wrote|told\s+\p{L}+|in\s+a\s+(?:\p{L}+\s+)?statement)\s+$/iu.test(text.slice(Math.max(n.end, sentence.start), d.start)))
        ?? dates.filter((d) => d.start >= sentence.start && d.end <= n.start && d.granularity === 'day' && !d.future && d.date <= published && d.lead === 'on' &&
          /\b(?:said|says|reported|announced|estimated|confirmed|wrote(?:\s+to\s+[\p{L} ]{1,40}?)?|told\s+[\p{L} ]{1,40}?)\s+(?:(?:late|early)\s+)?$/iu.test(text.slice(sentence.start, d.start)) &&
          !/[;:“"]|\b(?:said|says|told|according)\b/.test(text.slice(d.end, n.start))).pop()
      // "inflation rose to 3.4% in August": a rate for a month, as of its last day.
      const month = counted || window || n.unit !== '%' ? undefined : dates.find((d) => d.granularity === 'month' && d.start >= n.end && /^\s*(?:of\s+(?:its\s+|their\s+|the\s+)?\p{L}+\s+)?(?:in\s+)?$/iu.test(text.slice(n.end, d.start)) && /^(?:in\s+)?\p{Lu}/u.test(text.slice(d.start, d.end)) && (d.lead === 'in' || /^in\s/i.test(text.slice(d.start, d.end))))
      const monthEnd = month && addDaysIso(format(addMonths({ ...parseYmd(month.date)!, d: 1 }, 1)), -1)
      // "Revenue in the three months to 30 September fell 6% … to DRV 3.86 billion": as of the
      // reporting period's last day, for every figure of the sentence; "A year earlier it made a
      // net profit of …": as of the same day a year before.
      const period = counted || window || month ? undefined : dates.find((d) => d.start >= sentence.start && d.end <= sentence.end && !d.future && d.date <= published &&
        ((d.granularity === 'day' && /\b(?:months?|weeks?|days|quarter|half|year)\s+(?:to|ended|ending)\s+$/i.test(text.slice(Math.max(sentence.start, d.start - 30), d.start))) ||
          // "rose 14.5% in the year to March": as of the month's last day (below).
          (d.granularity === 'month' && /\b(?:months?|quarter|half|year)\s+$/i.test(text.slice(Math.max(sentence.start, d.start - 30), d.start)) && /^(?:to|ending|ended)\s/i.test(text.slice(d.start, d.end))) ||
          (d.rule === 'date-after-event' && /^(?:a|one|\d+|two|three)\s+(?:year|quarter|month)s?\s+(?:earlier|before)$/i.test(text.slice(d.start, d.end)) &&
            // "A year earlier it made …", or the base right after the figure: "up from 1.21 million a year before".
            ((d.start < n.start && /^\s*$/.test(text.slice(sentence.start, d.start))) || (d.start > n.end && /^(?:\s+[\p{L}()]+){0,3}\s+$/u.test(text.slice(n.end, d.start)) && /\bfrom\s+(?:about\s+|some\s+|nearly\s+)?$/i.test(text.slice(Math.max(sentence.start, n.start - 20), n.start)))))))
      // "The ministry’s weekly bulletin, published on Friday, recorded 3,214": as of the day the
      // document that gives the figures came out.
      const issued = counted || window || month || period ? undefined : dates.find((d) => d.start >= sentence.start && d.end <= n.start && d.granularity === 'day' && !d.future && d.date <= published &&
        /\b(?:bulletin|report|update|figures|data|statistics|tally|count|survey|census|statement|assessment|review|audit),?\s+(?:(?:first|last)\s+)?(?:published|released|issued|updated|compiled)\s+$/i.test(text.slice(Math.max(sentence.start, d.start - 60), d.start)))
      const monthClosed = period?.granularity === 'month' ? addDaysIso(format(addMonths({ ...parseYmd(period.date)!, d: 1 }, 1)), -1) : undefined
      let periodEnd = monthClosed ? (monthClosed <= published ? { date: monthClosed } : undefined) : period
      // "a profit of 42 million euros in the same period last year": that period, a year before.
      if (periodEnd && /^[^.;\d]{0,40}?\b(?:in|for)\s+the\s+same\s+(?:period|quarter|months?|half|week)\s+(?:last|a|the\s+previous)\s+year\b/i.test(text.slice(n.end, sentence.end))) {
        periodEnd = { date: `${Number(periodEnd.date.slice(0, 4)) - 1}${periodEnd.date.slice(4)}` }
      }
      // "rose to 2.3 million tonnes in the first nine months of the year": as of that month's
      // last day; "up from 1.4 million a year earlier": the same day a year before.
      const firstMonths = counted || window || month || periodEnd ? undefined : FIRST_MONTHS.exec(text.slice(sentence.start, sentence.end))
      let partYear: { date: string } | undefined
      if (firstMonths) {
        const k = countWord(firstMonths[1])!
        const y = firstMonths[2] ? Number(firstMonths[2]) : Number(published.slice(0, 4))
        const earlier = /^[^.;\d]{0,30}?\b(?:a|one)\s+year\s+(?:earlier|before)\b/i.test(text.slice(n.end, sentence.end)) ? 1 : 0
        const closes = k >= 1 && k <= 12 ? addDaysIso(format(addMonths({ y, m: k, d: 1 }, 1)), -1) : undefined
        if (closes && closes <= published) partYear = { date: `${y - earlier}${closes.slice(4)}` }
      }
      // "were worth about 870 million brunels last year": as of that year's last day.
      const lastYear = counted || window || month || periodEnd || partYear ? undefined : dates.find((d) => d.rule === 'date-year' && d.start > n.end && d.end <= clauseEnd && d.date < published && /^last\s+year$/i.test(text.slice(d.start, d.end)))
      // "rescued 212 people between Thursday and Saturday": as of the window's last day.
      const between = counted ? undefined : dates.find((d) => d.start > n.end && d.end <= clauseEnd && !d.future && d.date <= published && d.granularity === 'day' &&
        /\bbetween\s+(?:[\p{L}\d]+\s+){1,3}and\s+$/iu.test(text.slice(Math.max(n.end, d.start - 40), d.start)))
      const asOfDate = counted ?? between ?? (windowEnd && windowEnd <= published ? { date: windowEnd } : undefined) ?? (monthEnd && monthEnd <= published ? { date: monthEnd } : undefined) ?? periodEnd ?? partYear ?? (lastYear ? { date: `${lastYear.date.slice(0, 4)}-12-31` } : undefined) ?? issued ?? said
        // "corrected the figure on Saturday, saying eight had been counted twice": the day of the
        // reporting clause before the words the figure is in.
        ?? statements.find((st) => st.date && st.date.end <= st.text.start && st.text.start <= n.start && n.end <= st.text.end && st.date.date <= published)?.date
      const dayOf = dates.find((d) => d.start >= sentence.start && d.end <= n.start && d.granularity === 'day' && !d.future && d.lead !== 'as of' && d.lead !== 'by' && d.lead !== 'since')
      const cumulative = /\b(?:have|has)\s+been\b|\bsince\b|\bso far\b|\bin total\b/i.test(text.slice(n.end, excerpt.end + 20))
      figures.push({
        value: n.value!,
        high: n.high,
        unit: n.unit,
        qualifier: q?.qualifier,
        precision: approximate(n, written, q?.approximate ?? false) ? 'approximate' : 'exact',
        label,
        attribution: attribution?.text.replace(SHORT_NAME_AFTER, ''),
        asOf: asOfDate?.date ?? published,
        date: dayOf && !cumulative ? dayOf.date : undefined,
        excerpt,
        number: { start: n.start, end: n.end },
        rule: attribution ? `${rule}+${attribution.rule}` : rule,
        confidence: (n.kind === 'words' ? 0.6 : 0.85) * (rule === 'figure-counted-after' ? 1 : 0.7),
        reason: attribution ? undefined : 'the sentence names no source for this figure',
      })
    }
  }
  return { figures, skipped }
}
