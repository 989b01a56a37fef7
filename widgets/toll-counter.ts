// toll-counter: the story's headline figures as large numbers, each with its qualifier
// before the number, its label, its source as the article attributes it and its as-of date.
import * as z from 'zod/mini'
import { type Example, type InvalidParam, margin, pick, placeFooter, placeHeader, sentencesFor, text, unknownIds, updateNotes } from './common'
import { type LocaleFormat, localeFormat, sentenceStart } from './locale'
import { commonOptions, lazySchema, idListOption, widthOption } from './options'
import type { Figure, Story } from './story'
import { type Frame, num, svgDocument, textLines } from './svg'
import { type TextLine, placeText, round } from './text-block'
import { measureText } from './text-measure'

export const id = 'toll-counter'
export const title = 'Toll counter'
export const description = 'The headline figures as large numbers, each with its qualifier, label, source and as-of date.'
export const itemsKey = 'figures'

export const options = lazySchema(() => z.extend(commonOptions, {
  width: widthOption(640),
  figures: idListOption('figure').check(z.describe('Comma-separated figure ids, in display order; defaults to the story’s headline figures')),
}))
export type TollCounterOptions = z.output<typeof options>

export const examples: Example[] = [
  { title: 'Headline figures', options: {} },
  { title: 'Arabic, dark', options: { locale: 'ar', theme: 'dark' } },
  { title: 'One figure, narrow', options: { figures: 'killed-gaza', width: '320' } },
]

export function check(story: Story, opts: TollCounterOptions): InvalidParam[] {
  return unknownIds('figures', opts.figures, story.figures, 'figure')
}

function selectFigures(story: Story, opts: TollCounterOptions): Figure[] {
  return pick(story.figures, opts.figures ?? story.headlineFigures)
}

/** The figures as .json and .csv give them: raw and formatted, with source and excerpt. */
export function items(story: Story, opts: TollCounterOptions) {
  const fmt = localeFormat(opts.locale)
  return selectFigures(story, opts).map((f) => ({
    id: f.id,
    label: text(f.label, fmt),
    value: f.value,
    formatted: fmt.figure(f.value, f.precision),
    qualifier: f.qualifier ?? null,
    precision: f.precision,
    source: text(f.attribution, fmt),
    asOf: f.asOf,
    // The earlier value when a later version changed it, and the date that value was as of.
    previousValue: story.changes?.[f.id]?.previous ?? null,
    previousAsOf: story.changes?.[f.id]?.since ?? null,
    excerpt: f.excerpt,
  }))
}

export interface TollCounterLayout {
  frame: Frame
  lines: TextLine[]
  rules: { x1: number; x2: number; y: number }[]
}

const MIN_CELL = 200
const GAP = 24

/** "up 33 since 6 May 2025", when a later version changed this figure. */
function changeLine(story: Story, f: Figure, fmt: LocaleFormat): string | undefined {
  const change = story.changes?.[f.id]
  if (!change || change.previous === f.value) return undefined
  const delta = f.value - change.previous
  return fmt.messages.change(delta, fmt.integer(Math.abs(delta)), fmt.longDate(change.since))
}

function figureSentence(story: Story, f: Figure, fmt: LocaleFormat): string {
  const m = fmt.messages
  const number = fmt.figure(f.value, f.precision)
  const lead = f.qualifier ? `${m.qualifier[f.qualifier]} ${number}` : number
  const change = changeLine(story, f, fmt)
  return `${sentenceStart(lead, fmt.locale)} ${text(f.label, fmt)}${change ? `, ${change}` : ''} (${m.source(text(f.attribution, fmt))}, ${m.asOf(fmt.longDate(f.asOf))}).`
}

export function layout(story: Story, opts: TollCounterOptions): TollCounterLayout {
  const fmt = localeFormat(opts.locale)
  const m = fmt.messages
  const width = opts.width
  const pad = margin(width)
  const inner = width - 2 * pad
  const figures = selectFigures(story, opts)
  const header = placeHeader(m.tollTitle, story, fmt, width)

  // As many columns as fit at MIN_CELL, then balanced so the last row is not left short.
  const fit = Math.max(1, Math.floor((inner + GAP) / (MIN_CELL + GAP)))
  const rows = Math.ceil(figures.length / Math.min(fit, figures.length))
  const cols = Math.ceil(figures.length / rows)
  const cellWidth = (inner - GAP * (cols - 1)) / cols

  // One number size for all cells, shrunk until the widest number fits its cell.
  const numbers = figures.map((f) => fmt.figure(f.value, f.precision))
  const widest = Math.max(...numbers.map((n) => measureText(n, 1, 'bold', fmt.script)))
  const numberSize = Math.floor(Math.min(width < 480 ? 36 : 44, (cellWidth - 2) / widest))

  const lines: TextLine[] = [...header.lines]
  const rules: TollCounterLayout['rules'] = []
  let rowTop = header.bottom + 16
  for (let r = 0; r < rows; r++) {
    let rowHeight = 0
    // Numbers line up across a row: cells without a qualifier keep its line empty.
    const rowFigures = figures.slice(r * cols, r * cols + cols)
    const qualifierHeight = Math.max(0, ...rowFigures.map((f) =>
      f.qualifier ? placeText(sentenceStart(m.qualifier[f.qualifier], fmt.locale), 0, 0, cellWidth, { size: 14, weight: 'bold', role: 'muted', dir: fmt.dir, script: fmt.script }).height : 0))
    for (let c = 0; c < cols; c++) {
      const f = figures[r * cols + c]
      if (!f) break
      const logicalX = pad + c * (cellWidth + GAP)
      const x = fmt.dir === 'rtl' ? width - logicalX - cellWidth : logicalX
      rules.push({ x1: round(x), x2: round(x + cellWidth), y: rowTop })
      let y = rowTop + 10
      const place = (s: string, size: number, role: 'fg' | 'muted', weight: 'regular' | 'bold' = 'regular', leading = 1.35) => {
        const placed = placeText(s, x, y, cellWidth, { size, weight, role, dir: fmt.dir, script: fmt.script, leading })
        lines.push(...placed.lines)
        y += placed.height
      }
      if (f.qualifier) place(sentenceStart(m.qualifier[f.qualifier], fmt.locale), 14, 'muted', 'bold')
      y = rowTop + 10 + qualifierHeight
      place(numbers[r * cols + c], numberSize, 'fg', 'bold', 1.15)
      const change = changeLine(story, f, fmt)
      if (change) place(change, 13, 'muted', 'bold')
      place(text(f.label, fmt), 15, 'fg')
      y += 6
      place(m.source(text(f.attribution, fmt)), 12, 'muted')
      place(sentenceStart(m.asOf(fmt.longDate(f.asOf)), fmt.locale), 12, 'muted')
      rowHeight = Math.max(rowHeight, y - rowTop)
    }
    rowTop += rowHeight + 20
  }
  const footer = placeFooter([...updateNotes(story, fmt), m.asReported(fmt.longDate(story.published))], fmt, width, rowTop)
  lines.push(...footer.lines)
  return {
    frame: {
      id: 'fb-toll-counter', width, height: Math.ceil(rowTop + footer.height + pad - 4), theme: opts.theme,
      lang: fmt.locale, dir: fmt.dir,
      title: `${m.tollTitle}: ${text(story.headline, fmt)}`,
      sentences: sentencesFor(story, `${id}|${fmt.locale}|${opts.figures ?? ''}`, () => [...figures.map((f) => figureSentence(story, f, fmt)), ...updateNotes(story, fmt)]),
    },
    lines,
    rules,
  }
}

export function render(l: TollCounterLayout): string {
  const body: string[] = []
  for (const r of l.rules) body.push(`<line class="rule" x1="${num(r.x1)}" x2="${num(r.x2)}" y1="${num(r.y)}" y2="${num(r.y)}"/>`)
  return svgDocument(l.frame, textLines(l.lines, body))
}
