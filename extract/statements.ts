// Statements: direct quotes (quotes.ts) with their speaker, and reported speech after a
// reporting verb, marked paraphrase. A quote split by "he said", or running over
// paragraphs, is one statement in several spans that share a group. Quotes whose marks
// were lost are kept where the text shows it: a closing mark after reported speech, and
// the speech going on after `…,” he said.` in a paragraph whose marks are broken. Scare
// quotes are dropped. Speakers are read from the attribution next to the quote or the
// subject of the verb and resolved by speakers.ts; none found → the statement abstains.
import type { DateMatch } from './dates'
import { ATTRIBUTION_VERBS, NOT_NAME, REPORTING } from './lexicon'
import { readMention } from './names'
import { findQuotes, type QuoteMatch } from './quotes'
import { type Paragraph, type Sentence, sentenceAt as findSentence } from './segment'
import type { Discourse, Resolution, Speaker } from './speakers'
import { mainSubject, subjectBefore, type Subject } from './subjects'
import type { Span } from './types'

export interface StatementCandidate {
  kind: 'quote' | 'paraphrase'
  /** The words shown: verbatim, inside the excerpt. */
  text: Span
  excerpt: Span
  group?: number
  speaker?: Speaker
  rule: string
  confidence: number
  reason?: string
  /** The speaker's phrase and verb: where the statement's date and a figure's source are read. */
  attribution?: Span
  date?: DateMatch
  /**
   * Reported speech whose own quoted words are the statement shown ("said it had received only
   * 276 … and that the remaining 36 “are still in cells …”"): not in the draft, but still whose
   * figures and dates they are.
   */
  hidden?: boolean
}

const NAME = String.raw`[\p{Lu}][\p{L}\p{M}’'.-]*(?:\s+(?:[\p{Lu}][\p{L}\p{M}’'.-]*|de|da|al|bin|van|von|la|le))*`
// A speaker starts at a word's start: "her" inside "whether" is no one.
const NP = String.raw`(?<![\p{L}\p{M}’'-])(?:he|she|they|it|we|I|(?:(?:the|a|an|their|his|her|its)\s+)?(?:[\p{Ll}][\p{L}-]*\s+){0,3}${NAME}|(?:the|a|an|their|his|her|its)\s+[\p{Ll}][\p{L}-]*(?:\s+[\p{Ll}][\p{L}-]*){0,3})`
const AFTER = new RegExp(String.raw`^[\s,]*(?:[—–]\s*)?(?:(?<np>${NP})(?:,\s+[^,“”"]{2,80})?,?\s+${ATTRIBUTION_VERBS.source}\b|${ATTRIBUTION_VERBS.source}\s+(?<np2>${NP}))`, 'u')
const DASH = new RegExp(String.raw`^\s*[—–]\s*(?<np>${NAME})`, 'u')
// (`told a news conference in the capital, Tarsa: “…`: a place named after its description.)
const BEFORE = new RegExp(String.raw`(?<np>${NP})(?:,\s+(?<app>[^,“”"]{2,80}))?,?\s+(?:${ATTRIBUTION_VERBS.source})(?:\s+[^,:“”"]{1,40}?(?:,\s+[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*){0,2})?)?\s*[:,]\s*$`, 'u')
/** "X called the exchange “a first step, not a gift”": what X called it is X's words. */
const CALLED = new RegExp(String.raw`(?<np>${NP})(?:,\s+[^,“”"]{2,80})?,?\s+(?:called|calls|described|describes|branded|brands|dubbed|termed|labelled|labeled)\s+(?:[^,.;:“”"]{1,50}?\s+)?(?:as\s+)?$`, 'u')
/** "said Porto Lume’s team doctor, Helena Brás": the role, then the name that speaks. */
const ROLE_THEN_NAME = new RegExp(String.raw`^(?:\s+(?:[\p{Ll}][\p{L}-]*\s+){0,3}[\p{Ll}][\p{L}-]*)?,\s+(${NAME})(?=\s*[,.;]|\s*$)`, 'u')

const wordsIn = (text: string, s: Span) => text.slice(s.start, s.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length

function sentenceAt(sentences: Sentence[], at: number): Sentence {
  return findSentence(sentences, at) ?? sentences[sentences.length - 1]
}

function groupSpan(base: number, m: RegExpExecArray, group: string): Span | undefined {
  const np = m.groups?.[group]
  if (!np) return undefined
  const i = m[0].lastIndexOf(np)
  return { start: base + m.index + i, end: base + m.index + i + np.length }
}

interface Adjacent {
  np: Span
  /** Where the attribution is, verb included. */
  span: Span
}

/** The speaker written next to a quote: `,” she said`, `,” said X`, `” — X`, `X said: “`. */
function adjacentAttribution(text: string, q: QuoteMatch, sentences: Sentence[], nextStart: number): Adjacent | undefined {
  const limit = Math.min(nextStart, sentenceAt(sentences, Math.max(q.start, q.end - 1)).end)
  const after = text.slice(q.end, Math.max(q.end, limit))
  let m = AFTER.exec(after)
  if (m) {
    const np = groupSpan(q.end, m, 'np') ?? groupSpan(q.end, m, 'np2')!
    const said = text.slice(np.start, np.end)
    const named = m.groups?.np2 && (/[’']s$/.test(said) || readMention(said)?.kind !== 'person') ? ROLE_THEN_NAME.exec(text.slice(np.end, Math.max(np.end, limit))) : null
    if (named && readMention(named[1])?.kind === 'person') {
      const start = np.end + named[0].length - named[1].length
      return { np: { start, end: start + named[1].length }, span: { start: q.end, end: start + named[1].length } }
    }
    return { np, span: { start: q.end, end: q.end + m[0].length } }
  }
  m = DASH.exec(after)
  if (m) {
    const np = groupSpan(q.end, m, 'np')!
    return { np, span: { start: q.end, end: np.end } }
  }
  const from = Math.max(sentenceAt(sentences, q.start).start, q.start - 200)
  m = BEFORE.exec(text.slice(from, q.start))
  if (m) {
    const np = groupSpan(from, m, 'np')!
    // "Reading the findings at a hearing in Lurenza, Marsk said: “…”": the name before the
    // verb speaks, not the place the phrase before it ends with.
    const app = groupSpan(from, m, 'app')
    const appText = app ? text.slice(app.start, app.end) : ''
    const npText = text.slice(np.start, np.end)
    if (app && /^[\p{Lu}][\p{L}\p{M}’'-]*(?:\s+[\p{Lu}][\p{L}\p{M}’'-]*){0,3}$/u.test(appText) && /^(?:a|an)\s/i.test(npText) && readMention(npText)?.kind !== 'person') return { np: app, span: { start: app.start, end: q.start } }
    return { np, span: { start: np.start, end: q.start } }
  }
  // Four words or more: "described a ‘wall of smoke’" stays a scare quote.
  m = wordsIn(text, q.inner) >= 4 ? CALLED.exec(text.slice(sentenceAt(sentences, q.start).start, q.start)) : null
  if (m) {
    const np = groupSpan(sentenceAt(sentences, q.start).start, m, 'np')!
    return { np, span: { start: np.start, end: q.start } }
  }
  return undefined
}

/** A few marked words that read as said, not as a label: after a verb, or a phrase of their own. */
function spoken(text: string, q: QuoteMatch): boolean {
  const inner = text.slice(q.inner.start, q.inner.end)
  const before = /(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, q.start - 30), q.start))?.[1].toLowerCase() ?? ''
  return /^(?:would|will|could|should|might|may|must|can|was|were|is|are|be|been|being|had|has|have|did|do|does|not|to)$/.test(before)
    || /^(?:to|not|never|in|on|at|by|with|for|from|very|too|so|as|more|less|no\s+longer)\s/i.test(inner)
    || /,/.test(inner)
}

/** A sentence that reads as speech: first or second person, or the present tense of talk. */
function speechLike(sentence: string): boolean {
  if (/[“”"«»„]/.test(sentence) || /\b(?:said|says|told|according)\b/i.test(sentence)) return false
  return /\b(?:I|I’m|I'm|[Ww]e|[Ww]e’re|[Ww]e're|[Oo]ur|[Uu]s|[Mm]y|[Mm]e|[Yy]ou|[Yy]our)\b/.test(sentence) || /\b(?:is|are|am|’re|'re)\s+(?:\p{L}+ing|not|very|so|going)\b/iu.test(sentence)
}

const CONTENT_END = new RegExp(String.raw`,\s+(?:though|although|but(?!\s+that\b)|while|whereas|even as|even though|as\s+(?:\p{Ll}+\s+)?(?:he|she|they|it|officials|\p{Lu}\p{L}+)\s+(?:said|warned|told))\b|;\s|[”»]|\s[—–]\s|,?\s+(?:and|but)\s+(?:also\s+)?(?:${[...REPORTING].filter((v) => !/ing$/.test(v)).join('|')})\b|,\s+(?:saying|adding|arguing|insisting|warning|noting|referring|speaking)\b|,\s+(?:said|says|told|warned|added)\b|,\s+(?:and|but|while)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}’'-]*\s+){1,4}(?:said|says|told|warned|added)\b`, 'gu')

/** What may follow the reporting verb of "…, police said on Monday." and end the sentence. */
const SAID_AFTER_TAIL = String.raw`(?:\s+(?:on|last|late on|early on)\s+\p{Lu}\p{L}+day(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:on|in|at|outside)\s+[^,.;]{0,40}?)?\s*(?:[,.;!?]|$)`
const SAID_AFTER = new RegExp(`^${SAID_AFTER_TAIL}`, 'u')
/** "…, two officials familiar with the list told reporters.": told whom, and nothing more. */
const TOLD_AFTER = new RegExp(String.raw`^(?:\s+(?:reporters|journalists|(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+)*news\s+agency|(?:a|the)\s+news\s+conference|a\s+briefing))?${SAID_AFTER_TAIL}`, 'u')

const REPORTING_OR_SOURCE = new RegExp(String.raw`\b(?:according to|${[...REPORTING].join('|')})\b`, 'i')

/** Where reported speech stops: a concession ("though …"), another reporting verb, a stray closing mark. */
function contentEnd(text: string, from: number, sentenceEnd: number): { end: number; closedByMark: boolean } {
  const rest = text.slice(from, sentenceEnd)
  let stop = -1
  const all = CONTENT_END
  all.lastIndex = 0
  for (let m = all.exec(rest); m; m = all.exec(rest)) {
    // A closing mark whose opening mark is in the same words is a quoted phrase, not the end.
    // "said 312 were released, while 148 were handed over": the same report goes on, unless the
    // clause names its own source ("while the UN said …", "whereas, according to …").
    if (/^,\s+(?:while|whereas)\b/.test(m[0]) && !REPORTING_OR_SOURCE.test(rest.slice(m.index + m[0].length))) continue
    if (/[”»]/.test(m[0]) && /[“«]/.test(rest.slice(0, m.index))) {
      const opens = (rest.slice(0, m.index).match(/[“«]/g) ?? []).length
      const closes = (rest.slice(0, m.index).match(/[”»]/g) ?? []).length
      if (opens > closes) continue
    }
    stop = m.index
    break
  }
  const closedByMark = stop >= 0 && /[”»]/.test(rest[stop])
  let end = stop >= 0 ? from + stop : sentenceEnd
  while (end > from && /[\s.,;:!?]/.test(text[end - 1])) end--
  if (text[end] === '.' && /[.!?]/.test(text[end])) end = end
  return { end, closedByMark }
}

const AFTER_VERB_TOLD = /^(?:\s+(?:the\s+)?(?:[\p{Lu}][\p{L}.’']*\s*)+|\s+(?:reporters|journalists|parliament|lawmakers|supporters|delegates|the\s+\p{Ll}+(?:\s+\p{Ll}+)?|a\s+(?:rally|news\s+conference|briefing|meeting|hearing|crowd)(?:\s+[^,]{0,40}?)?|him|her|them|us|\p{Ll}+))(?:\s+(?:on|last)\s+\p{Lu}\p{L}+day|\s+(?:in|at|outside)\s+[^,]{0,40}?(?=\s+that\b))?(?:,)?\s+(?:that\s+)?/u
const AFTER_VERB = /^(?:\s+(?:on|last)\s+\p{Lu}\p{L}+day(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:in|on)\s+(?:a|an|the)\s+[\p{L}\s-]*?(?:statement|interview|post|letter|speech|briefing|conference))?(?:\s+(?:of|for|on|out))?(?:,)?\s+(?:that\s+)?/u

/** "Dozens of survivors … were moved, it said": a number of people is no one that speaks. */
const QUANTITY = /^(?:dozens|hundreds|thousands|millions|scores|tens|many|most|some|several|few|none|all|both|half|each)\b/i

/** What a sentence's subject does next: "they" and "it" point at it. */
function noteSubjects(text: string, sentence: Sentence, discourse: Discourse) {
  const subject = mainSubject(text, sentence, sentence.end)
  // "Nationally, coverage was 84%": an adverb opening the sentence is nobody "it" can mean.
  const adverb = subject && /^[\p{Lu}]\p{Ll}+ly$/u.test(text.slice(subject.start, subject.end)) && text[subject.end] === ','
  const quantity = subject && QUANTITY.test(text.slice(subject.start, subject.end))
  if (subject && !adverb && !quantity && !/\d/.test(text.slice(subject.start, subject.end)) && text.slice(subject.start, subject.end).split(/\s+/).length <= 8) {
    // ("…, according to the ministry’s daily bulletin, …" is a source, noted below.)
    const m = /^(?:according to|by|from)\s/i.test(text.slice(subject.start, subject.end)) ? undefined : readMention(text.slice(subject.start, subject.end))
    if (m && (m.kind === 'group' || m.kind === 'person')) {
      const r = discourse.resolveMention(m, subject.start)
      if (r.speaker) discourse.note(r.speaker, subject.start)
    }
  }
  const according = /\b(?:according to|released by|published by|issued by)\s+(?:[^,.;]*?\b(?:released|published|issued|compiled)\s+by\s+)?((?!a\s|an\s|his\s|her\s|its\s|their\s)[^,.;]+?)(?=\s+(?:on|last|this)\s+\p{Lu}\p{L}+day\b|\s*[,.;]|$)/giu
  const s = text.slice(sentence.start, sentence.end)
  for (let m = according.exec(s); m; m = according.exec(s)) {
    const at = sentence.start + m.index + m[0].length - m[1].length
    const r = discourse.resolve(m[1], at)
    if (r.speaker) discourse.note(r.speaker, at)
  }
}

function resolveSubject(text: string, subject: Subject, discourse: Discourse): Resolution {
  const r = discourse.resolve(text.slice(subject.start, subject.end), subject.start)
  if (r.speaker && subject.role && !r.speaker.role) r.speaker = { ...r.speaker, role: discourse.ownedRole(text.slice(subject.role.start, subject.role.end), subject.role.start) }
  return r
}

const CLAIM_THEN_SUBJECT = /\b(?:a|an|the)\s+(?:claim|claims|allegation|allegations|accusation|accusations|charge|charges)\s+(?:that\s+)?(?:the\s+\p{L}+|\p{Lu}[\p{L}’'-]*|it|they|he|she)\s+(?:(?:has|have|had|also)\s+)*(?:\p{Ll}+ly\s+)?$/u

const WORD = /[\p{L}]+/gu
const LEAD_NAME = /^(?:The\s+)?([\p{Lu}][\p{L}\p{M}’'-]*(?:\s+[\p{Lu}][\p{L}\p{M}’'-]*)*)(?=\s+\p{Ll})/u

/**
 * The speaker after an inverted verb that ends its sentence: ", said the headteacher, Joseph
 * Amari.", ", said Pellan Grid." What was said is the sentence before the comma.
 */
function invertedSubject(text: string, sentence: Sentence, at: number, verbEnd: number): Subject | undefined {
  if (!/,\s*$/.test(text.slice(sentence.start, at)) || !/^(?:said|says|added)$/i.test(text.slice(at, verbEnd))) return undefined
  // The speaker is a body or a name ("the headteacher", "Pellan Grid"), not reported words
  // ("said his client would appeal") or when and where ("said on Monday", "said outside the court").
  // A name may be followed by its role: ", said Irene Calvo Daza, the agency’s director."
  const m = /^\s+((?:the\s+(?:\p{Ll}[\p{L}’'-]*\s+){0,4}\p{Ll}[\p{L}’'-]*|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[\p{Lu}][\p{L}\p{M}’'-]*(?:\s+(?:of\s+)?[\p{Lu}][\p{L}\p{M}’'-]*){0,4}))(?:,\s+([\p{Lu}][\p{L}\p{M}’'-]*(?:\s+[\p{Lu}][\p{L}\p{M}’'-]*){0,3})|,\s+(?:\d{1,3},\s+)?((?:the|an?|its|his|her|their)\s+[^,;:!?“”"]{1,80}?))?(?:,\s+(?:who|whose)\s+[^;:!?“”"]{1,120}?)?\s*[.!?]?\s*$/u.exec(text.slice(verbEnd, sentence.end))
  // "…, said the plant was safe": a verb in it makes it what was said.
  const saying = /\b(?:was|were|is|are|has|have|had|will|would|could|can|may|might|must|should|did|do|does|be|been|being|not|that|it|they|he|she|who|which)\b|\p{Ll}ed\b/iu
  if (!m || saying.test(m[1]) || (m[3] && (saying.test(m[3]) || /^the\s/i.test(m[1])))) return undefined
  const first = verbEnd + m[0].indexOf(m[1])
  if (m[3]) {
    const role = verbEnd + m[0].lastIndexOf(m[3])
    return { start: first, end: first + m[1].length, role: { start: role, end: role + m[3].length }, phraseStart: first }
  }
  if (m[2]) {
    // "the headteacher, Joseph Amari": the name, with its role.
    const name = verbEnd + m[0].lastIndexOf(m[2])
    return { start: name, end: name + m[2].length, role: { start: first, end: first + m[1].length }, phraseStart: first }
  }
  return { start: first, end: first + m[1].length, phraseStart: first }
}

/** Reported speech in one sentence: each reporting verb, its speaker and what was said. */
function findReported(text: string, sentence: Sentence, quotes: QuoteMatch[], discourse: Discourse, out: StatementCandidate[]) {
  const s = text.slice(sentence.start, sentence.end)
  WORD.lastIndex = 0
  let coveredTo = -1
  let lastSubject: Subject | undefined
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    const verb = m[0].toLowerCase()
    const at = sentence.start + m.index
    const verbEnd = at + m[0].length
    const askedFor = verb === 'asked' && /^\s+for\b/.test(text.slice(verbEnd, verbEnd + 5))
    // Verbs that report only in some uses: "found that", "accepted that", "described pulling …".
    const next = text.slice(verbEnd, verbEnd + 8)
    const isFound = askedFor ||
      ((verb === 'found' || verb === 'accepted' || verb === 'concluded') && /^\s+that\b/.test(next)) ||
      ((verb === 'described' || verb === 'describes') && /^\s+(?!as\b)\p{Ll}/u.test(next))
    if (!REPORTING.has(verb) && !isFound) continue
    if (/^[\p{Lu}]/u.test(m[0]) && m.index === 0 && !verb.endsWith('ing')) continue
    // "Sales in the United States, …": a capital inside a sentence is a name, not a verb.
    if (/^[\p{Lu}]/u.test(m[0]) && m.index > 0) continue
    // "were confirmed", "has been reported": passive, no one is speaking.
    if (/\b(?:was|were|been|being|be|is|are)\s+(?:\p{Ll}+ly\s+)?$/u.test(text.slice(Math.max(sentence.start, at - 20), at))) continue
    if (at < coveredTo) {
      // "accused Hamas of stealing aid a claim the group has repeatedly denied": a second speaker
      // inside the first one's words; the first statement ends before the claim.
      const claim = CLAIM_THEN_SUBJECT.exec(text.slice(Math.max(sentence.start, at - 80), at))
      const last = out[out.length - 1]
      if (!claim || !/^\s*[.,;!?]/.test(text.slice(verbEnd, verbEnd + 2)) || !last) continue
      let cut = at - claim[0].length
      while (cut > last.text.start && /[\s,]/.test(text[cut - 1])) cut--
      last.text = { start: last.text.start, end: cut }
      coveredTo = -1
    }
    if (quotes.some((q) => q.inner.start <= at && at < q.inner.end)) continue
    // The attribution of a quote (`,” he said`, `X said: “`): the quote is the statement.
    const quoteAttribution =
      quotes.some((q) => q.end <= at && q.end > sentence.start && at - q.end < 80 && /^[ \t,—–]*(?:[\p{L}\p{M}.’'-]+\s+){0,5}$/u.test(text.slice(q.end, at)) && !/^[\s,]*(?:and|but)\s/.test(text.slice(q.end, at))) ||
      quotes.some((q) => q.start >= verbEnd && q.start - verbEnd < 60 && /^[^.“”"]*[:,]\s*$/.test(text.slice(verbEnd, q.start)) && !/\bthat\b/.test(text.slice(verbEnd, q.start)))
    if (/^(?:called|calls|calling)$/.test(verb) && !/^\s+(?:for|on)\b/.test(text.slice(verbEnd, verbEnd + 5))) continue
    // "Hospitals admitted more than 1,900 people", "had reported 31 deaths on Friday": a count
    // the verb takes as its object is a figure, not words someone said.
    // ("reported 31 people were missing" is a clause: it stays reported speech.)
    const object = /^\s+(?:(?:more|fewer|less)\s+than\s+|at\s+least\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|only\s+|up\s+to\s+)?\d[\d,.]*\s+(?:[\p{L}-]+\s+){0,4}/u.exec(text.slice(verbEnd, verbEnd + 80))
    if (object && /^(?:admitted|admits|reported|reports|confirmed|confirms|recorded)$/.test(verb) && !/^(?:were|was|had|have|has|are|is|would|will|could|may|might|died|remained|remain)\b/.test(text.slice(verbEnd + object[0].length, verbEnd + object[0].length + 12)) && !/\b(?:were|was|had|have|has|are|is|would|will)\s/.test(object[0])) continue
    if (/^(?:ruled)$/.test(verb) && !/^\s+(?:out|that)\b/.test(text.slice(verbEnd, verbEnd + 6))) continue
    // "Its rules allow a member to …": a possessive or an article before the word makes it a noun.
    if (/^(?:states|rules|reports|notes|claims|estimates|promises|demands|calls|forecast)$/.test(verb) && /\b(?:its|his|her|their|our|my|the|a|an)\s+$/i.test(text.slice(Math.max(sentence.start, at - 8), at))) continue
    // ("Farmers’ groups say …", "Residents say …": a plural that speaks.)
    if (/^(?:states|rules|reports|notes|claims|estimates|say|promises|demands|calls|forecast|projected|agreed|added)$/.test(verb) && !/\b(?:he|she|it|they|[\p{Lu}][\p{L}]+|officials|police|ministry|government|court)\s+(?:also\s+)?$/u.test(text.slice(Math.max(sentence.start, at - 30), at)) && !(verb === 'say' && /^\s*(?:[\p{Lu}][\p{L}’'-]*\s+){0,2}\p{L}+s[’']?\s+(?:\p{Ll}+s\s+)?$/u.test(text.slice(sentence.start, at))) && !/^\s+(?:[^,.;]{0,30}\s)?(?:that|to)\b/.test(text.slice(verbEnd, verbEnd + 40))) continue
    let subject: Subject | undefined
    let rule = 'paraphrase'
    const withNp = /\bwith\s+((?:the\s+)?[\p{Lu}][^,]{1,60}?)\s+$/u.exec(text.slice(sentence.start, at))
    if (verb.endsWith('ing')) {
      if (withNp) {
        const start = sentence.start + withNp.index + withNp[0].indexOf(withNp[1])
        subject = { start, end: start + withNp[1].length, phraseStart: start }
        rule = 'paraphrase-with'
      } else if (/,\s*$/.test(text.slice(sentence.start, at))) {
        subject = lastSubject ?? mainSubject(text, sentence, at)
        // "The vote came two days after the Bank of Lessary raised its rate …, saying …": a
        // vote says nothing; the body of the clause the participle follows does.
        const said = subject && text.slice(subject.start, subject.end)
        const after = /\b(?:after|when|as|because|since|before|while)\s+((?:the\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+(?:of|for|the|[\p{Lu}][\p{L}’'-]*))*)\s+(?:had\s+|has\s+)?\p{Ll}+ed\b[^;:]*$/u.exec(text.slice(sentence.start, at))
        if (after && said && /^(?:the|a|an|its|their)\s+\p{Ll}/iu.test(said) && /^the\s+(?:vote|decision|move|ruling|result|change|rise|fall|increase|cut|plan|law|bill|budget|deal|agreement|announcement|news|report|attack|strike|protest|march)\b/i.test(said)) {
          const start = sentence.start + after.index + after[0].indexOf(after[1])
          subject = { start, end: start + after[1].length, phraseStart: start }
        }
        rule = 'paraphrase-participle'
      } else continue
    } else {
      subject = invertedSubject(text, sentence, at, verbEnd) ?? subjectBefore(text, sentence.start, at)
    }
    const inverted = subject !== undefined && subject.phraseStart > at
    // "…, a claim the group has repeatedly denied": the claim is what is denied, the group denies it.
    let claim: Span | undefined
    if (subject) {
      const c = /^(?:a|an|the)\s+(?:claim|claims|allegation|allegations|accusation|accusations|charge|charges)\s+(?:that\s+)?/i.exec(text.slice(subject.start, subject.end))
      if (c && subject.end - subject.start > c[0].length) {
        claim = { start: subject.start, end: verbEnd }
        subject = { start: subject.start + c[0].length, end: subject.end, phraseStart: subject.start + c[0].length }
      }
    }
    if (subject) lastSubject = subject
    if (quoteAttribution || !subject) continue

    const after = text.slice(verbEnd, sentence.end)
    let content: Span
    let closedByMark = false
    const attributedAfter = (/^(?:told|tells)$/.test(verb) ? TOLD_AFTER : SAID_AFTER).test(after) && !/^\s+that\b/.test(after)
    const commaBefore = text.slice(sentence.start, subject.phraseStart).search(/,\s*$/)
    const claimBefore = /\b(?:a|an|the)\s+(?:claim|claims|allegation|allegations|accusation|accusations|charge|charges|report|reports|suggestion)\s+(?:that\s+)?$/i.exec(text.slice(Math.max(sentence.start, subject.phraseStart - 40), subject.phraseStart))
    if (claim && attributedAfter) {
      content = claim
      rule = 'paraphrase-claim-denied'
    } else if (claimBefore && attributedAfter) {
      // "… a claim the group has repeatedly denied": what was denied is the claim.
      const start = subject.phraseStart - claimBefore[0].length
      content = { start, end: verbEnd }
      rule = 'paraphrase-claim-denied'
    } else if (inverted) {
      // "about 300 children had been vaccinated by noon, said the headteacher, Joseph Amari."
      content = { start: sentence.start, end: at - (/,\s*$/.exec(text.slice(sentence.start, at))?.[0].length ?? 0) }
      rule = 'paraphrase-attributed-after'
    } else if (attributedAfter && commaBefore > 0 && !verb.endsWith('ing')) {
      // "Forty people died, police said.": what was said comes first.
      const firstBreak = /,\s+(?:as|while|when)\s+/.exec(text.slice(sentence.start, subject.phraseStart))
      content = { start: sentence.start, end: sentence.start + commaBefore }
      if (firstBreak && firstBreak.index < commaBefore) content.end = sentence.start + firstBreak.index
      rule = 'paraphrase-attributed-after'
    } else {
      const skip = (verb === 'told' || verb === 'tells' || verb === 'telling' ? AFTER_VERB_TOLD : AFTER_VERB).exec(after)
      const start = verbEnd + (skip ? skip[0].length : 0)
      const end = contentEnd(text, start, sentence.end)
      content = { start, end: end.end }
      closedByMark = end.closedByMark
    }
    if (wordsIn(text, content) < 2) continue
    let resolution = resolveSubject(text, subject, discourse)
    // "Halvard expects restructuring costs of …, it said": "it" is the body the sentence opens with.
    if (rule === 'paraphrase-attributed-after' && /^it$/i.test(text.slice(subject.start, subject.end))) {
      const lead = LEAD_NAME.exec(text.slice(sentence.start, sentence.end))
      const own = lead && !NOT_NAME.has(lead[1].split(' ')[0].toLowerCase()) && !QUANTITY.test(lead[1]) ? discourse.resolve(lead[1], sentence.start) : undefined
      if (own?.speaker?.kind === 'group') resolution = own
    }
    if (!resolution.speaker && resolution.rule === 'speaker-none') continue
    if (resolution.speaker) discourse.note(resolution.speaker, subject.start)
    out.push({
      kind: closedByMark ? 'quote' : 'paraphrase', text: content, excerpt: { start: sentence.start, end: sentence.end }, speaker: resolution.speaker,
      attribution: inverted ? { start: at, end: subject.end } : { start: subject.phraseStart, end: verbEnd },
      rule: closedByMark ? 'quote-unopened-after-verb' : rule, confidence: Math.min(closedByMark ? 0.5 : 0.8, resolution.confidence),
      reason: resolution.speaker ? undefined : resolution.reason,
    })
    coveredTo = Math.max(content.end, verbEnd)
  }
}

/** The spans a quote shows: one per paragraph for a quote that runs on. */
function quoteParts(text: string, q: QuoteMatch, paragraphs: Paragraph[]): Span[] {
  if (q.paragraphs === 1) return [q.inner]
  const parts: Span[] = []
  for (let i = q.paragraph; i < q.paragraph + q.paragraphs; i++) {
    const p = paragraphs[i]
    const s = Math.max(p.start, q.inner.start)
    const e = Math.min(p.end, q.inner.end)
    let start = s
    while (start < e && /[\s“"‘«„]/.test(text[start])) start++
    let end = e
    while (end > start && /[\s,”"’»]/.test(text[end - 1])) end--
    if (end > start) parts.push({ start, end })
  }
  return parts
}

export function findStatements(text: string, paragraphs: Paragraph[], discourse: Discourse, dates: DateMatch[]): StatementCandidate[] {
  const sentences = paragraphs.flatMap((p) => p.sentences)
  const quotes = findQuotes(text, paragraphs)
  const reported: StatementCandidate[] = []
  for (const sentence of sentences) {
    noteSubjects(text, sentence, discourse)
    findReported(text, sentence, quotes, discourse, reported)
  }

  const out: StatementCandidate[] = []
  const lastSpeaker = new Map<number, Speaker>()
  const paragraphOf = (at: number) => paragraphs.findIndex((p) => p.start <= at && at <= p.end)
  let groups = 0
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]
    const next = quotes[i + 1]
    const adj = adjacentAttribution(text, q, sentences, next && next.paragraph === q.paragraph ? next.start : text.length)
    // Scare quotes: a few words no one is said to say ("the “decisive defeat” of Hamas"). In
    // someone's reported speech a few marked words that are not a name for a thing are
    // theirs: "the plan would “hollow out” Kessel", "expected them to last “days, not weeks”",
    // "followed the rules “to the letter”", but not "a final “window of opportunity”".
    const inReported = (s: StatementCandidate) => s.speaker !== undefined && s.text.start <= q.start && q.end <= s.text.end + 1
    if (!adj && wordsIn(text, q.inner) <= 3 && !(wordsIn(text, q.inner) >= 2 && spoken(text, q) && reported.some(inReported))) continue
    let resolution: Resolution | undefined
    const rule = q.broken ? `quote-${q.broken}` : q.paragraphs > 1 ? 'quote-run-on' : 'quote'
    let parts = quoteParts(text, q, paragraphs)
    let end = q.end
    let group: number | undefined = q.paragraphs > 1 ? ++groups : undefined
    if (adj) {
      resolution = discourse.resolve(text.slice(adj.np.start, adj.np.end), adj.np.start)
      end = Math.max(end, adj.span.end)
      // `“A,” she said, “B.”`: one statement in two spans.
      if (next && next.paragraph === q.paragraph && adj.span.start >= q.end && /,\s*$/.test(text.slice(q.end, next.start)) && !/[.!?]/.test(text.slice(q.end, next.start).replace(/\b(?:[A-Z]\.|Dr\.|Mr\.|Ms\.|Mrs\.|St\.)/g, ''))) {
        group = group ?? ++groups
        parts = [...parts, ...quoteParts(text, next, paragraphs)]
        end = next.end
        i++
      }
    } else {
      const host = reported.find((p) => p.text.start <= q.start && q.start <= p.text.end + 1 && p.speaker)
      if (host) {
        resolution = { speaker: host.speaker, rule: 'speaker-reporting-verb', confidence: host.confidence }
      } else if (lastSpeaker.has(q.paragraph)) {
        resolution = { speaker: lastSpeaker.get(q.paragraph), rule: 'speaker-same-paragraph', confidence: 0.7 }
      } else if (lastSpeaker.has(q.paragraph - 1) && /^[“"«„‘]/.test(text[paragraphs[q.paragraph].start])) {
        resolution = { speaker: lastSpeaker.get(q.paragraph - 1), rule: 'speaker-previous-paragraph', confidence: 0.55 }
      }
    }
    const speaker = resolution?.speaker
    if (speaker) {
      discourse.note(speaker, q.start)
      lastSpeaker.set(paragraphOf(end), speaker)
      lastSpeaker.set(q.paragraph, speaker)
    }
    // The day of the saying: in the attribution or after it in its sentence, never a day ahead
    // ("… and said his government would respond within 30 days"), else a day that opens the
    // sentence ("On Wednesday evening, Henrik Stolle called the tariff “…”").
    const opening = adj && sentenceAt(sentences, adj.span.start)
    const date = adj
      ? dates.find((d) => d.start >= adj.span.start && d.end <= Math.max(adj.span.end, sentenceAt(sentences, adj.span.end - 1).end) && d.granularity === 'day' && !d.future && !dateInsideQuote(d, quotes)) ??
        dates.find((d) => opening && d.start >= opening.start && d.granularity === 'day' && !d.future && d.end <= adj.span.start && !/\S/.test(text.slice(opening.start, d.start).replace(/^\s*(?:on|late|early)\s*/i, '')) && /^\s*(?:morning|afternoon|evening|night)?\s*,/.test(text.slice(d.end, d.end + 12)))
      : undefined
    for (const part of parts) {
      const first = sentenceAt(sentences, part.start)
      const last = sentenceAt(sentences, Math.max(part.start, Math.min(part.end, end) - 1))
      const excerpt = { start: Math.min(first.start, part.start), end: Math.max(last.end, part === parts[parts.length - 1] ? Math.min(end, last.end > end ? last.end : end) : last.end) }
      out.push({
        kind: 'quote', text: part, excerpt, group, speaker, rule: parts.length > 1 && q.paragraphs === 1 ? 'quote-split' : rule, date,
        attribution: adj?.span,
        confidence: round(Math.min(q.broken ? 0.6 : 0.95, resolution?.confidence ?? 1)),
        reason: speaker ? undefined : resolution?.reason ?? 'no attribution next to the quote, and no speaker earlier in its paragraph',
      })
    }

    // `…food,” he said. A lot of people … brought in.`: this paragraph's marks are broken, and
    // what follows the attribution to the paragraph's end reads as the same speech.
    if (q.broken && adj && speaker) {
      const p = paragraphs[q.paragraph]
      const afterEnd = sentenceAt(sentences, Math.max(end - 1, q.start)).end
      const run = p.sentences.filter((s) => s.start >= afterEnd && (!quotes[i + 1] || s.end <= quotes[i + 1].start))
      if (run.length && run.every((s) => speechLike(text.slice(s.start, s.end))) && run[run.length - 1].end === p.end) {
        const span = { start: run[0].start, end: p.end }
        const g = out[out.length - 1].group ?? ++groups
        out[out.length - 1].group = g
        out.push({ kind: 'quote', text: span, excerpt: span, group: g, speaker, rule: 'quote-marks-lost', confidence: 0.45, reason: 'no quotation marks: read as the same speaker going on, because this paragraph’s marks are broken' })
      }
    }
  }

  for (const p of reported) {
    // Its own words quoted as the whole of it: the quote is the statement. Reported speech
    // with a partial quote inside is both ("said the damage would be assessed “farm by
    // farm”"): the paraphrase gives the quote its context.
    const inside = out.filter((q) => q.kind === 'quote' && q.text.start >= p.text.start - 2 && q.text.start <= p.text.end)
    const outside = inside.reduce((n, q) => n - wordsIn(text, q.text), wordsIn(text, p.text))
    if (inside.some((q) => wordsIn(text, q.text) > 3) && outside <= 2) p.hidden = true
    // "reported 31 deaths on Friday but corrected the figure on Saturday, saying …": a
    // participle hangs on the clause just before it, so its day is the last one before it.
    // ("Aurel Danescu, who visited the site on Tuesday, said …": the clause dates the visit.)
    const own = dates.filter((d) => p.attribution && d.start >= p.attribution.start && d.end <= p.text.start + 1 && d.granularity === 'day' && !/,\s+(?:who|which)\b[^,]*$/.test(text.slice(p.attribution.start, d.start)))
    p.date = (p.rule === 'paraphrase-participle' ? own[own.length - 1] : own[0])
      ?? (p.rule === 'paraphrase-attributed-after' ? dates.find((d) => d.start >= p.attribution!.end && d.start - p.attribution!.end < 30 && d.granularity === 'day') : undefined)
    out.push(p)
  }
  return out.sort((a, b) => a.text.start - b.text.start)
}

function dateInsideQuote(d: Span, quotes: QuoteMatch[]): boolean {
  return quotes.some((q) => q.inner.start <= d.start && d.end <= q.inner.end)
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}
