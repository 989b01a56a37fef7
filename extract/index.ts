// The draft extractor: article text in (with its published date and language), a draft
// story dataset out (CONTRACT.md "v2: drafts"). Pure: no I/O, no clock; the same input
// always gives the same draft. Finders and refiners are in their own files (STYLE.md §10);
// this one runs them in order and writes the dataset, every item with its span and rule.
import { findDates } from './dates'
import { findDuration } from './duration'
import { findEvents } from './events'
import { findFigures } from './figures'
import { IdMaker, slugWords } from './ids'
import { segment, sentenceAt } from './segment'
import { Discourse } from './speakers'
import { findStatements } from './statements'
import type { Draft, DraftInput, Localized, Precision, Span } from './types'

/** "The Northern Customs Union, to which both countries belong, said": what it is, not a role. */
const RELATIVE_CLAUSE = /^(?:(?:to|of|in|for|with|from|by|at|on)\s+)?(?:which|whom|who|whose|that)\b/i

export type { DraftInput } from './types'

export interface DraftFigure {
  id: string
  label: Localized
  value: number
  /** A range's upper bound ("50-60"): `value` is its lower bound. */
  valueMax?: number
  /** "%" or a currency code; counts have none. */
  unit?: string
  qualifier?: string
  precision: Precision
  asOf: string
  date?: string
  attribution?: Localized
  excerpt: string
  source: 'article'
  draft: Draft & { value: Span }
}

export interface DraftEvent {
  id: string
  label: Localized
  date: string
  precision: Precision
  dateText?: string
  attribution?: Localized
  excerpt: string
  source: 'article'
  draft: Draft & { dateSpan: Span }
}

export interface DraftStatement {
  id: string
  speaker?: { name: Localized; role?: Localized }
  kind: 'quote' | 'paraphrase'
  text: string
  date?: string
  datePrecision?: Precision
  dateText?: string
  excerpt: string
  source: 'article'
  draft: Draft & { text: Span; group?: number }
}

export interface DraftStory {
  slug?: string
  headline: Localized
  language: string
  published: string
  asOf: string
  sources: { id: 'article'; title?: string; publisher?: string; url?: string; published: string; language: string; text: string }[]
  headlineFigures: string[]
  duration?: { startEvent: string; endEvent?: string; label: Localized; title: Localized }
  figures: DraftFigure[]
  events: DraftEvent[]
  statements: DraftStatement[]
  /** What the extractor set aside, for the editor: vague quantities, and what the draft lacks. */
  draft: { rules: string; skipped: (Span & { excerpt: string; reason: string })[]; needs: string[] }
}

/** Bumped when a rule changes what drafts contain. */
export const RULES_VERSION = 'en-1'

const TOLL = /\b(?:killed|dead|deaths|died|injured|wounded|hurt|missing|displaced|hostages?|sickened|infected|cases|evacuated|arrested|detained|homeless|rescued|strike|striking)\b/i

const loc = (language: string, s: string): Localized => ({ [language]: s })

export function draftStory(input: DraftInput): DraftStory {
  const text = input.text
  const language = input.language ?? 'en'
  const published = input.published
  const paragraphs = segment(text)
  const sentences = paragraphs.flatMap((p) => p.sentences)
  const sentenceOf = (at: number): Span => {
    const s = sentenceAt(sentences, at)
    return s && s.start <= at && at < s.end ? s : { start: at, end: at }
  }

  const dates = findDates(text, published, sentenceOf)
  const discourse = new Discourse(text, paragraphs)
  const statements = findStatements(text, paragraphs, discourse, dates)
  const { figures, skipped } = findFigures(text, sentences, dates, statements, discourse, published)
  const eventCandidates = findEvents(text, sentences, dates, statements)

  const figureIds = new IdMaker('figure')
  const draftFigures: DraftFigure[] = figures.map((f) => ({
    id: figureIds.make(f.label),
    label: loc(language, f.label),
    value: f.value,
    ...(f.high !== undefined ? { valueMax: f.high } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.qualifier ? { qualifier: f.qualifier } : {}),
    precision: f.precision,
    asOf: f.asOf ?? published,
    ...(f.date ? { date: f.date } : {}),
    ...(f.attribution ? { attribution: loc(language, f.attribution) } : {}),
    excerpt: text.slice(f.excerpt.start, f.excerpt.end),
    source: 'article',
    draft: {
      start: f.excerpt.start, end: f.excerpt.end, rule: f.rule, confidence: round(f.confidence), value: f.number,
      ...(f.attribution ? {} : { needs: ['attribution' as const], reason: f.reason }),
    },
  }))

  const eventIds = new IdMaker('event')
  const draftEvents: DraftEvent[] = eventCandidates.map((e) => ({
    id: eventIds.make(e.label),
    label: loc(language, e.label),
    date: e.date,
    precision: e.precision,
    ...(e.dateText ? { dateText: e.dateText } : {}),
    ...(e.attribution ? { attribution: loc(language, e.attribution) } : {}),
    excerpt: text.slice(e.excerpt.start, e.excerpt.end),
    source: 'article',
    draft: {
      start: e.excerpt.start, end: e.excerpt.end, rule: e.rule, confidence: round(e.confidence), dateSpan: e.dateSpan,
      ...(e.attribution ? {} : { needs: ['attribution' as const], reason: 'the article states it without naming a source' }),
    },
  }))

  const statementIds = new IdMaker('statement')
  const draftStatements: DraftStatement[] = statements.filter((s) => !s.hidden).map((s) => {
    const who = s.speaker ? slugWords(s.speaker.name.split(' and ')[0].split(' ').slice(-1)[0], 1) : 'unattributed'
    return {
      id: statementIds.make(`${who} ${text.slice(s.text.start, s.text.end)}`),
      ...(s.speaker ? { speaker: { name: loc(language, s.speaker.name), ...(s.speaker.role && !RELATIVE_CLAUSE.test(s.speaker.role) ? { role: loc(language, s.speaker.role) } : {}) } } : {}),
      kind: s.kind,
      text: text.slice(s.text.start, s.text.end),
      ...(s.date ? { date: s.date.date, datePrecision: s.date.precision, ...(s.date.relative ? { dateText: text.slice(s.date.start, s.date.end) } : {}) } : {}),
      excerpt: text.slice(s.excerpt.start, s.excerpt.end),
      source: 'article',
      draft: {
        start: s.excerpt.start, end: s.excerpt.end, rule: s.rule, confidence: round(s.confidence), text: s.text,
        ...(s.group !== undefined ? { group: s.group } : {}),
        ...(s.speaker ? {} : { needs: ['speaker' as const], reason: s.reason ?? 'no speaker found' }),
      },
    }
  })

  // Headline figures: the first tolls the article attributes, then the first tolls at all.
  const tolls = draftFigures.filter((f) => TOLL.test(f.label[language]))
  const headlineFigures = [...tolls.filter((f) => f.attribution), ...tolls.filter((f) => !f.attribution)].slice(0, 4).map((f) => f.id)
  if (!headlineFigures.length && draftFigures.length) headlineFigures.push((draftFigures.find((f) => f.attribution) ?? draftFigures[0]).id)

  const d = findDuration(text, sentences, eventCandidates, published)
  const duration = d
    ? {
        startEvent: draftEvents[d.startEvent].id,
        label: loc(language, `since ${lowerFirst(draftEvents[d.startEvent].label[language])}`),
        title: loc(language, `Duration of the ${d.noun}`),
      }
    : undefined

  const headline = input.headline?.trim() || firstWords(text, paragraphs[0])
  const needs: string[] = []
  if (!input.headline?.trim()) needs.push('headline')
  if (!input.publisher) needs.push('publisher')
  if (!input.url) needs.push('url')
  return {
    ...(input.headline?.trim() ? { slug: `${slugWords(input.headline, 6)}-${published}`.replace(/^-/, '') } : {}),
    headline: loc(language, headline),
    language,
    published,
    asOf: published,
    sources: [{ id: 'article', ...(input.headline?.trim() ? { title: input.headline.trim() } : {}), ...(input.publisher ? { publisher: input.publisher } : {}), ...(input.url ? { url: input.url } : {}), published, language, text }],
    headlineFigures,
    ...(duration ? { duration } : {}),
    figures: draftFigures,
    events: draftEvents,
    statements: draftStatements,
    draft: { rules: RULES_VERSION, skipped: skipped.map((s) => ({ ...s, excerpt: text.slice(s.start, s.end) })), needs },
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}

function lowerFirst(s: string): string {
  return /^[\p{Lu}][\p{Ll}]/u.test(s) ? s[0].toLowerCase() + s.slice(1) : s
}

/** The article's first sentence, cut at a word under 200 characters: a headline the editor replaces. */
function firstWords(text: string, p: { sentences: Span[] } | undefined): string {
  const s = p?.sentences[0]
  if (!s) return text.slice(0, 200).trim() || 'Draft'
  const first = text.slice(s.start, s.end).trim()
  return first.length <= 200 ? first : first.slice(0, 200).replace(/\s+\S*$/, '') + '…'
}
