// statement-grid: a card per statement, in the article's order, each with its speaker, role,
// whether the words are a verbatim quote or the article's paraphrase, and the words in the
// language they were published in. Every card has the same type sizes, colours and, within
// a row, the same height: no speaker is given more weight than another.
import * as z from 'zod/mini'
import { type Example, type InvalidParam, margin, pick, placeFooter, placeHeader, sentencesFor, text, unknownIds, updateNotes } from './common'
import { type LocaleFormat, localeFormat } from './locale'
import { commonOptions, idListOption, widthOption } from './options'
import type { Statement, Story } from './story'
import { type Frame, num, svgDocument, textLines } from './svg'
import { type TextLine, placeText, round } from './text-block'

export const id = 'statement-grid'
export const title = 'Statement grid'
export const description = 'What each party said, as quotes or paraphrase, one card per statement with equal weight.'
export const itemsKey = 'statements'

export const options = z.extend(commonOptions, {
  width: widthOption(760),
  columns: z.optional(
    z.coerce.number().check(
      z.int({ error: 'must be a whole number from 1 to 4' }),
      z.minimum(1, { error: 'must be at least 1' }),
      z.maximum(4, { error: 'must be at most 4' }),
    ),
  ).check(z.describe('Columns of cards, 1 to 4; defaults to as many as the width holds. Never narrower than a readable card')),
  statements: idListOption('statement').check(z.describe('Comma-separated statement ids, in display order; defaults to all, in the article’s order')),
})
export type StatementGridOptions = z.output<typeof options>

export const examples: Example[] = [
  { title: 'All statements', options: {} },
  { title: 'Two columns, Hebrew', options: { columns: '2', locale: 'he' } },
  { title: 'Phone width, dark', options: { width: '320', theme: 'dark' } },
]

export function check(story: Story, opts: StatementGridOptions): InvalidParam[] {
  return unknownIds('statements', opts.statements, story.statements, 'statement')
}

function selectStatements(story: Story, opts: StatementGridOptions): Statement[] {
  return pick(story.statements, opts.statements)
}

export function items(story: Story, opts: StatementGridOptions) {
  const fmt = localeFormat(opts.locale)
  return selectStatements(story, opts).map((s) => ({
    id: s.id,
    speaker: text(s.speaker.name, fmt),
    role: s.speaker.role ? text(s.speaker.role, fmt) : null,
    kind: s.kind,
    text: s.text,
    language: story.language,
    date: s.date ?? null,
    datePrecision: s.date ? (s.datePrecision ?? 'exact') : null,
    source: 'the article',
    asOf: story.published,
    excerpt: s.excerpt,
  }))
}

export interface StatementGridLayout {
  frame: Frame
  cards: { x: number; y: number; width: number; height: number }[]
  lines: TextLine[]
  columns: number
}

const GAP = 16
const CARD_PAD = 14
const AUTO_CARD = 250
const MIN_CARD = 170

function statementDate(s: Statement, fmt: LocaleFormat): string | undefined {
  if (!s.date) return undefined
  const date = fmt.longDate(s.date)
  return s.datePrecision === 'approximate' ? fmt.messages.approximateDate(date) : date
}

function words(s: Statement): string {
  return s.kind === 'quote' ? `“${s.text}”` : s.text
}

export function layout(story: Story, opts: StatementGridOptions): StatementGridLayout {
  const fmt = localeFormat(opts.locale)
  const m = fmt.messages
  const width = opts.width
  const pad = margin(width)
  const inner = width - 2 * pad
  const statements = selectStatements(story, opts)
  const header = placeHeader(m.statementsTitle, story, fmt, width)

  const fits = (cardWidth: number) => Math.max(1, Math.floor((inner + GAP) / (cardWidth + GAP)))
  const columns = Math.min(opts.columns ?? Math.min(4, fits(AUTO_CARD)), fits(MIN_CARD), statements.length)
  const cardWidth = (inner - GAP * (columns - 1)) / columns
  const textWidth = cardWidth - 2 * CARD_PAD
  // Quotes keep the article's language, English (the schema allows no other yet), and so
  // read left to right inside a right-to-left widget.
  const quoteDir = 'ltr'
  const quoteLang = story.language === fmt.locale ? undefined : story.language

  const lines: TextLine[] = [...header.lines]
  const cards: StatementGridLayout['cards'] = []
  let rowTop = header.bottom + 16
  for (let start = 0; start < statements.length; start += columns) {
    const row = statements.slice(start, start + columns)
    const placed = row.map((s, c) => {
      const logicalX = pad + c * (cardWidth + GAP)
      const x = fmt.dir === 'rtl' ? width - logicalX - cardWidth : logicalX
      const tx = x + CARD_PAD
      const out: TextLine[] = []
      let y = rowTop + CARD_PAD
      const place = (value: string, size: number, role: 'fg' | 'muted', weight: 'regular' | 'bold', dir = fmt.dir, lang?: string) => {
        const p = placeText(value, tx, y, textWidth, { size, role, weight, dir, lang, script: lang ? undefined : fmt.script })
        out.push(...p.lines)
        y += p.height
      }
      place(text(s.speaker.name, fmt), 15, 'fg', 'bold')
      if (s.speaker.role) place(text(s.speaker.role, fmt), 13, 'muted', 'regular')
      y += 8
      place(s.kind === 'quote' ? m.quote : m.paraphrase, 12, 'muted', 'bold')
      y += 2
      place(words(s), 15, 'fg', 'regular', quoteDir, quoteLang)
      const date = statementDate(s, fmt)
      if (date) {
        y += 6
        place(date, 12, 'muted', 'regular')
      }
      return { x, lines: out, height: y - rowTop + CARD_PAD }
    })
    const rowHeight = Math.max(...placed.map((p) => p.height))
    for (const p of placed) {
      cards.push({ x: round(p.x), y: rowTop, width: round(cardWidth), height: round(rowHeight) })
      lines.push(...p.lines)
    }
    rowTop = round(rowTop + rowHeight + GAP)
  }

  const footer = placeFooter([...updateNotes(story, fmt), m.statementsNote, m.asReported(fmt.longDate(story.published))], fmt, width, rowTop)
  lines.push(...footer.lines)
  return {
    frame: {
      id: 'fb-statement-grid', width, height: Math.ceil(rowTop + footer.height + pad - 4), theme: opts.theme,
      lang: fmt.locale, dir: fmt.dir,
      title: `${m.statementsTitle}: ${text(story.headline, fmt)}`,
      sentences: sentencesFor(story, `${id}|${fmt.locale}|${opts.statements ?? ''}`, () => [
        ...statements.map((s) => {
          const who = s.speaker.role ? `${text(s.speaker.name, fmt)} (${text(s.speaker.role, fmt)})` : text(s.speaker.name, fmt)
          return `${who}, ${s.kind === 'quote' ? m.quote : m.paraphrase}: ${words(s)}.`
        }),
        ...updateNotes(story, fmt),
      ]),
    },
    cards,
    lines,
    columns,
  }
}

export function render(l: StatementGridLayout): string {
  const body: string[] = []
  for (const c of l.cards) body.push(`<rect class="card" x="${num(c.x + 0.5)}" y="${num(c.y + 0.5)}" width="${num(c.width - 1)}" height="${num(c.height - 1)}" rx="6"/>`)
  return svgDocument(l.frame, textLines(l.lines, body))
}
