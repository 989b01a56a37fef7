// blockade-duration: a bar on a time axis from the day aid was halted to `until`, the day
// count as the headline (65 days on 6 May 2025), the story's events numbered along it and
// listed below, approximate dates drawn dashed. Days past the story's asOf are drawn as an
// outline: the article does not report them.
import { scaleUtc } from 'd3-scale'
import { type CountableTimeInterval, utcDay, utcMonday, utcMonth, utcYear } from 'd3-time'
import * as z from 'zod/mini'
import { type Example, type InvalidParam, margin, placeFooter, placeHeader, sentencesFor, text, updateNotes } from './common'
import { type LocaleFormat, localeFormat, parseIsoDate } from './locale'
import { commonOptions, lazySchema, isoDateOption, widthOption } from './options'
import type { Story, StoryEvent } from './story'
import { type Frame, isolatedText, num, svgDocument, textLines } from './svg'
import { type TextLine, placeLine, placeText, round } from './text-block'
import { measureText } from './text-measure'

export const id = 'blockade-duration'
export const title = 'Blockade duration'
export const description = 'Days since aid deliveries were halted, as a bar on a time axis with the story’s events marked along it.'
export const itemsKey = 'events'

export const options = lazySchema(() => z.extend(commonOptions, {
  width: widthOption(640),
  until: z.optional(isoDateOption()).check(z.describe('Last day counted, YYYY-MM-DD, not before the blockade began; defaults to the story’s asOf')),
}))
export type BlockadeOptions = z.output<typeof options>

export const examples: Example[] = [
  { title: 'As of the article', options: {} },
  { title: 'Hebrew, dark', options: { locale: 'he', theme: 'dark' } },
  { title: 'Counted to 20 May 2025', options: { until: '2025-05-20' } },
]

/** `until` may not precede the blockade, nor run on past ten years of it. */
export function check(story: Story, opts: BlockadeOptions): InvalidParam[] {
  if (!opts.until) return []
  const start = startEvent(story).date
  if (opts.until < start) return [{ name: 'until', reason: `must not be before the blockade began (${start})` }]
  if (utcDay.count(parseIsoDate(start), parseIsoDate(opts.until)) > 3653) return [{ name: 'until', reason: 'must be within ten years of the blockade’s start' }]
  return []
}

function startEvent(story: Story): StoryEvent {
  return story.events.find((e) => e.id === story.blockade.startEvent) as StoryEvent
}

interface Span {
  start: string
  until: string
  days: number
  events: StoryEvent[]
}

function span(story: Story, opts: BlockadeOptions): Span {
  const start = startEvent(story).date
  const until = opts.until ?? story.asOf
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

export function layout(story: Story, opts: BlockadeOptions): BlockadeLayout {
  const fmt = localeFormat(opts.locale)
  const m = fmt.messages
  const width = opts.width
  const pad = margin(width)
  const inner = width - 2 * pad
  const rtl = fmt.dir === 'rtl'
  const s = span(story, opts)
  const header = placeHeader(m.blockadeTitle, story, fmt, width)
  const lines: TextLine[] = []

  // Headline: the day count, then what it counts and the dates it runs between.
  let y = header.bottom + 14
  const daysText = m.days(s.days, fmt.integer(s.days))
  const big = placeText(daysText, pad, y, inner, { size: width < 480 ? 34 : 42, weight: 'bold', role: 'fg', dir: fmt.dir, script: fmt.script, leading: 1.1 })
  lines.push(...big.lines)
  y += big.height
  const label = placeText(text(story.blockade.label, fmt), pad, y, inner, { size: 15, role: 'fg', dir: fmt.dir, script: fmt.script })
  lines.push(...label.lines)
  y += label.height + 2
  const range = placeText(m.dateRange(fmt.longDate(s.start), fmt.longDate(s.until)), pad, y, inner, { size: 13, role: 'muted', dir: fmt.dir, script: fmt.script })
  lines.push(...range.lines)
  y += range.height + 14

  // Time scale: start to until, mirrored for right-to-left locales.
  const start = parseIsoDate(s.start)
  const until = parseIsoDate(s.until)
  const domainEnd = s.days === 0 ? utcDay.offset(start, 1) : until
  const x = scaleUtc().domain([start, domainEnd]).range(rtl ? [pad + inner, pad] : [pad, pad + inner])

  // Markers: numbered in date order, raised a lane where they would overlap a neighbour.
  const laneEnds: number[] = []
  const placed = s.events.map((e, i) => {
    const cx = x(parseIsoDate(e.date))
    let lane = laneEnds.findIndex((end) => Math.abs(cx - end) >= 2 * MARKER_R + 3)
    if (lane < 0) lane = laneEnds.length
    laneEnds[lane] = cx
    return { e, i, cx, lane }
  })
  const lanes = Math.max(1, laneEnds.length)
  const barTop = y + lanes * LANE + 4
  const markers: Marker[] = placed.map(({ e, i, cx, lane }) => {
    const cy = barTop - 4 - MARKER_R - lane * LANE
    const num = fmt.integer(i + 1)
    return {
      cx: round(cx), cy: round(cy), r: MARKER_R, exact: e.precision === 'exact',
      label: placeLine(num, cx, cy + 4, 'middle', { size: 11, weight: 'bold', role: 'bg', dir: fmt.dir, script: fmt.script }),
      ...(lane > 0 ? { leader: { y1: round(cy + MARKER_R), y2: barTop } } : {}),
    }
  })

  const reportedEnd = s.until > story.asOf ? parseIsoDate(story.asOf) : until
  const x0 = x(start)
  const x1 = x(reportedEnd)
  const bar = { x: round(Math.min(x0, x1)), y: barTop, width: round(Math.max(1, Math.abs(x1 - x0))), height: BAR_HEIGHT }
  const after = reportedEnd < until
    ? { x: round(Math.min(x1, x(until))), y: barTop + 0.5, width: round(Math.abs(x(until) - x1)), height: BAR_HEIGHT - 1 }
    : undefined

  // Ticks: the finest interval whose labels, kept inside the frame, stay 10 px apart once
  // at most one label at an edge is left out (its tick mark stays).
  const tickTop = barTop + BAR_HEIGHT
  const tickLabels = (dates: Date[]) =>
    dates
      .map((d) => {
        const tx = x(d)
        const label = fmt.shortDate(d)
        const w = measureText(label, 12, 'regular', fmt.script)
        const left = Math.min(Math.max(tx - w / 2, pad), pad + inner - w)
        return { tx, label, w, left, shown: true }
      })
      .sort((a, b) => a.left - b.left)
  const clashes = (a: { left: number; w: number }, b: { left: number }) => a.left + a.w + 10 > b.left
  let chosen = tickLabels([])
  for (const interval of tickIntervals) {
    const labels = tickLabels(x.ticks(interval))
    const last = labels.length - 1
    if (labels.length > 2 && clashes(labels[last - 1], labels[last])) labels[last].shown = false
    if (labels.length > 2 && clashes(labels[0], labels[1])) labels[0].shown = false
    const shown = labels.filter((l) => l.shown)
    chosen = labels
    if (labels.length - shown.length <= 1 && shown.every((l, i) => i === 0 || !clashes(shown[i - 1], l))) break
  }
  const ticks: BlockadeLayout['ticks'] = []
  for (const t of chosen) {
    ticks.push({ x: round(t.tx), y1: tickTop, y2: tickTop + 5 })
    if (t.shown) lines.push(placeLine(t.label, t.left + t.w / 2, tickTop + 19, 'middle', { size: 12, role: 'muted', dir: fmt.dir, script: fmt.script }))
  }
  y = tickTop + 34

  // The events listed under the axis, each behind a copy of its marker.
  const listMarkers: Marker[] = []
  const textX = pad + 2 * MARKER_R + 8
  const textWidth = inner - 2 * MARKER_R - 8
  s.events.forEach((e, i) => {
    const cx = rtl ? width - pad - MARKER_R : pad + MARKER_R
    const tx = rtl ? pad : textX
    listMarkers.push({
      cx, cy: round(y + MARKER_R), r: MARKER_R, exact: e.precision === 'exact',
      label: placeLine(fmt.integer(i + 1), cx, y + MARKER_R + 4, 'middle', { size: 11, weight: 'bold', role: 'bg', dir: fmt.dir, script: fmt.script }),
    })
    const when = placeText(dateLine(e, fmt), tx, y + 1, textWidth, { size: 12, weight: 'bold', role: 'muted', dir: fmt.dir, script: fmt.script })
    const what = placeText(text(e.label, fmt), tx, y + 1 + when.height, textWidth, { size: 14, role: 'fg', dir: fmt.dir, script: fmt.script })
    lines.push(...when.lines, ...what.lines)
    y += Math.max(2 * MARKER_R, when.height + what.height) + 10
  })

  // Legend for the two marker styles, when both could be on the page.
  if (s.events.some((e) => e.precision === 'approximate')) {
    const entries = [
      { exact: true, label: m.exactDate },
      { exact: false, label: m.approximateDateLegend },
    ]
    let lx = 0
    for (const entry of entries) {
      const w = 12 + 6 + measureText(entry.label, 12, 'regular', fmt.script)
      if (lx > 0 && lx + w > inner) {
        lx = 0
        y += 20
      }
      const cx = rtl ? width - pad - lx - 6 : pad + lx + 6
      listMarkers.push({ cx, cy: y + 6, r: 6, exact: entry.exact })
      const tx = rtl ? cx - 12 : cx + 12
      lines.push(placeLine(entry.label, tx, y + 10, rtl ? 'end' : 'start', { size: 12, role: 'muted', dir: fmt.dir, script: fmt.script }))
      lx += w + 18
    }
    y += 22
  }

  const source = text(startEvent(story).attribution, fmt)
  const notes = [...updateNotes(story, fmt), `${m.source(source)}. ${m.asReported(fmt.longDate(story.published))}.`]
  if (after) notes.push(m.countedNotReported(fmt.longDate(story.asOf)))
  const footer = placeFooter(notes, fmt, width, y + 4)
  lines.push(...header.lines, ...footer.lines)

  return {
    frame: {
      id: 'fb-blockade-duration', width, height: Math.ceil(y + 4 + footer.height + pad - 4), theme: opts.theme,
      lang: fmt.locale, dir: fmt.dir,
      title: `${daysText} ${text(story.blockade.label, fmt)}`,
      sentences: sentencesFor(story, `${id}|${fmt.locale}|${s.until}`, () => [
        m.blockadeDesc(daysText, text(story.blockade.label, fmt), fmt.longDate(s.start), fmt.longDate(s.until)),
        ...s.events.map((e, i) => `${fmt.integer(i + 1)}. ${dateLine(e, fmt)}: ${text(e.label, fmt)}.`),
        ...updateNotes(story, fmt),
        ...(after ? [m.countedNotReported(fmt.longDate(story.asOf))] : []),
      ]),
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
