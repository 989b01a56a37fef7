// blockade-duration: the story's duration (a strike, a siege, a drought, a trial) as a bar
// on a time axis from its start event to its end event or to `until`, the day count as the
// headline (65 days of the Gaza aid halt on 6 May 2025), the story's events numbered along
// it and listed below, approximate dates drawn dashed. Days past the story's asOf are drawn
// as an outline: the article does not report them. The public id keeps its v1 name; the
// title and words come from the story (CONTRACT.md "v2: stories from any article").
import { scaleUtc } from 'd3-scale'
import { type CountableTimeInterval, utcDay, utcMonday, utcMonth, utcYear } from 'd3-time'
import { type Example, type InvalidParam, margin, perStory, placeFooter, placeHeader, text, readerNotes } from './common'
import { type LocaleFormat, localeFormat, parseIsoDate } from './locale'
import { type OptionsOf, commonOptionSpecs, isoDate, lazySchema, optionsSchema, widthOption } from './options'
import type { Localized, Story, StoryEvent } from './story'
import { type Frame, isolatedText, num, svgDocument, textLines } from './svg'
import { type PlacedText, type TextLine, type TextStyle, appendLines, placeLine, placeText, round } from './text-block'
import { measureText } from './text-measure'

export const id = 'blockade-duration'
export const title = 'Duration'
export const description = 'How long the story’s duration has lasted (from its start event to its end event, or to a chosen day), as a bar on a time axis with the story’s events marked along it.'
export const itemsKey = 'events'

export const optionSpecs = {
  ...commonOptionSpecs,
  width: widthOption(640),
  until: isoDate('Last day counted, YYYY-MM-DD, not before the duration’s start; defaults to its end event, or else the story’s asOf'),
}
export const options = lazySchema(() => optionsSchema(optionSpecs))
export type BlockadeOptions = OptionsOf<typeof optionSpecs>

export const examples: Example[] = [
  { title: 'As of the article', options: {} },
  { title: 'Hebrew, dark', options: { locale: 'he', theme: 'dark' } },
]

/** Why this story cannot be drawn as a duration, if it cannot. */
export function unavailable(story: Story): string | undefined {
  return story.duration ? undefined : `Story "${story.slug}" has no duration (a start event and a label) to draw.`
}

/** `until` may not precede the duration's start, nor run on past ten years of it. */
export function check(story: Story, opts: BlockadeOptions): InvalidParam[] {
  if (!opts.until || !story.duration) return []
  const start = startEvent(story).date
  if (opts.until < start) return [{ name: 'until', reason: `must not be before the duration’s start (${start})` }]
  if (utcDay.count(parseIsoDate(start), parseIsoDate(opts.until)) > 3653) return [{ name: 'until', reason: 'must be within ten years of the duration’s start' }]
  return []
}

type Duration = NonNullable<Story['duration']>
const duration = (story: Story) => story.duration as Duration

function startEvent(story: Story): StoryEvent {
  return story.events.find((e) => e.id === duration(story).startEvent) as StoryEvent
}

function endEvent(story: Story): StoryEvent | undefined {
  const end = duration(story).endEvent
  return end === undefined ? undefined : story.events.find((e) => e.id === end)
}

interface Span {
  start: string
  until: string
  days: number
  events: StoryEvent[]
}

function span(story: Story, opts: BlockadeOptions): Span {
  const start = startEvent(story).date
  const until = opts.until ?? endEvent(story)?.date ?? story.asOf
  const events = story.events.filter((e) => e.date >= start && e.date <= until).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return { start, until, days: utcDay.count(parseIsoDate(start), parseIsoDate(until)), events }
}

/** The events on the bar, as .json and .csv give them. */
export function items(story: Story, opts: BlockadeOptions) {
  const fmt = localeFormat(opts.locale)
  return span(story, opts).events.map((e) => ({
    id: e.id,
    label: text(e.label, fmt),
    date: e.date,
    precision: e.precision,
    dateText: e.dateText ?? null,
    source: text(e.attribution, fmt),
    asOf: story.asOf,
    excerpt: e.excerpt,
  }))
}

/** What the widget counts, for .json: the span and day count beside the events. */
export function summary(story: Story, opts: BlockadeOptions) {
  const s = span(story, opts)
  return { start: s.start, until: s.until, durationDays: s.days, reportedUntil: story.asOf }
}

export interface Marker {
  cx: number
  cy: number
  r: number
  exact: boolean
  /** The event's number inside the marker; legend markers have none. */
  label?: TextLine
  /** Leader from a raised marker down to the bar. */
  leader?: { y1: number; y2: number }
}

export interface BlockadeLayout {
  frame: Frame
  lines: TextLine[]
  bar: { x: number; y: number; width: number; height: number }
  after?: { x: number; y: number; width: number; height: number }
  ticks: { x: number; y1: number; y2: number }[]
  markers: Marker[]
}

const BAR_HEIGHT = 22
const MARKER_R = 10
const LANE = 2 * MARKER_R + 4

// Tick intervals from finest to coarsest; the finest whose labels do not collide wins.
const tickIntervals = [utcMonday, utcMonday.every(2), utcMonth, utcMonth.every(3), utcYear] as CountableTimeInterval[]

function dateLine(e: StoryEvent, fmt: LocaleFormat): string {
  const date = fmt.longDate(e.date)
  if (e.precision === 'exact') return date
  const approx = fmt.messages.approximateDate(date)
  // The article's own words for a rough date, where the widget speaks the article's language.
  return e.dateText && fmt.locale === 'en' ? `${approx} (the article: “${e.dateText}”)` : approx
}

interface TickCandidates {
  dates: Date[]
  labels: string[]
  /** Label widths at 12 px. */
  widths: number[]
}

/**
 * What the widget says and counts for these options, at any width: the day count, the
 * dates parsed, the events' lines, tick dates and labels for every candidate interval (a
 * UTC scale's ticks depend on its domain alone), notes and sentences. Made once per story
 * (common.ts perStory); a layout only measures and places.
 */
interface BlockadeWords {
  span: Span
  daysText: string
  label: string
  range: string
  start: Date
  until: Date
  domainEnd: Date
  reportedEnd: Date
  eventDates: Date[]
  numbers: string[]
  dateLines: string[]
  eventLabels: string[]
  ticks: TickCandidates[]
  legend: { exact: boolean; label: string; width: number }[]
  notes: string[]
  /** The widget's heading: the story's title for its duration, or a neutral "Duration". */
  heading: string
  title: string
  sentences: readonly string[]
}

function blockadeWords(story: Story, opts: BlockadeOptions, fmt: LocaleFormat): BlockadeWords {
  return perStory(story, `${id}|${fmt.locale}|${opts.until ?? ''}`, () => {
    const m = fmt.messages
    const s = span(story, opts)
    const start = parseIsoDate(s.start)
    const until = parseIsoDate(s.until)
    const domainEnd = s.days === 0 ? utcDay.offset(start, 1) : until
    const reportedEnd = s.until > story.asOf ? parseIsoDate(story.asOf) : until
    const after = reportedEnd < until
    const daysText = m.days(s.days, fmt.integer(s.days))
    const label = text(duration(story).label, fmt)
    const dateLines = s.events.map((e) => dateLine(e, fmt))
    const eventLabels = s.events.map((e) => text(e.label, fmt))
    const numbers = s.events.map((_, i) => fmt.integer(i + 1))
    const timeScale = scaleUtc().domain([start, domainEnd])
    const ticks = tickIntervals.map((interval) => {
      const dates = timeScale.ticks(interval)
      const labels = dates.map((d) => fmt.shortDate(d))
      return { dates, labels, widths: labels.map((l) => measureText(l, 12, 'regular', fmt.script)) }
    })
    const legend = s.events.some((e) => e.precision === 'approximate')
      ? [m.exactDate, m.approximateDateLegend].map((l, i) => ({ exact: i === 0, label: l, width: measureText(l, 12, 'regular', fmt.script) }))
      : []
    const source = text(startEvent(story).attribution, fmt)
    const notes = [...readerNotes(story, fmt), `${m.source(source)}. ${m.asReported(fmt.longDate(story.published))}.`]
    if (after) notes.push(m.countedNotReported(fmt.longDate(story.asOf)))
    return {
      span: s, daysText, label, range: m.dateRange(fmt.longDate(s.start), fmt.longDate(s.until)),
      start, until, domainEnd, reportedEnd, eventDates: s.events.map((e) => parseIsoDate(e.date)),
      numbers, dateLines, eventLabels, ticks, legend, notes,
      heading: duration(story).title ? text(duration(story).title as Localized, fmt) : m.durationTitle,
      title: `${daysText} ${label}`,
      sentences: Object.freeze([
        m.blockadeDesc(daysText, label, fmt.longDate(s.start), fmt.longDate(s.until)),
        ...s.events.map((_, i) => `${numbers[i]}. ${dateLines[i]}: ${eventLabels[i]}.`),
        ...readerNotes(story, fmt),
        ...(after ? [m.countedNotReported(fmt.longDate(story.asOf))] : []),
      ]),
    }
  })
}

export function layout(story: Story, opts: BlockadeOptions): BlockadeLayout {
  const fmt = localeFormat(opts.locale)
  const w = blockadeWords(story, opts, fmt)
  const width = opts.width
  const pad = margin(width)
  const inner = width - 2 * pad
  const rtl = fmt.dir === 'rtl'
  const header = placeHeader(w.heading, story, fmt, width)
  const lines: TextLine[] = []
  const push = (placed: PlacedText) => appendLines(lines, placed)
  const style = (size: number, role: 'fg' | 'muted' | 'bg', weight: 'regular' | 'bold' = 'regular', leading?: number): TextStyle =>
    ({ size, weight, role, dir: fmt.dir, script: fmt.script, leading })

  // Headline: the day count, then what it counts and the dates it runs between.
  let y = header.bottom + 14
  // Arabic words hang well below the baseline ("يومًا"): a tight line would let them touch
  // the tall letters of the line under it.
  y += push(placeText(w.daysText, pad, y, inner, style(width < 480 ? 34 : 42, 'fg', 'bold', fmt.script === 'arabic' ? 1.35 : 1.1)))
  y += push(placeText(w.label, pad, y, inner, style(15, 'fg'))) + 2
  y += push(placeText(w.range, pad, y, inner, style(13, 'muted'))) + 14

  // Time scale: start to until, mirrored for right-to-left locales.
  const x = scaleUtc().domain([w.start, w.domainEnd]).range(rtl ? [pad + inner, pad] : [pad, pad + inner])

  // Markers: numbered in date order, raised a lane where they would overlap a neighbour.
  const laneEnds: number[] = []
  const placed = w.eventDates.map((date, i) => {
    const cx = x(date)
    let lane = laneEnds.findIndex((end) => Math.abs(cx - end) >= 2 * MARKER_R + 3)
    if (lane < 0) lane = laneEnds.length
    laneEnds[lane] = cx
    return { i, cx, lane }
  })
  const lanes = Math.max(1, laneEnds.length)
  const barTop = y + lanes * LANE + 4
  const numberStyle = style(11, 'bg', 'bold')
  const markers: Marker[] = placed.map(({ i, cx, lane }) => {
    const cy = barTop - 4 - MARKER_R - lane * LANE
    return {
      cx: round(cx), cy: round(cy), r: MARKER_R, exact: w.span.events[i].precision === 'exact',
      label: placeLine(w.numbers[i], cx, cy + 4, 'middle', numberStyle),
      ...(lane > 0 ? { leader: { y1: round(cy + MARKER_R), y2: barTop } } : {}),
    }
  })

  const x0 = x(w.start)
  const x1 = x(w.reportedEnd)
  const bar = { x: round(Math.min(x0, x1)), y: barTop, width: round(Math.max(1, Math.abs(x1 - x0))), height: BAR_HEIGHT }
  const after = w.reportedEnd < w.until
    ? { x: round(Math.min(x1, x(w.until))), y: barTop + 0.5, width: round(Math.abs(x(w.until) - x1)), height: BAR_HEIGHT - 1 }
    : undefined

  // Ticks: the finest interval whose labels, kept inside the frame, stay 10 px apart once
  // at most one label at an edge is left out (its tick mark stays).
  const tickTop = barTop + BAR_HEIGHT
  const tickLabels = (t: TickCandidates) =>
    t.dates
      .map((d, i) => {
        const tx = x(d)
        const labelWidth = t.widths[i]
        const left = Math.min(Math.max(tx - labelWidth / 2, pad), pad + inner - labelWidth)
        return { tx, label: t.labels[i], w: labelWidth, left, shown: true }
      })
      .sort((a, b) => a.left - b.left)
  const clashes = (a: { left: number; w: number }, b: { left: number }) => a.left + a.w + 10 > b.left
  let chosen: ReturnType<typeof tickLabels> = []
  for (const candidates of w.ticks) {
    const labels = tickLabels(candidates)
    const last = labels.length - 1
    if (labels.length > 2 && clashes(labels[last - 1], labels[last])) labels[last].shown = false
    if (labels.length > 2 && clashes(labels[0], labels[1])) labels[0].shown = false
    const shown = labels.filter((l) => l.shown)
    chosen = labels
    if (labels.length - shown.length <= 1 && shown.every((l, i) => i === 0 || !clashes(shown[i - 1], l))) break
  }
  const ticks: BlockadeLayout['ticks'] = []
  const tickStyle = style(12, 'muted')
  for (const t of chosen) {
    ticks.push({ x: round(t.tx), y1: tickTop, y2: tickTop + 5 })
    if (t.shown) lines.push(placeLine(t.label, t.left + t.w / 2, tickTop + 19, 'middle', tickStyle))
  }
  y = tickTop + 34

  // The events listed under the axis, each behind a copy of its marker.
  const listMarkers: Marker[] = []
  const textX = pad + 2 * MARKER_R + 8
  const textWidth = inner - 2 * MARKER_R - 8
  const whenStyle = style(12, 'muted', 'bold')
  const whatStyle = style(14, 'fg')
  for (let i = 0; i < w.eventDates.length; i++) {
    const cx = rtl ? width - pad - MARKER_R : pad + MARKER_R
    const tx = rtl ? pad : textX
    listMarkers.push({
      cx, cy: round(y + MARKER_R), r: MARKER_R, exact: w.span.events[i].precision === 'exact',
      label: placeLine(w.numbers[i], cx, y + MARKER_R + 4, 'middle', numberStyle),
    })
    const when = push(placeText(w.dateLines[i], tx, y + 1, textWidth, whenStyle))
    const what = push(placeText(w.eventLabels[i], tx, y + 1 + when, textWidth, whatStyle))
    y += Math.max(2 * MARKER_R, when + what) + 10
  }

  // Legend for the two marker styles, when both could be on the page.
  if (w.legend.length) {
    let lx = 0
    for (const entry of w.legend) {
      const ew = 12 + 6 + entry.width
      if (lx > 0 && lx + ew > inner) {
        lx = 0
        y += 20
      }
      const cx = rtl ? width - pad - lx - 6 : pad + lx + 6
      listMarkers.push({ cx, cy: y + 6, r: 6, exact: entry.exact })
      const tx = rtl ? cx - 12 : cx + 12
      lines.push(placeLine(entry.label, tx, y + 10, rtl ? 'end' : 'start', tickStyle))
      lx += ew + 18
    }
    y += 22
  }

  const footer = placeFooter(w.notes, fmt, width, y + 4)
  for (const line of header.lines) lines.push(line)
  appendLines(lines, footer)

  return {
    frame: {
      id: 'fb-blockade-duration', width, height: Math.ceil(y + 4 + footer.height + pad - 4), theme: opts.theme,
      lang: fmt.locale, dir: fmt.dir,
      title: w.title,
      sentences: w.sentences,
    },
    lines,
    bar,
    after,
    ticks,
    markers: [...markers, ...listMarkers],
  }
}

export function render(l: BlockadeLayout): string {
  const body = [`<rect class="bar" x="${num(l.bar.x)}" y="${num(l.bar.y)}" width="${num(l.bar.width)}" height="${l.bar.height}"/>`]
  if (l.after) body.push(`<rect class="after approx" x="${num(l.after.x)}" y="${num(l.after.y)}" width="${num(l.after.width)}" height="${l.after.height}"/>`)
  for (const t of l.ticks) body.push(`<line class="rule" x1="${num(t.x)}" x2="${num(t.x)}" y1="${num(t.y1)}" y2="${num(t.y2)}"/>`)
  for (const mk of l.markers) {
    if (mk.leader) body.push(`<line class="mark" x1="${num(mk.cx)}" x2="${num(mk.cx)}" y1="${num(mk.leader.y1)}" y2="${num(mk.leader.y2)}"/>`)
    body.push(`<circle class="${mk.exact ? 'mark exact' : 'mark approx'}" cx="${num(mk.cx)}" cy="${num(mk.cy)}" r="${mk.r}" stroke-width="1.5"/>`)
    if (mk.label) {
      body.push(`<text x="${num(mk.label.x)}" y="${num(mk.label.y)}" font-size="${mk.label.style.size}" font-weight="700" class="${mk.exact ? 'mark-num' : 'mark-num approx'}" text-anchor="middle">${isolatedText(mk.label)}</text>`)
    }
  }
  return svgDocument(l.frame, textLines(l.lines, body))
}
