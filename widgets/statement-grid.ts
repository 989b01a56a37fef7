// statement-grid: a card per statement, in the article's order, each with its speaker, role,
// whether the words are a verbatim quote or the article's paraphrase, and the words in the
// language they were published in. Every card has the same type sizes, colours and, within
// a row, the same height: no speaker is given more weight than another.
import { type Example, type InvalidParam, margin, perStory, pick, placeFooter, placeHeader, text, unknownIds, readerNotes } from './common'
import { type LocaleFormat, localeFormat } from './locale'
import { type OptionsOf, commonOptionSpecs, idList, integer, lazySchema, optionsSchema, widthOption } from './options'
import type { Statement, Story } from './story'
import { type Frame, num, svgDocument, textLines } from './svg'
import { type PlacedText, type TextLine, type TextStyle, appendLines, placeText, round } from './text-block'

export const id = 'statement-grid'
export const title = 'Statement grid'
export const description = 'What each party said, as quotes or paraphrase, one card per statement with equal weight.'
export const itemsKey = 'statements'

export const optionSpecs = {
  ...commonOptionSpecs,
  width: widthOption(760),
  columns: integer(
    1,
    4,
    { integer: 'must be a whole number from 1 to 4', min: 'must be at least 1', max: 'must be at most 4' },
    'Columns of cards, 1 to 4; defaults to as many as the width holds. Never narrower than a readable card',
  ),
  statements: idList('statement', 'Comma-separated statement ids, in display order; defaults to all, in the article’s order'),
}
export const options = lazySchema(() => optionsSchema(optionSpecs))
export type StatementGridOptions = OptionsOf<typeof optionSpecs>

export const examples: Example[] = [
  { title: 'All statements', options: {} },
  { title: 'Two columns, Hebrew', options: { columns: '2', locale: 'he' } },
  { title: 'Phone width, dark', options: { width: '320', theme: 'dark' } },
]

export function unavailable(story: Story): string | undefined {
  return story.statements.length ? undefined : `Story "${story.slug}" has no statements to show.`
}

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
    // The article, or the later document (a statement, a report) the editor cited.
    source: !s.source || s.source === story.sources[0].id ? 'the article' : (story.sources.find((d) => d.id === s.source)?.title ?? 'the article'),
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

/** What the widget says for these options, at any width: made once per story (common.ts perStory). */
interface StatementWords {
  title: string
  cards: { speaker: string; role: string | undefined; kind: string; words: string; date: string | undefined }[]
  notes: string[]
  sentences: readonly string[]
}

function statementWords(story: Story, opts: StatementGridOptions, fmt: LocaleFormat): StatementWords {
  return perStory(story, `${id}|${fmt.locale}|${opts.statements ?? ''}`, () => {
    const m = fmt.messages
    const statements = selectStatements(story, opts)
    return {
      title: `${m.statementsTitle}: ${text(story.headline, fmt)}`,
      cards: statements.map((s) => ({
        speaker: text(s.speaker.name, fmt),
        role: s.speaker.role ? text(s.speaker.role, fmt) : undefined,
        kind: s.kind === 'quote' ? m.quote : m.paraphrase,
        words: words(s),
        date: statementDate(s, fmt),
      })),
      notes: [...readerNotes(story, fmt), m.statementsNote, m.asReported(fmt.longDate(story.published))],
      sentences: Object.freeze([
        ...statements.map((s) => {
          const who = s.speaker.role ? `${text(s.speaker.name, fmt)} (${text(s.speaker.role, fmt)})` : text(s.speaker.name, fmt)
          return `${who}, ${s.kind === 'quote' ? m.quote : m.paraphrase}: ${words(s)}.`
        }),
        ...readerNotes(story, fmt),
      ]),
    }
  })
}

export function layout(story: Story, opts: StatementGridOptions): StatementGridLayout {
  const fmt = localeFormat(opts.locale)
  const m = fmt.messages
  const said = statementWords(story, opts, fmt)
  const cardWords = said.cards
  const width = opts.width
  const pad = margin(width)
  const inner = width - 2 * pad
  const header = placeHeader(m.statementsTitle, story, fmt, width)

  const fits = (cardWidth: number) => Math.max(1, Math.floor((inner + GAP) / (cardWidth + GAP)))
  const columns = Math.min(opts.columns ?? Math.min(4, fits(AUTO_CARD)), fits(MIN_CARD), cardWords.length)
  const cardWidth = (inner - GAP * (columns - 1)) / columns
  const textWidth = cardWidth - 2 * CARD_PAD
  // Quotes keep the article's language, English (the schema allows no other yet), and so
  // read left to right inside a right-to-left widget.
  const quoteStyle: TextStyle = { size: 15, role: 'fg', dir: 'ltr', lang: story.language === fmt.locale ? undefined : story.language }
  const style = (size: number, role: 'fg' | 'muted', weight: 'regular' | 'bold'): TextStyle => ({ size, role, weight, dir: fmt.dir, script: fmt.script })
  const speakerStyle = style(15, 'fg', 'bold')
  const roleStyle = style(13, 'muted', 'regular')
  const kindStyle = style(12, 'muted', 'bold')
  const dateStyle = style(12, 'muted', 'regular')

  const lines: TextLine[] = header.lines.slice()
  const cards: StatementGridLayout['cards'] = []
  let rowTop = header.bottom + 16
  // Cards are set row by row; each card's lines go straight into `lines`, and a row is as
  // tall as its tallest card.
  const push = (placed: PlacedText) => appendLines(lines, placed)
  for (let start = 0; start < cardWords.length; start += columns) {
    const end = Math.min(cardWords.length, start + columns)
    let rowHeight = 0
    for (let i = start; i < end; i++) {
      const c = cardWords[i]
      const logicalX = pad + (i - start) * (cardWidth + GAP)
      const x = fmt.dir === 'rtl' ? width - logicalX - cardWidth : logicalX
      const tx = x + CARD_PAD
      let y = rowTop + CARD_PAD
      y += push(placeText(c.speaker, tx, y, textWidth, speakerStyle))
      if (c.role) y += push(placeText(c.role, tx, y, textWidth, roleStyle))
      y += 8
      y += push(placeText(c.kind, tx, y, textWidth, kindStyle))
      y += 2
      y += push(placeText(c.words, tx, y, textWidth, quoteStyle))
      if (c.date) {
        y += 6
        y += push(placeText(c.date, tx, y, textWidth, dateStyle))
      }
      rowHeight = Math.max(rowHeight, y - rowTop + CARD_PAD)
      cards.push({ x: round(x), y: rowTop, width: round(cardWidth), height: 0 })
    }
    for (let i = cards.length - (end - start); i < cards.length; i++) cards[i].height = round(rowHeight)
    rowTop = round(rowTop + rowHeight + GAP)
  }

  const footer = placeFooter(said.notes, fmt, width, rowTop)
  appendLines(lines, footer)
  return {
    frame: {
      id: 'fb-statement-grid', width, height: Math.ceil(rowTop + footer.height + pad - 4), theme: opts.theme,
      lang: fmt.locale, dir: fmt.dir,
      title: said.title,
      sentences: said.sentences,
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
