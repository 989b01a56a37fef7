// Shapes shared by the finders and refiners. Every candidate knows the span of the source
// text it came from (STYLE.md §10); an excerpt is always text.slice(start, end).

export interface Span {
  start: number
  end: number
}

/**
 * What a draft item needs from the editor before it can be published. `label`: the words it
 * counts lean on another figure (the server's check, widgets/standalone.ts), so it cannot
 * be shown alone as drafted.
 */
export type Need = 'attribution' | 'speaker' | 'date' | 'label'

/** How an item was found: its excerpt's offsets in the source text, the rule, how sure. */
export interface Draft extends Span {
  rule: string
  /** 0–1: how often items found by this rule were right on our own test articles. */
  confidence: number
  needs?: Need[]
  /** Why the extractor abstained or was unsure, for the editor. */
  reason?: string
  /** With the `label` need: what in the label leans on another figure, for the editor. */
  labelProblem?: string
}

export type Precision = 'exact' | 'approximate'

/** Localized text: the extractor writes only the article's language. */
export type Localized = Record<string, string>

export interface DraftInput {
  /** The article as plain text, paragraphs separated by line breaks. */
  text: string
  /** YYYY-MM-DD: the reference date for every relative date ("on Monday", "last week"). */
  published: string
  /** The article's language; only English has rules so far. */
  language?: string
  headline?: string
  url?: string
  publisher?: string
}
