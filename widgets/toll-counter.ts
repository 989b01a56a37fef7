// toll-counter: the story's headline figures as large numbers, each with its qualifier
// before the number, its label, its source as the article attributes it and its as-of date.
import { type Example, type InvalidParam, margin, perStory, pick, placeFooter, placeHeader, text, unknownIds, readerNotes } from './common'
import { type LocaleFormat, localeFormat, sentenceStart } from './locale'
import { type OptionsOf, commonOptionSpecs, idList, lazySchema, optionsSchema, widthOption } from './options'
import type { Figure, Story } from './story'
import { type Frame, num, svgDocument, textLines } from './svg'
import { type PlacedText, type TextLine, type TextStyle, appendLines, placeText, round } from './text-block'
import { measureText } from './text-measure'

export const id = 'toll-counter'
export const title = 'Toll counter'
export const description = 'The headline figures as large numbers, each with its qualifier, label, source and as-of date.'
export const itemsKey = 'figures'

export const optionSpecs = {
  ...commonOptionSpecs,
  width: widthOption(640),
  figures: idList('figure', 'Comma-separated figure ids, in display order; defaults to the story’s headline figures'),
}
export const options = lazySchema(() => optionsSchema(optionSpecs))
export type TollCounterOptions = OptionsOf<typeof optionSpecs>

export const examples: Example[] = [
  { title: 'Headline figures', options: {} },
  { title: 'Arabic, dark', options: { locale: 'ar', theme: 'dark' } },
  { title: 'Phone width', options: { width: '320' } },
]

export function unavailable(story: Story): string | undefined {
  return story.figures.length ? undefined : `Story "${story.slug}" has no figures to show.`
}

export function check(story: Story, opts: TollCounterOptions): InvalidParam[] {
  return unknownIds('figures', opts.figures, story.figures, 'figure')
}

function selectFigures(story: Story, opts: TollCounterOptions): Figure[] {
  // Without headline figures chosen, the first four stand in (a story drafted from its article).
  return pick(story.figures, opts.figures ?? (story.headlineFigures.length ? story.headlineFigures : story.figures.slice(0, 4).map((f) => f.id)))
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
    // The day a figure about a past event counts (7 October 2023), besides the day it is as of.
    date: f.date ?? null,
    // Its value at its previous as-of, when an update moved the as-of (widgets/revision.ts).
    previousValue: story.revision?.changes[f.id]?.previous ?? null,
    previousAsOf: story.revision?.changes[f.id]?.since ?? null,
    // Changed by a correction that still stands: the value was wrong, not the world different.
    corrected: isCorrected(story, f),
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

const isCorrected = (story: Story, f: Figure) => story.revision?.corrected.includes(f.id) ?? false

/**
 * "up 133 since 6 May 2025": only when an update moved the figure's as-of, against its value
 * at the previous as-of; never for a corrected figure, whose change is no change in the world.
 */
function changeLine(story: Story, f: Figure, fmt: LocaleFormat): string | undefined {
  const change = story.revision?.changes[f.id]
  if (!change || change.previous === f.value || isCorrected(story, f)) return undefined
  const delta = f.value - change.previous
  return fmt.messages.change(delta, fmt.amount(Math.abs(delta)), fmt.longDate(change.since))
}

function figureSentence(story: Story, f: Figure, fmt: LocaleFormat): string {
  const m = fmt.messages
  const number = fmt.figure(f.value, f.precision)
  const lead = f.qualifier ? `${m.qualifier[f.qualifier]} ${number}` : number
  const change = changeLine(story, f, fmt)
  const day = f.date ? `, ${m.figureDay(fmt.longDate(f.date))}` : ''
  const mark = isCorrected(story, f) ? ` (${m.correctedMark})` : ''
  return `${sentenceStart(lead, fmt.locale)} ${text(f.label, fmt)}${day}${change ? `, ${change}` : ''}${mark} (${m.source(text(f.attribution, fmt))}, ${m.asOf(fmt.longDate(f.asOf))}).`
}

/** "As of 6 May 2025", or for a figure about a past event "On 7 October 2023 · as of 6 May 2025". */
function asOfLine(f: Figure, fmt: LocaleFormat): string {
  const asOf = fmt.messages.asOf(fmt.longDate(f.asOf))
  return sentenceStart(f.date ? `${fmt.messages.figureDay(fmt.longDate(f.date))} · ${asOf}` : asOf, fmt.locale)
}

/** What the widget says for these options, at any width: made once per story (common.ts perStory). */
interface TollWords {
  title: string
  cells: {
    qualifier: string | undefined
    number: string
    change: string | undefined
    /** "Corrected figure", by a figure a standing correction changed. */
    mark: string | undefined
    label: string
    source: string
    asOf: string
  }[]
  /** The widest number at 1 px, for the one number size every cell shares. */
  widestNumber: number
  notes: string[]
  sentences: readonly string[]
}

function tollWords(story: Story, opts: TollCounterOptions, fmt: LocaleFormat): TollWords {
  return perStory(story, `${id}|${fmt.locale}|${opts.figures ?? ''}`, () => {
    const m = fmt.messages
    const figures = selectFigures(story, opts)
    const cells = figures.map((f) => ({
      qualifier: f.qualifier ? sentenceStart(m.qualifier[f.qualifier], fmt.locale) : undefined,
      number: fmt.figure(f.value, f.precision),
      change: changeLine(story, f, fmt),
      mark: isCorrected(story, f) ? m.correctedMark : undefined,
      label: text(f.label, fmt),
      source: m.source(text(f.attribution, fmt)),
      asOf: asOfLine(f, fmt),
    }))
    return {
      title: `${m.tollTitle}: ${text(story.headline, fmt)}`,
      cells,
      widestNumber: Math.max(...cells.map((c) => measureText(c.number, 1, 'bold', fmt.script))),
      notes: [...readerNotes(story, fmt), m.asReported(fmt.longDate(story.published))],
      sentences: Object.freeze([...figures.map((f) => figureSentence(story, f, fmt)), ...readerNotes(story, fmt)]),
    }
  })
}

export function layout(story: Story, opts: TollCounterOptions): TollCounterLayout {
  const fmt = localeFormat(opts.locale)
  const m = fmt.messages
  const words = tollWords(story, opts, fmt)
  const cells = words.cells
  const width = opts.width
  const pad = margin(width)
  const inner = width - 2 * pad
  const header = placeHeader(m.tollTitle, story, fmt, width)

  // As many columns as fit at MIN_CELL, then balanced so the last row is not left short.
  const fit = Math.max(1, Math.floor((inner + GAP) / (MIN_CELL + GAP)))
  const rows = Math.ceil(cells.length / Math.min(fit, cells.length))
  const cols = Math.ceil(cells.length / rows)
  const cellWidth = (inner - GAP * (cols - 1)) / cols

  // One number size for all cells, shrunk until the widest number fits its cell.
  const numberSize = Math.floor(Math.min(width < 480 ? 36 : 44, (cellWidth - 2) / words.widestNumber))

  const lines: TextLine[] = header.lines.slice()
  const rules: TollCounterLayout['rules'] = []
  const style = (size: number, role: 'fg' | 'muted', weight: 'regular' | 'bold', leading = 1.35): TextStyle => ({ size, weight, role, dir: fmt.dir, script: fmt.script, leading })
  const push = (placed: PlacedText) => appendLines(lines, placed)
  let rowTop = header.bottom + 16
  for (let r = 0; r < rows; r++) {
    const first = r * cols
    const last = Math.min(cells.length, first + cols)
    // Numbers line up across a row: cells without a qualifier keep its line empty.
    let qualifierHeight = 0
    for (let i = first; i < last; i++) {
      const q = cells[i].qualifier
      if (q) qualifierHeight = Math.max(qualifierHeight, placeText(q, 0, 0, cellWidth, style(14, 'muted', 'bold')).height)
    }
    let rowHeight = 0
    for (let i = first; i < last; i++) {
      const cell = cells[i]
      const logicalX = pad + (i - first) * (cellWidth + GAP)
      const x = fmt.dir === 'rtl' ? width - logicalX - cellWidth : logicalX
      rules.push({ x1: round(x), x2: round(x + cellWidth), y: rowTop })
      if (cell.qualifier) push(placeText(cell.qualifier, x, rowTop + 10, cellWidth, style(14, 'muted', 'bold')))
      let y = rowTop + 10 + qualifierHeight
      y += push(placeText(cell.number, x, y, cellWidth, style(numberSize, 'fg', 'bold', 1.15)))
      if (cell.change) y += push(placeText(cell.change, x, y, cellWidth, style(13, 'muted', 'bold')))
      if (cell.mark) y += push(placeText(cell.mark, x, y, cellWidth, { ...style(12, 'fg', 'bold'), role: 'bar' }))
      y += push(placeText(cell.label, x, y, cellWidth, style(15, 'fg', 'regular')))
      y += 6
      y += push(placeText(cell.source, x, y, cellWidth, style(12, 'muted', 'regular')))
      y += push(placeText(cell.asOf, x, y, cellWidth, style(12, 'muted', 'regular')))
      rowHeight = Math.max(rowHeight, y - rowTop)
    }
    rowTop += rowHeight + 20
  }
  const footer = placeFooter(words.notes, fmt, width, rowTop)
  appendLines(lines, footer)
  return {
    frame: {
      id: 'fb-toll-counter', width, height: Math.ceil(rowTop + footer.height + pad - 4), theme: opts.theme,
      lang: fmt.locale, dir: fmt.dir,
      title: words.title,
      sentences: words.sentences,
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
