// Quote finder: spans between quotation marks of any style (“ ” " ‘ ’ « » „ “), paired per
// paragraph, and the broken ones real copy has (the seed article drops opening and closing
// marks): an opening mark never closed, a closing mark never opened, and a quote running on
// into the next paragraph, which wire style reopens without closing.
import { ATTRIBUTION_VERBS, REPORTING } from './lexicon'
import type { Paragraph } from './segment'
import type { Span } from './types'

export type QuoteBreak = 'unclosed' | 'unopened'

export interface QuoteMatch extends Span {
  /** The words inside the marks (without them). */
  inner: Span
  /** Set when a mark is missing and the span was inferred. */
  broken?: QuoteBreak
  /** The quote runs over more than one paragraph. */
  paragraphs: number
  paragraph: number
}

type MarkRole = 'open' | 'close'
interface Mark {
  at: number
  role: MarkRole
  double: boolean
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)
const isSpaceOrStart = (c: string | undefined) => c === undefined || /[\s([{—–-]/.test(c)

/** Quotation marks in a paragraph, each read as opening or closing; apostrophes are skipped. */
function marks(text: string, p: Paragraph): Mark[] {
  const out: Mark[] = []
  let openDouble = false
  let lowOpened = false
  let openSingle = false
  for (let i = p.start; i < p.end; i++) {
    const c = text[i]
    const prev = i > p.start ? text[i - 1] : undefined
    const next = i + 1 < p.end ? text[i + 1] : undefined
    switch (c) {
      case '“':
        if (openDouble && (lowOpened || !isWordChar(next))) {
          out.push({ at: i, role: 'close', double: true })
          openDouble = lowOpened = false
        } else {
          out.push({ at: i, role: 'open', double: true })
          openDouble = true
        }
        break
      case '„':
      case '«':
        out.push({ at: i, role: 'open', double: true })
        openDouble = true
        lowOpened = c === '„'
        break
      case '”':
      case '»':
        // A "”" typed where "“" belongs: after a space, before a word, with nothing open.
        if (!openDouble && c === '”' && isSpaceOrStart(prev) && isWordChar(next)) {
          out.push({ at: i, role: 'open', double: true })
          openDouble = true
        } else {
          out.push({ at: i, role: 'close', double: true })
          openDouble = lowOpened = false
        }
        break
      case '"':
        if (!openDouble && (isSpaceOrStart(prev) || prev === '‘' || prev === "'") && next !== undefined && !/\s/.test(next)) {
          out.push({ at: i, role: 'open', double: true })
          openDouble = true
        } else {
          out.push({ at: i, role: 'close', double: true })
          openDouble = false
        }
        break
      case '‘':
      case "'":
      case '’': {
        // Apostrophes: "Israel’s", "we’re", "’90s", "agencies’ plan" (after an s, nothing open).
        if (isWordChar(prev) && isWordChar(next)) break
        if ((c === '‘' || c === "'" || c === '’') && isSpaceOrStart(prev) && /\d/.test(next ?? '')) break
        const opening = c === '‘' || (c === "'" && isSpaceOrStart(prev) && isWordChar(next))
        if (opening && isSpaceOrStart(prev) || (opening && (prev === '“' || prev === '"'))) {
          if (!openSingle) {
            out.push({ at: i, role: 'open', double: false })
            openSingle = true
          }
        } else if (openSingle && !isWordChar(next)) {
          out.push({ at: i, role: 'close', double: false })
          openSingle = false
        }
        break
      }
    }
  }
  return out
}

/** Pairs marks: double quotes outermost; single quotes count only outside any double quote. */
function pair(ms: Mark[]): { open?: Mark; close?: Mark }[] {
  const out: { open?: Mark; close?: Mark }[] = []
  let open: Mark | undefined
  let single: Mark | undefined
  for (const m of ms) {
    if (m.double) {
      if (m.role === 'open') {
        if (open) out.push({ open })
        open = m
        single = undefined
      } else if (open) {
        out.push({ open, close: m })
        open = undefined
      } else out.push({ close: m })
    } else if (!open) {
      if (m.role === 'open') single = m
      else if (single) {
        out.push({ open: single, close: m })
        single = undefined
      }
    }
  }
  if (open) out.push({ open })
  return out
}

/**
 * Where an opening mark that is never closed stops: at the end of the paragraph when the
 * quote opens its sentence, else at the first clause break (the seed's `there is “no point
 * … deal, following Israel’s approval …` quotes a fragment inside narration).
 */
function unclosedEnd(text: string, p: Paragraph, from: number): number {
  const sentence = p.sentences.find((s) => s.start <= from && from < s.end) ?? p
  // `she said: “…` introduces a whole quotation, as a quote that opens its sentence does.
  const opensSentence = /^[\s“"‘'«„]*$/.test(text.slice(sentence.start, from)) || /:\s*[“"«„]$/.test(text.slice(sentence.start, from))
  if (opensSentence) return dropLostClose(text, from, nextOpening(text, from, p.end))
  const rest = text.slice(from, sentence.end)
  const brk = rest.search(/[,;:—–]\s|\s[—–]\s/)
  return brk > 0 ? from + brk : sentence.end
}

/** Where the next quotation opens in the paragraph: an unclosed quote ended before it. */
function nextOpening(text: string, from: number, end: number): number {
  const m = /[“«„]|(?<=[\s(])"(?=\S)/.exec(text.slice(from, end))
  return m ? from + m.index : end
}

const LOST_CLOSE = new RegExp(String.raw`,\s+(?:[\p{Lu}][\p{L}\p{M}’'-]*(?:\s+[\p{Lu}][\p{L}\p{M}’'-]*){0,3}|he|she|they|it|the\s+\p{Ll}+(?:\s+\p{Ll}+)?)\s+${ATTRIBUTION_VERBS.source}\.?\s*$`, 'u')

/** The same attribution inside the range, a sentence going on after it: `…, Vik said. She …`. */
const LOST_CLOSE_WITHIN = new RegExp(String.raw`,\s+(?:[\p{Lu}][\p{L}\p{M}’'-]*(?:\s+[\p{Lu}][\p{L}\p{M}’'-]*){0,3}|he|she|they|it)\s+${ATTRIBUTION_VERBS.source}(?=[.,]\s)`, 'u')
/** Inverted: `…, said Dr Nadia Okonjo-Brandt, the ministry’s …`. */
const LOST_CLOSE_INVERTED = /,\s+(?:said|says|added|explained|continued)\s+(?:the\s+)?[\p{Lu}]/u

/**
 * `“They hired too fast, Vik said. “We …”`, `“Most of the children …, said Dr Nadia …`: the
 * closing mark was lost before the attribution, and the quotation ends there.
 */
function dropLostClose(text: string, from: number, end: number): number {
  const range = text.slice(from, end)
  const found = [LOST_CLOSE.exec(range), LOST_CLOSE_WITHIN.exec(range), LOST_CLOSE_INVERTED.exec(range)].filter((m) => m !== null)
  return found.length ? from + Math.min(...found.map((m) => m.index)) : end
}

/** Whether a stray closing mark closes reported speech ("agreeing … that a peace process was required”"). */
function closesReportedSpeech(text: string, sentenceStart: number, at: number): boolean {
  const words = text.slice(sentenceStart, at).toLowerCase().match(/\p{L}+/gu) ?? []
  return words.some((w) => REPORTING.has(w))
}

function trimSpan(text: string, s: number, e: number): Span {
  while (s < e && /[\s,]/.test(text[s])) s++
  while (e > s && /[\s,]/.test(text[e - 1])) e--
  return { start: s, end: e }
}

/** Every quotation in the text, in order, one per quoted span (joining split quotes is statements.ts's job). */
export function findQuotes(text: string, paragraphs: Paragraph[]): QuoteMatch[] {
  const out: QuoteMatch[] = []
  // After a quote that ran over paragraphs, the marks up to its close are spent.
  let spent = -1
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]
    for (const { open, close } of pair(marks(text, p))) {
      if ((open?.at ?? close!.at) <= spent) continue
      if (open && close) {
        out.push({ start: open.at, end: close.at + 1, inner: trimSpan(text, open.at + 1, close.at), paragraphs: 1, paragraph: pi })
        continue
      }
      if (open) {
        const run = runOn(text, paragraphs, pi)
        if (run) {
          out.push({ start: open.at, end: run.closeAt + 1, inner: trimSpan(text, open.at + 1, run.closeAt), paragraphs: run.last - pi + 1, paragraph: pi })
          spent = run.closeAt
          pi = run.last - 1
          break
        }
        const inner = trimSpan(text, open.at + 1, unclosedEnd(text, p, open.at + 1))
        if (inner.end > inner.start) out.push({ start: open.at, end: inner.end, inner, broken: 'unclosed', paragraphs: 1, paragraph: pi })
        continue
      }
      if (close) {
        const sentence = p.sentences.find((s) => s.start <= close.at && close.at < s.end) ?? p
        if (closesReportedSpeech(text, sentence.start, close.at)) continue
        // The opening mark was lost: the quote starts with its sentence, or earlier where the
        // sentences before it in the paragraph read as the same speech ("We are not greedy people.").
        let from = sentence.start
        for (let k = p.sentences.indexOf(sentence as never) - 1; k >= 0; k--) {
          const prev = p.sentences[k]
          const words = text.slice(prev.start, prev.end)
          if (/[“”"«»„]|\b(?:said|says|told|according)\b/i.test(words) || !/\b(?:I|I’m|I'm|[Ww]e|[Ww]e’re|[Ww]e're|[Oo]ur|[Uu]s|[Mm]y|[Mm]e|[Yy]ou|[Yy]our)\b/.test(words)) break
          from = prev.start
        }
        const inner = trimSpan(text, from, close.at)
        if (inner.end > inner.start) out.push({ start: inner.start, end: close.at + 1, inner, broken: 'unopened', paragraphs: 1, paragraph: pi })
      }
    }
  }
  return out
}

/** A quote left open at the end of paragraph `pi` that the next paragraphs reopen and one of them closes. */
function runOn(text: string, paragraphs: Paragraph[], pi: number): { last: number; closeAt: number } | undefined {
  for (let last = pi + 1; last < paragraphs.length; last++) {
    const q = paragraphs[last]
    if (!/^[“"‘«„]/.test(text[q.start])) return undefined
    const first = pair(marks(text, q))[0]
    if (first?.open?.at !== q.start) return undefined
    if (first.close) return { last, closeAt: first.close.at }
  }
  return undefined
}
