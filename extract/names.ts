// Names and roles in a phrase the text uses for a speaker or source: "UN Secretary-General
// António Guterres" is a role and a name; "British Prime Minister Sir Keir Starmer and
// French President Emmanuel Macron" two of each; "Israeli officials" a group; "he" a pronoun
// for the speaker resolver; "A senior Hamas official" a description waiting for its name.
import { GROUP_NOUNS, HONORIFICS, NOT_NAME, ORG_WORDS, PERSON_PRONOUNS, PLURAL_PRONOUNS, TITLE_WORDS } from './lexicon'

export type MentionKind = 'person' | 'group' | 'pronoun' | 'description'

export interface Mention {
  kind: MentionKind
  /** Written with "the": a body the text named before ("the agency", "the commission"). */
  definite?: boolean
  /** The name as the text gives it, without a leading "the". */
  name: string
  role?: string
  plural: boolean
  /** For a pronoun: he/she → a person, they → a group. */
  pronoun?: 'person' | 'plural' | 'it'
}

const PLACE_WORDS = new Set(
  'states kingdom republic strip bank island islands city county province region coast gulf sea ocean river valley east west north south central new united emirates territories street square'.split(' '),
)

const capitalised = (w: string) => /^[\p{Lu}]/u.test(w)
const stripPossessive = (w: string) => w.replace(/[’']s?$/, '')

/** Words of a phrase, with a possessive "’s" and trailing punctuation removed from each. */
function words(phrase: string): string[] {
  return phrase.split(/\s+/).map((w) => w.replace(/[,;:.]+$/, (p) => (/^[A-Z]\.$|\.\w\.$/.test(w) ? p : ''))).filter(Boolean)
}

function isTitle(w: string): boolean {
  const l = stripPossessive(w).toLowerCase()
  return TITLE_WORDS.has(l) || TITLE_WORDS.has(l.replace(/\.$/, ''))
}

/** Whether a run of capitalised words reads as a person's name rather than a place or a body. */
export function looksLikePersonName(ws: string[]): boolean {
  const core = ws.filter((w, i) => !(i === 0 && HONORIFICS.has(w.toLowerCase())))
  if (core.length < 1 || core.length > 4) return false
  for (const w of core) {
    const l = stripPossessive(w).toLowerCase()
    if (!capitalised(w) && !/^(?:de|da|van|von|bin|ibn|al|el|le|la|du|der|di|dos|das)$/.test(l) && !/^al-/.test(l)) return false
    if (ORG_WORDS.has(l) || PLACE_WORDS.has(l) || NOT_NAME.has(l)) return false
    if (/^[\p{Lu}.]+$/u.test(w) && w.length > 1) return false // an acronym: UN, IDF, U.S.
  }
  return core.length >= 2 || ws.length > core.length
}

function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s
}

/** One "Title Name" phrase: the last title word splits the role from the name. */
function splitOne(phrase: string): { name: string; role?: string; person: boolean } {
  const ws = words(phrase)
  let last = -1
  for (let i = 0; i < ws.length - 1; i++) if (isTitle(ws[i])) last = i
  if (last >= 0) {
    const nameWords = ws.slice(last + 1)
    if (nameWords.every((w) => capitalised(w) || /^(?:de|da|van|von|bin|al|el|le|la|du)$/.test(w))) {
      const name = nameWords.map((w, i) => (i === nameWords.length - 1 ? stripPossessive(w) : w)).join(' ')
      return { name, role: ws.slice(0, last + 1).join(' '), person: !nameWords.some((w) => ORG_WORDS.has(stripPossessive(w).toLowerCase())) }
    }
  }
  const name = ws.map((w, i) => (i === ws.length - 1 ? stripPossessive(w) : w)).join(' ')
  return { name, person: looksLikePersonName(name.split(' ')) }
}

/** Reads a speaker phrase; undefined if it names no one (a clause, a thing). */
export function readMention(phrase: string): Mention | undefined {
  let p = phrase.trim().replace(/^[,;:—–-]+|[,;:—–-]+$/g, '').trim()
  if (!p) return undefined
  const lower = p.toLowerCase()
  if (PERSON_PRONOUNS.has(lower)) return { kind: 'pronoun', name: p, plural: false, pronoun: 'person' }
  if (PLURAL_PRONOUNS.has(lower)) return { kind: 'pronoun', name: p, plural: true, pronoun: 'plural' }
  if (lower === 'it') return { kind: 'pronoun', name: p, plural: false, pronoun: 'it' }
  if (lower === 'we' || lower === 'i') return undefined
  if (p.split(/\s+/).length > 12) return undefined
  // "A senior Hamas official": someone the article names later, or never.
  if (/^(?:a|an|one)\s+(?:[\p{L}’'-]+\s+){0,4}?(?:official|spokes(?:man|woman|person)|minister|source|diplomat|officer|commander|adviser|advisor|aide|lawyer|member|executive|leader|figure|negotiator|analyst|resident|witness|doctor|nurse|worker|employee|manager|insider|representative|envoy|delegate)$/iu.test(p)) {
    return { kind: 'description', name: cap(p.replace(/^(?:a|an|one)\s+/i, '')), plural: false }
  }
  const noThe = p.replace(/^the\s+/i, '')
  // Two speakers joined by "and", each with a title: names and roles joined the same way.
  const parts = noThe.split(/\s+and\s+/)
  if (parts.length === 2 && parts.every((x) => capitalised(x.trim()))) {
    const [a, b] = parts.map(splitOne)
    if (a.person && b.person) {
      const role = a.role && b.role ? `${a.role} and ${b.role}` : undefined
      return { kind: 'person', name: `${a.name} and ${b.name}`, role, plural: true }
    }
  }
  const one = splitOne(noThe)
  if (one.person && !/^the\s/i.test(p)) return { kind: 'person', name: one.name, role: one.role, plural: false }
  const ws = words(noThe)
  const hasCapital = ws.some((w) => capitalised(w) && !NOT_NAME.has(w.toLowerCase()))
  // "the coast guard said", "survivors said": a body or a group the article does not name.
  const definiteBody = /^the\s/i.test(p) && ws.length <= 4
  const bare = ws.length <= 3 && /s$/.test(ws[ws.length - 1] ?? '')
  if (!hasCapital && !GROUP_NOUNS.test(noThe) && !definiteBody && !bare) return undefined
  // A phrase that is a clause ("the pressure is necessary") is not a speaker.
  if (/\b(?:is|are|was|were|be|been|would|will|can|could)\b/i.test(noThe)) return undefined
  // The head noun decides: "Humanitarian agencies operating in Gaza" are plural.
  const head = stripPossessive(noThe.split(/\s+(?:in|of|at|from|for|on|with|operating|based|who|which|that|across|near)\b/)[0].split(/\s+/).pop() ?? '')
  const plural = (/^[\p{Ll}]/u.test(head) && /s$/i.test(head) && !/(?:ss|us|is)$/i.test(head)) || /^(?:police|people|staff|personnel)$/i.test(head) || /\band\b/.test(noThe)
  // "the Israeli military" → "Israeli military"; "the council" stays as the text writes it.
  const definite = /^the\s/i.test(p)
  const name = stripPossessive(definite && !/^[\p{Lu}]/u.test(noThe) ? `the ${noThe}` : noThe)
  return { kind: 'group', name, plural, definite }
}
