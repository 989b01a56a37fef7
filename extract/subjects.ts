// Who does the verb. Wire copy puts the speaker before a reporting verb in a few shapes,
// each read here: "Israeli officials further revealed" (adverbs and auxiliaries stepped
// over), "In Washington, President Trump pledged" (a leading adverbial dropped), "Bassem
// Naim, a senior figure within …, told" (the appositive is a role), "The provincial
// governor, Leyla Hamidova, told" (the role comes first), "… and warned" (the subject of
// the sentence, for a second verb), and "…, the agency said" (after what was said).
import { AUXILIARIES, REPORTING } from './lexicon'
import type { Span } from './types'

export interface Subject extends Span {
  /** A role the sentence gives beside the name, between commas. */
  role?: Span
  /** Where the subject's phrase starts, role included: what was said ends before it. */
  phraseStart: number
}

const TRAILING = /(?:\s+(?:on|last|this|late on|early on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:on|in)\s+(?:a|an|the)\s+(?:joint\s+)?(?:statement|interview|post|letter|speech|briefing|news conference)|\s+\p{Ll}+ly|\s+(?:first|then|initially|again|also|later|earlier|now|once|twice|still))\s*$/u

function trimEnd(text: string, s: number, e: number): number {
  for (;;) {
    while (e > s && /\s/.test(text[e - 1])) e--
    const seg = text.slice(s, e)
    const trailing = TRAILING.exec(seg)
    if (trailing && trailing.index > 0) {
      e = s + trailing.index
      continue
    }
    const last = /(\S+)$/.exec(seg)
    if (last && AUXILIARIES.has(last[1].toLowerCase()) && last.index > 0) {
      e = s + last.index
      continue
    }
    return e
  }
}

/** Comma-separated parts of text[s, e), skipping commas inside numbers ("52,567"). */
function commaParts(text: string, s: number, e: number): Span[] {
  const parts: Span[] = []
  let from = s
  for (let i = s; i < e; i++) {
    if (text[i] === ',' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) {
      parts.push(trim(text, from, i))
      from = i + 1
    }
  }
  parts.push(trim(text, from, e))
  return parts.filter((p) => p.end > p.start)
}

function trim(text: string, s: number, e: number): Span {
  while (s < e && /\s/.test(text[s])) s++
  while (e > s && /\s/.test(text[e - 1])) e--
  return { start: s, end: e }
}

/** "a senior figure within …", "who flew to …", "34", "the union’s general secretary". */
function isAppositive(text: string, p: Span): boolean {
  return /^(?:a|an|the|who|which|whose|\d|[\p{Ll}])/u.test(text.slice(p.start, p.end)) && !/^(?:and|but|or|then|that)\b/.test(text.slice(p.start, p.end))
}

/** "their coach", "The ferry’s operator", "The transport minister": a role before a name. */
function isRoleBefore(text: string, p: Span): boolean {
  const s = text.slice(p.start, p.end)
  return s.split(/\s+/).length <= 6 && /^(?:the|their|his|her|its|a|an|[\p{Lu}][\p{L}-]*[’']s)\b/iu.test(s) && !/\b(?:said|says|is|was|were|are|has|have|had)\b/.test(s)
}

const IRREGULAR_PAST = new Set('took won came went got made gave held met left lost rose fell began saw ran did put set cut hit kept sent became brought built caught fought heard knew meant paid sold spent stood struck thought wrote drew flew grew threw shook broke spoke chose drove rode sank swam stole froze woke wore tore bore swore'.split(' '))

const LEADING = /^(?:(?:and|but|though|although|while|as|so|yet|that|because|whereas|meanwhile|however|then|also)\b[\s,]*)+/i
// ("At least 23 deaths …" opens with a count, not a phrase of time or place.)
const ADVERBIAL = /^(?:In|On|At(?!\s+(?:least|most)\b)|By|For|After|Before|Since|During|Under|As|With|Among|From|Despite|Until|Earlier|Later|Meanwhile|Separately|However|Speaking|Asked|According to)\b/

function strip(text: string, p: Span): Span {
  const s = text.slice(p.start, p.end)
  const lead = LEADING.exec(s)
  let start = p.start + (lead ? lead[0].length : 0)
  // The last "that" or "which" before the verb opens the clause whose subject this is.
  const inner = text.slice(start, p.end)
  const that = /.*\b(?:that|which|who|whom)\s+/is.exec(inner)
  // "An aid group that has spoken to survivors says": a relative clause about the subject, not a clause of its own.
  const relative = that && /^(?:has|have|had|is|was|were|are|\p{Ll}+ed)\b/u.test(inner.slice(that[0].length)) && /\p{L}/u.test(inner.slice(0, that.index + that[0].search(/\b(?:that|which|who|whom)\s+$/i)))
  if (relative) return trim(text, start, start + that[0].search(/\b(?:that|which|who|whom)\s+$/i))
  if (that) start += that[0].length
  return trim(text, start, p.end)
}

/** The subject of the sentence's main verb, appositives skipped ("Sylvie Renaud, president of …, welcomed"). */
export function mainSubject(text: string, sentence: Span, before: number): Subject | undefined {
  const parts = commaParts(text, sentence.start, before)
  let i = 0
  while (i < parts.length - 1 && ADVERBIAL.test(text.slice(parts[i].start, parts[i].end))) i++
  const first = parts[i]
  if (!first) return undefined
  const words = /\S+/g
  const s = text.slice(first.start, first.end)
  let cut = s.length
  for (let m = words.exec(s); m; m = words.exec(s)) {
    const w = m[0].toLowerCase().replace(/[^\p{L}’'-]/gu, '')
    if (m.index === 0) continue
    if (IRREGULAR_PAST.has(w) || AUXILIARIES.has(w) && !/^(?:also|further|repeatedly|strongly|again|now|then|once|too|still|yet|not|already|recently|jointly|later|earlier|previously|publicly|privately|separately|firmly|flatly|quickly|immediately|formally|officially|initially|reportedly|allegedly)$/.test(w) || REPORTING.has(w) || (/^[\p{Ll}]+ed$/u.test(m[0]) && !/^(?:so-called|based|led)$/.test(m[0]))) {
      cut = m.index
      break
    }
    if (/^[\p{Ll}]+ly$/u.test(m[0]) && m.index > 0) {
      cut = m.index
      break
    }
  }
  if (cut === s.length && parts.length - 1 === i) return undefined
  // "The transport minister, Helen Ashby, urged …": the name after the role.
  const second = parts[i + 1]
  if (cut === s.length && second && isRoleBefore(text, first) && /^[\p{Lu}]/u.test(text.slice(second.start, second.end)) && !/\s(?:said|says|told|has|have|had|is|was|\p{Ll}+ed)\b/u.test(text.slice(second.start, second.end))) {
    return { ...second, role: first, phraseStart: first.start }
  }
  let end = trimEnd(text, first.start, first.start + cut)
  const dangling = /\s+(?:that|which|who|whose)$/i.exec(text.slice(first.start, end))
  if (dangling) end -= dangling[0].length
  const span = trim(text, first.start, end)
  if (span.end <= span.start) return undefined
  return { ...span, phraseStart: span.start }
}

/** The subject of the verb at `verb`, reading back to `from` (the sentence start). */
export function subjectBefore(text: string, from: number, verb: number): Subject | undefined {
  // "Organisers put the crowd at about 60,000; police said …": a clause of its own.
  const semicolon = text.lastIndexOf(';', verb - 1)
  if (semicolon >= from) from = semicolon + 1
  const end = trimEnd(text, from, verb)
  if (end <= from) return undefined
  const before = text.slice(from, end)
  // "… but said", "… and warned": the sentence's subject said it.
  if (/(?:^|[\s,])(?:and|but)(?:\s+also)?$/i.test(before)) return mainSubject(text, { start: from, end }, end)
  // "…, according to the Hallsford Chamber of Commerce, which said": the body named before "which".
  const relative = /,\s+(?:which|who)$/i.exec(before)
  if (relative) {
    const parts = commaParts(text, from, from + relative.index)
    const last = parts[parts.length - 1]
    if (last) {
      const lead = /^(?:according to|by|from)\s+/i.exec(text.slice(last.start, last.end))
      return { start: last.start + (lead ? lead[0].length : 0), end: last.end, phraseStart: last.start }
    }
  }
  const trailingComma = /,\s*$/.test(before)
  const parts = commaParts(text, from, end)
  // "Amir Tahel, 24, who reached Kappa Bay with his brother, said": the clause says who he is.
  while (trailingComma && parts.length > 1 && /^(?:who|whose|which)\s/i.test(text.slice(parts[parts.length - 1].start, parts[parts.length - 1].end))) parts.pop()
  if (!parts.length) return undefined
  const last = parts[parts.length - 1]
  const prev = parts[parts.length - 2]
  if (trailingComma && prev) {
    // "Bassem Naim, a senior figure within the Palestinian militant group, told"
    if (isAppositive(text, last) && !isAppositive(text, prev)) {
      const name = strip(text, prev)
      // "Solberg, 52, said": an age, not a role.
      if (/^\d+$/.test(text.slice(last.start, last.end))) return { ...name, phraseStart: name.start }
      return { ...name, role: last, phraseStart: name.start }
    }
    // "The provincial governor, Leyla Hamidova, told", "their coach, Stefan Oru, said"
    if (/^[\p{Lu}]/u.test(text.slice(last.start, last.end)) && isRoleBefore(text, prev)) {
      return { ...last, role: prev, phraseStart: prev.start }
    }
  }
  const s = strip(text, last)
  if (s.end <= s.start) return undefined
  // A long run of words is a clause, not a subject: its last noun phrase is ("… aid a claim the group").
  const words = text.slice(s.start, s.end).split(/\s+/)
  if (words.length > 8 && words.some((w) => /^\p{Ll}/u.test(w) && !/^(?:and|of|de|al|bin|van|von)$/.test(w))) {
    // Greedy prefix: the shortest noun phrase that ends the run.
    const np = /^(.*\s)((?:the|a|an)\s+(?:[\p{L}’'-]+\s+){0,2}?[\p{L}’'-]+|[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*)$/su.exec(text.slice(s.start, s.end))
    if (np) return { start: s.start + np[1].length, end: s.end, phraseStart: s.start + np[1].length }
  }
  return { ...s, phraseStart: s.start }
}
