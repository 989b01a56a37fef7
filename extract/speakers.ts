// Speaker resolver: who a mention is, from what the article said before it. People are
// registered with their fullest name and a role wherever the text first gives them
// ("U.S. President Donald Trump’s scheduled visit"), so that "President Trump" is Donald
// Trump, "he" the last person named, "they" the last group, and "A senior Hamas official"
// the person the next paragraphs name (the delayed naming of a wire lede).
import { readMention, type Mention } from './names'
import { AUXILIARIES, GROUP_NOUNS, NOT_NAME, ORG_WORDS, REPORTING, TITLE_WORDS } from './lexicon'
import type { Paragraph } from './segment'

export interface Speaker {
  name: string
  role?: string
  kind: 'person' | 'group'
  plural: boolean
}

export interface Resolution {
  speaker?: Speaker
  rule: string
  confidence: number
  reason?: string
}

interface Seen extends Speaker {
  at: number
  surname?: string
}

const RUN = /(?:[\p{Lu}][\p{L}\p{M}’'.-]*|(?<=\s)(?:de|da|van|von|bin|al|el|le|la|du))(?:\s+(?:[\p{Lu}][\p{L}\p{M}’'.-]*|(?:de|da|van|von|bin|al|el|le|la|du|of|for)(?=\s+[\p{Lu}])))*/gu

/** A name as names are written: capitalised words, with "of", "the", "for" between them. */
const PROPER_NAME = /^(?:the\s+)?[\p{Lu}][\p{L}\p{M}’'.-]*(?:\s+(?:[\p{Lu}][\p{L}\p{M}’'.-]*|of|the|for|and|de|du|des|la|le|al))*$/u

const PLACE_BEFORE = /(?:\b(?:in|at|near|outside|across|reached|reaching|into|towards?|via|through)\s+(?:the\s+)?|\b(?:town|city|village|district|province|region|port|capital|county|suburb|island|state)\s+of\s+)$/i

/** A document that speaks for whoever issued it: "the statement said". */
const DOCUMENT = /^the\s+(?:statement|release|press\s+release|communiqu[ée]|announcement|notice|letter|report|decision|ruling|findings|bulletin)$/i

/** A short name in brackets after a long one: " (KADA)". */
export const SHORT_NAME_AFTER = /\s*\([\p{Lu}]{2,8}\)$/u

/**
 * A document its owner issued: "the authority’s 38-page decision", "the agency’s latest
 * report". What it says is the owner's (group 1).
 */
const OWNED_DOCUMENT = /^((?:the\s+)?[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,4}?)[’']s\s+(?:[\p{L}\d-]+\s+){0,3}(?:statement|report|decision|ruling|findings|bulletin|review|assessment|update|survey|audit|study|figures|data|estimates?)$/iu

const GENERIC_BODIES = /^(?:company|firm|group|operator|agency|ministry|organi[sz]ation|union|commission|authority|council|airline|carrier|department|charity|board|party)$/i

const lastWord = (name: string) => name.split(/\s+/).pop()!.toLowerCase()

// What kind of body a word names, where it says: "the commission" is no "Homeland Alliance".
const BODY_KIND: Record<string, string> = {
  alliance: 'party', party: 'party', front: 'party', movement: 'party', coalition: 'party', league: 'party', greens: 'party', union: 'party',
  ministry: 'public', agency: 'public', commission: 'public', authority: 'public', council: 'public', department: 'public', board: 'public', office: 'public', court: 'public', police: 'public',
  company: 'firm', firm: 'firm', operator: 'firm', airline: 'firm', carrier: 'firm', bank: 'firm', group: 'any', organization: 'any', organisation: 'any', charity: 'charity',
}
/** Whether the body called `name` can be the one "the `head`" refers to. */
function sameKind(head: string, name: string): boolean {
  const a = BODY_KIND[head]
  const b = BODY_KIND[lastWord(name)]
  return !a || !b || a === 'any' || b === 'any' || a === b
}

export class Discourse {
  private readonly people: Seen[] = []
  private readonly mentions: Seen[] = []
  /** What "the company", "the agency" were found to be, for the next time the text says it. */
  private readonly definites = new Map<string, Speaker>()
  private readonly nameLike = new Map<string, boolean>()
  /** Short names the text defines: "the Kestrian Anti-Doping Authority (KADA)". */
  private readonly acronyms = new Map<string, string>()

  constructor(
    private readonly text: string,
    private readonly paragraphs: Paragraph[],
  ) {
    this.scanPeople()
    this.scanSources()
    this.scanAcronyms()
  }

  private scanAcronyms() {
    const defined = /((?:the\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+(?:of|for|and|on|the|[\p{Lu}][\p{L}’'-]*)){1,8})\s+\(([\p{Lu}]{2,8})\)/gu
    for (const m of this.text.matchAll(defined)) {
      const letters = m[2]
      // The short name is made of the long one's capitals ("UN Office for Refugees and Migrants (ORM)" too).
      const initials = m[1].replace(/^the\s+/i, '').split(/[\s-]+/).filter((w) => /^[\p{Lu}]/u.test(w)).map((w) => w[0]).join('')
      if (!this.acronyms.has(letters) && (initials.includes(letters[0]) || initials.endsWith(letters.slice(-1)))) this.acronyms.set(letters, m[1].replace(/^The\s/, 'the '))
    }
  }

  /** The full name of a short one the text defined, or the name as it is. */
  fullName(name: string): string {
    const bare = name.replace(/^the\s+/i, '')
    return this.acronyms.get(bare) ?? name
  }

  /**
   * Bodies the text cites with "according to" ("according to preliminary results the
   * regional electoral commission published"), for "the commission" later to name.
   */
  private scanSources() {
    const body = /\baccording to\s+(?:[^,.;]*?\s)?(the\s+(?:[\p{Ll}-]+\s+){1,4}(?:commission|ministry|agency|office|authority|council|service|institute|bureau|department|board|committee|company|bank|court|union|federation|organi[sz]ation))\b/gu
    for (const m of this.text.matchAll(body)) this.mentions.push({ name: m[1], kind: 'group', plural: false, at: m.index + m[0].length - m[1].length })
  }

  /** Every person the text names, with a title before the name or an appositive after it. */
  private scanPeople() {
    const text = this.text
    RUN.lastIndex = 0
    for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
      // A possessive ends a name: "Prime Minister Jana Koval’s Social Democrats".
      let run = m[0].replace(/([’']s)\s.*$/u, '$1')
      let at = m.index
      // Lower-case titles before the run: "Hamas spokesman Abu Zuhri", "health minister Jane Doe".
      // The words just before the run, up to three, with nothing but spaces between them.
      let b = at
      const titled: string[] = []
      while (titled.length < 3 && b > 0 && text[b - 1] === ' ') {
        let w = b - 1
        while (w > 0 && /[\p{L}.-]/u.test(text[w - 1])) w--
        if (w === b - 1) break
        titled.unshift(text.slice(w, b - 1))
        b = w
      }
      let k = titled.length
      while (k > 0 && (TITLE_WORDS.has(titled[k - 1].toLowerCase()) || (k < titled.length && /^[\p{Lu}]/u.test(titled[k - 1])))) k--
      const prefix = titled.slice(k).join(' ')
      if (prefix && TITLE_WORDS.has(titled[titled.length - 1]?.toLowerCase() ?? '')) {
        run = `${prefix} ${run}`
        at -= prefix.length + 1
      }
      // "in the border town of Kefr Amun", "told reporters in Harrow Bay": a place, not a person.
      if (PLACE_BEFORE.test(text.slice(Math.max(0, at - 40), at))) continue
      const ws = run.split(/\s+/)
      let drop = 0
      while (drop < ws.length && NOT_NAME.has(ws[drop].toLowerCase())) drop++
      if (drop === ws.length) continue
      const phrase = ws.slice(drop).join(' ')
      const mention = readMention(phrase)
      if (!mention || mention.kind !== 'person' || / and /.test(mention.name)) continue
      let role = mention.role
      if (!role) {
        // "Tideway’s chief executive, Alan Prescott," / "The transport minister, Helen Ashby,"
        const pre = /(?:^|[.;:]\s+|\n)((?:the|The|[\p{Lu}][\p{L}-]*[’']s|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts)\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+),\s+$/u.exec(text.slice(Math.max(0, at - 80), at))
        if (pre && pre[1].split(/\s+/).some((w) => TITLE_WORDS.has(w.toLowerCase()) || GROUP_NOUNS.test(w))) role = pre[1]
      }
      if (!role) {
        // "Ruth Kaminski, the union’s general secretary," / "said Dr Amina Sule, the district medical officer."
        const appos = /^,\s+((?:a|an|the|his|her|their|its)\s+[^,.;]{3,90}?|[\p{Ll}][\p{L}-]*\s+(?:of|for|at)\s+[^,.;]{3,80}?)(?=[,.;]|$)/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 100))
        if (appos && !/\b(?:said|says|told|urged|warned|and)\b/.test(appos[1]) && (GROUP_NOUNS.test(appos[1]) || appos[1].split(/\s+/).some((w) => TITLE_WORDS.has(w.toLowerCase())))) role = appos[1]
      }
      this.notePerson({ name: mention.name, role, kind: 'person', plural: false, at })
    }
  }

  private notePerson(p: Seen) {
    const known = this.findPerson(p.name, p.at, true)
    if (known) {
      if (p.name.split(' ').length > known.name.split(' ').length) {
        known.name = p.name
        known.surname = undefined
      }
      if (!known.role && p.role) known.role = p.role
      return
    }
    this.people.push(p)
  }

  /** The person called `name` ("Trump" → "Donald Trump"); the earliest registered matches first. */
  private findPerson(name: string, at: number, anywhere = false): Seen | undefined {
    const full = name.toLowerCase()
    const surname = lastWord(name)
    const last = (p: Seen) => (p.surname ??= lastWord(p.name))
    return (
      this.people.find((p) => p.name.toLowerCase() === full) ??
      this.people.find((p) => (anywhere || p.at <= at) && last(p) === surname) ??
      this.people.find((p) => last(p) === surname)
    )
  }

  /**
   * Whether a subject is a name: capitalised words, and a single one ("Revenue fell …") only if
   * the text also capitalises it inside a sentence ("which Halvard treats") or it names a body.
   */
  private readonly bodies = new Map<string, boolean>()

  /** Whether the text calls `name` a company, an agency or the like, in an appositive. */
  private calledABody(name: string): boolean {
    let yes = this.bodies.get(name)
    if (yes === undefined) {
      const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      const body = '(?:company|firm|operator|owner|agency|charity|organi[sz]ation|group|bank|utility|maker|producer|insurer|lender|airline|carrier|broadcaster|newspaper|union|ministry|department|authority)'
      yes = new RegExp(`\\b${n},\\s+(?:the|a|an|its)\\s+(?:(?!(?:for|of|at|with|from|to|in|on|by)\\s)[\\p{L}’'-]+\\s+){0,3}?${body}\\b|\\b${body},\\s+${n}\\b`, 'u').test(this.text)
      this.bodies.set(name, yes)
    }
    return yes
  }

  private namesSomething(name: string): boolean {
    const known = this.nameLike.get(name)
    if (known !== undefined) return known
    let yes = PROPER_NAME.test(name) && (/\s/.test(name.replace(/^the\s+/i, '')) || ORG_WORDS.has(name.toLowerCase()))
    if (!yes && PROPER_NAME.test(name)) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      yes = new RegExp(`[\\p{Ll}\\d,;:]\\s+${escaped}\\b`, 'u').test(this.text)
    }
    this.nameLike.set(name, yes)
    return yes
  }

  private remember(key: string, r: Resolution): Resolution {
    if (r.speaker) this.definites.set(key, r.speaker)
    return r
  }

  /**
   * "Its health spokeswoman, Nadia Oure, …": a reader of the widget has no "its", so the role
   * names whose it is ("the opposition Civic Alliance’s health spokeswoman"), from who the
   * pronoun means where the role is written, or goes without the pronoun.
   */
  ownedRole(role: string | undefined, at: number): string | undefined {
    const m = role ? /^(its|their|his|her)\s+(\S.*)$/iu.exec(role) : null
    if (!m) return role
    const pronoun = ({ its: 'it', their: 'they', his: 'he', her: 'she' } as Record<string, string>)[m[1].toLowerCase()]
    const owner = this.resolve(pronoun, at).speaker
    return owner ? `${owner.name}’s ${m[2]}` : m[2]
  }

  /** Records who was the subject or speaker at `at`, for pronouns after it. */
  note(speaker: Speaker, at: number) {
    this.mentions.push({ ...speaker, at })
  }

  private paragraphOf(at: number): number {
    let lo = 0
    let hi = this.paragraphs.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (at < this.paragraphs[mid].start) hi = mid - 1
      else if (at > this.paragraphs[mid].end) lo = mid + 1
      else return mid
    }
    return lo
  }

  private lastMention(at: number, test: (s: Seen) => boolean): Seen | undefined {
    let best: Seen | undefined
    for (const s of [...this.mentions, ...this.people]) if (s.at < at && test(s) && (!best || s.at > best.at)) best = s
    return best
  }

  resolve(phrase: string, at: number): Resolution {
    const mention = readMention(phrase)
    if (!mention) return { rule: 'speaker-none', confidence: 0, reason: `“${phrase.trim()}” does not read as a speaker` }
    const r = this.resolveMention(mention, at)
    // "the Kestrian Anti-Doping Authority (KADA)": the name, without the short one it defines.
    if (r.speaker && SHORT_NAME_AFTER.test(r.speaker.name)) return { ...r, speaker: { ...r.speaker, name: r.speaker.name.replace(SHORT_NAME_AFTER, '') } }
    return r
  }

  resolveMention(mention: Mention, at: number): Resolution {
    switch (mention.kind) {
      case 'person': {
        // "Castrano Hydro, the company that runs the dam": a name the text calls a body.
        if (this.calledABody(mention.name)) return this.resolveMention({ kind: 'group', name: mention.name, plural: false }, at)
        if (/ and /.test(mention.name)) return { speaker: { name: mention.name, role: mention.role, kind: 'person', plural: true }, rule: 'speaker-named', confidence: 0.85 }
        const known = this.findPerson(mention.name, at)
        const name = known && known.name.split(' ').length >= mention.name.split(' ').length ? known.name : mention.name
        const role = this.ownedRole(known?.role ?? mention.role, known?.at ?? at)
        return { speaker: { name, role: role && cap(role), kind: 'person', plural: false }, rule: known && known.name !== mention.name ? 'speaker-surname' : 'speaker-named', confidence: 0.9 }
      }
      case 'group': {
        // "KADA said": the body the text named "the Kestrian Anti-Doping Authority (KADA)".
        const full = this.acronyms.get(mention.name.replace(/^the\s+/i, ''))
        if (full) return { speaker: { name: full, role: mention.role, kind: 'group', plural: false }, rule: 'speaker-acronym', confidence: 0.85 }
        // "the authority’s 38-page decision said": the authority's words.
        const owned = OWNED_DOCUMENT.exec(mention.name)
        if (owned) {
          const owner = this.resolve(owned[1], at)
          if (owner.speaker) return { ...owner, rule: 'speaker-document', confidence: Math.min(owner.confidence, 0.6) }
        }
        // A surname alone ("Koval conceded"): the person named in full before.
        if (/^[\p{Lu}][\p{L}\p{M}’'-]+$/u.test(mention.name)) {
          const known = this.findPerson(mention.name, at)
          if (known) {
            const role = this.ownedRole(known.role, known.at)
            return { speaker: { name: known.name, role: role && cap(role), kind: 'person', plural: false }, rule: 'speaker-surname', confidence: 0.85 }
          }
        }
        // "“…,” the statement said": the statement of the last body or person who spoke.
        if (DOCUMENT.test(mention.name)) {
          const issuer = this.lastMention(at, (s) => (s.kind === 'group' || s.kind === 'person') && !DOCUMENT.test(s.name) && this.paragraphOf(at) - this.paragraphOf(s.at) <= 1)
          if (issuer) return { speaker: strip(issuer), rule: 'speaker-document', confidence: 0.6 }
        }
        // "the group", "the ministry": the last group whose name ends in the same word.
        if (mention.definite && !/[\p{Lu}]/u.test(mention.name.slice(1)) && mention.name.replace(/^the\s+/i, '').split(' ').length <= 2) {
          const head = lastWord(mention.name)
          const earlier =
            this.lastMention(at, (s) => s.kind === 'group' && lastWord(s.name) === head && s.name.toLowerCase() !== mention.name.toLowerCase()) ??
            this.lastMention(at, (s) => s.kind === 'group' && new RegExp(`\\b${head}\\b`, 'i').test(s.name) && /[\p{Lu}]/u.test(s.name.slice(1)) && s.name.toLowerCase() !== mention.name.toLowerCase())
          if (earlier) return { speaker: strip(earlier), rule: 'speaker-definite', confidence: 0.7 }
          // "The company denied …" after "The ferry’s operator, Vell Island Lines, said …": the body just named.
          if (GENERIC_BODIES.test(mention.name.replace(/^the\s+/i, ''))) {
            const key = mention.name.toLowerCase()
            // The body named last before it, subject or object ("accused Hamas of …, a claim the group denied").
            const named = this.lastNamedBody(at)
            if (named && sameKind(head, named)) return this.remember(key, { speaker: { name: named, kind: 'group', plural: false }, rule: 'speaker-definite-body', confidence: 0.55 })
            const here = this.paragraphOf(at)
            const body = this.lastMention(at, (s) => s.kind === 'group' && !s.plural && this.namesSomething(s.name) && here === this.paragraphOf(s.at) && sameKind(head, s.name))
            if (body) return this.remember(key, { speaker: strip(body), rule: 'speaker-definite-body', confidence: 0.55 })
            // "the company" again, paragraphs later: the company it was before.
            const before = this.definites.get(key)
            if (before) return { speaker: before, rule: 'speaker-definite-body', confidence: 0.5 }
            // "…accused Castrano Hydro of …. The company denied that": the body the sentence before named.
            const previous = this.bodyInPreviousSentence(at)
            if (previous && sameKind(head, previous.name)) return this.remember(key, { speaker: strip(previous), rule: 'speaker-definite-body', confidence: 0.45 })
            // "Talvora Group, the Lindmatt-based maker of …, said …" a paragraph or two before:
            // the last body that spoke and that the text calls a body of this kind.
            const spoke = this.lastMention(at, (s) => {
              if (s.kind !== 'group' || s.plural || here - this.paragraphOf(s.at) > 2) return false
              // Its name says the kind ("… Bank" for "the bank"), or the text calls it a body.
              const named = BODY_KIND[head] !== undefined && BODY_KIND[lastWord(s.name)] === BODY_KIND[head] && this.namesSomething(s.name)
              return named || (this.calledABody(s.name) && sameKind(head, s.name))
            })
            if (spoke) return this.remember(key, { speaker: strip(spoke), rule: 'speaker-definite-body', confidence: 0.45 })
          }
        }
        return { speaker: { name: mention.name, role: mention.role, kind: 'group', plural: mention.plural }, rule: 'speaker-group', confidence: 0.85 }
      }
      case 'description': {
        const resolved = this.nameLater(at)
        if (resolved) {
          if (!resolved.role || !/[\p{Lu}]/u.test(resolved.role[0])) resolved.role = mention.name
          return { speaker: { name: resolved.name, role: mention.name, kind: 'person', plural: false }, rule: 'speaker-named-later', confidence: 0.6 }
        }
        return { speaker: { name: mention.name, kind: 'person', plural: false }, rule: 'speaker-unnamed', confidence: 0.6 }
      }
      case 'pronoun': {
        const test =
          mention.pronoun === 'person' ? (s: Seen) => s.kind === 'person' && !s.plural
            : mention.pronoun === 'plural' ? (s: Seen) => s.plural
              : (s: Seen) => s.kind === 'group' && !s.plural
        const earlier = this.lastMention(at, test)
        if (!earlier) return { rule: 'speaker-pronoun', confidence: 0, reason: `no one named before “${mention.name}” that it can refer to` }
        if (this.paragraphOf(at) - this.paragraphOf(earlier.at) > 3) {
          return { rule: 'speaker-pronoun', confidence: 0, reason: `“${mention.name}” is more than three paragraphs after ${earlier.name}, the last one named` }
        }
        const person = earlier.kind === 'person' ? this.findPerson(earlier.name, at) : undefined
        return { speaker: strip(person ? { ...earlier, name: person.name, role: person.role ?? earlier.role } : earlier), rule: 'speaker-pronoun', confidence: 0.75 }
      }
    }
  }

  /** The nearest capitalised name before `at`, in its sentence or the one before, that is a body, not a person. */
  /**
   * A body that has spoken before and that the previous sentence of the paragraph names,
   * the last one it names: "…accused Castrano Hydro of …. The company denied that".
   */
  private bodyInPreviousSentence(at: number): Seen | undefined {
    const stop = this.text.lastIndexOf('. ', at - 1)
    if (stop < 0 || stop < this.text.lastIndexOf('\n', at)) return undefined
    const from = Math.max(this.text.lastIndexOf('. ', stop - 1) + 1, this.text.lastIndexOf('\n', stop) + 1, 0)
    const sentence = this.text.slice(from, stop)
    let best: { seen: Seen; at: number } | undefined
    for (const seen of this.mentions) {
      if (seen.kind !== 'group' || seen.plural || seen.at >= at || !this.namesSomething(seen.name)) continue
      const where = sentence.lastIndexOf(seen.name)
      if (where >= 0 && (!best || where > best.at)) best = { seen, at: where }
    }
    return best?.seen
  }

  private lastNamedBody(at: number): string | undefined {
    // Within its own sentence only: further back, "the agency" may be another agency.
    const from = Math.max(0, at - 300, this.text.lastIndexOf('. ', at) + 1, this.text.lastIndexOf('\n', at) + 1)
    const window = this.text.slice(from, at)
    // Whole runs only ("Halvard Systems", not its "Systems"); one opening the sentence may be any
    // capitalised word ("Revenue fell"), so it counts only with a second word.
    const runs = [...window.matchAll(/(?<![\p{Lu}][\p{L}\p{M}’'-]*\s+|[\p{L}\p{M}’'-])[\p{Lu}][\p{L}\p{M}’'-]*(?:\s+(?:of\s+)?[\p{Lu}][\p{L}\p{M}’'-]*)*/gu)]
      .filter((r) => !/(?:^|[.!?])\s*$/.test(window.slice(0, r.index)) || /\s/.test(r[0]))
    for (let i = runs.length - 1; i >= 0; i--) {
      const run = runs[i][0].replace(/[’']s$/, '')
      if (NOT_NAME.has(run.toLowerCase()) || TITLE_WORDS.has(run.toLowerCase())) continue
      // "DRV 3.86 billion", "dravins (DRV)": a currency's code, not a body.
      const rest = window.slice(runs[i].index! + runs[i][0].length)
      if (/^[A-Z]{3}$/.test(run) && (/^\s?\d/.test(rest) || /^\)/.test(rest))) continue
      // "the Dutch-Norwegian maker", "the Palestinian militant group": an adjective before a noun.
      const before = window.slice(0, runs[i].index)
      const next = /^\s+(\p{Ll}+)/u.exec(window.slice(runs[i].index! + runs[i][0].length))?.[1]
      if (/\b(?:the|a|an)\s+$/i.test(before) && next && !REPORTING.has(next) && !AUXILIARIES.has(next) && !/ed$/.test(next) && next !== 'of') continue
      const m = readMention(run)
      if (m && m.kind === 'group' && !this.findPerson(run, at)) return m.name
    }
    return undefined
  }

  /** The first person named after `at`, within the next two paragraphs. */
  private nameLater(at: number): Seen | undefined {
    const limit = this.paragraphs[Math.min(this.paragraphOf(at) + 2, this.paragraphs.length - 1)]?.end ?? this.text.length
    const first = this.people.filter((p) => p.at > at && p.at <= limit).sort((a, b) => a.at - b.at)[0]
    return first
  }
}

function strip(s: Seen): Speaker {
  return { name: s.name, role: s.role && cap(s.role), kind: s.kind, plural: s.plural }
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1)
}
