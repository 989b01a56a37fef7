// The three widgets as a newsroom engineer would draw them with Observable Plot (on linkedom)
// or Vega-Lite, for `npm run bench`. Each draws what the factbox widget draws, in English at
// its default width: the title and headline, every figure, event or statement with the same
// words, the same wrapped paragraphs, shapes and footer notes, and an accessible name and
// description. Positions are fixed rows and columns where factbox measures; Plot wraps text
// itself (lineWidth), and Vega-Lite, which cannot wrap, is handed lines wrapped beforehand,
// outside its timed run. Where the two differ from factbox, they are spared work, not given it.
import * as Plot from '@observablehq/plot'
import { utcMonday } from 'd3-time'

const PAD = 24
const MUTED = '#555a60'
const CARD = '#f5f6f7'
const CARD_LINE = '#d5d8dc'
const BAR = '#2e6590'

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const day = (iso) => new Date(`${iso}T00:00:00Z`)
const dateOf = (iso) => longDate.format(day(iso))

/** Greedy wrap by an average character width: the lines Vega-Lite is given ready-made. */
function prewrap(text, chars) {
  const lines = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return lines.concat(line)
}

// The strings each chart shows, from the story; building them is part of each timed run.
function tollRows(story) {
  const width = 640
  const cell = (width - 2 * PAD - 24) / 2
  return story.headlineFigures.map((id, i) => {
    const f = story.figures.find((g) => g.id === id)
    const x1 = PAD + (i % 2) * (cell + 24)
    const top = 96 + Math.floor(i / 2) * 200
    return {
      x1, x2: x1 + cell, top,
      qualifier: f.qualifier ? f.qualifier[0].toUpperCase() + f.qualifier.slice(1) : '',
      number: f.value.toLocaleString('en-GB'),
      label: f.label.en,
      source: `Source: ${f.attribution.en}`,
      asOf: `As of ${dateOf(f.asOf)}`,
      sentence: `${f.qualifier ?? ''} ${f.value} ${f.label.en} (Source: ${f.attribution.en}, as of ${dateOf(f.asOf)}).`,
    }
  })
}

function blockadeRows(story) {
  const start = story.events.find((e) => e.id === story.blockade.startEvent).date
  const events = story.events.filter((e) => e.date >= start && e.date <= story.asOf).sort((a, b) => (a.date < b.date ? -1 : 1))
  return {
    start: day(start), until: day(story.asOf),
    events: events.map((e, i) => ({
      date: day(e.date), n: String(i + 1), approximate: e.precision === 'approximate', y: 300 + i * 46,
      when: e.precision === 'approximate' ? `about ${dateOf(e.date)}${e.dateText ? ` (the article: “${e.dateText}”)` : ''}` : dateOf(e.date),
      label: e.label.en,
    })),
  }
}

function statementRows(story) {
  const width = 760
  const card = (width - 2 * PAD - 16) / 2
  return story.statements.map((s, i) => {
    const x1 = PAD + (i % 2) * (card + 16)
    const y1 = 96 + Math.floor(i / 2) * 206
    return {
      x1, x2: x1 + card, y1, y2: y1 + 190, tx: x1 + 14,
      speaker: s.speaker.name.en, role: s.speaker.role?.en ?? '',
      kind: s.kind === 'quote' ? 'Quote' : 'Paraphrase',
      words: s.kind === 'quote' ? `“${s.text}”` : s.text,
      date: s.date ? `${s.datePrecision === 'approximate' ? 'about ' : ''}${dateOf(s.date)}` : '',
    }
  })
}

const start = { textAnchor: 'start', lineAnchor: 'top' }

export function plotCharts(story, document) {
  // Plot's lineWidth is in ems of the text's size: a paragraph's width in pixels over its size.
  const left = { ...start, frameAnchor: 'left', dx: PAD }
  const header = (title, width) => [
    Plot.text([title], { ...left, y: PAD, fontSize: 20, fontWeight: 'bold' }),
    Plot.text([story.headline.en], { ...left, y: PAD + 30, fontSize: 13, fill: MUTED, lineWidth: (width - 2 * PAD) / 13 }),
  ]
  const footer = (notes, y, width) => Plot.text(notes, { ...left, y: (_, i) => y + i * 34, fontSize: 12, fill: MUTED, lineWidth: (width - 2 * PAD) / 12 })
  const identity = (width, height) => ({ document, width, height, margin: 0, axis: null, x: { type: 'identity' }, y: { type: 'identity' } })
  const published = `As reported in an article published ${dateOf(story.published)}`
  return {
    'toll-counter': () => {
      const rows = tollRows(story)
      return Plot.plot({ ...identity(640, 560), ariaLabel: `Key figures: ${story.headline.en}`, ariaDescription: rows.map((r) => r.sentence).join(' '), marks: [
        ...header('Key figures', 640),
        Plot.ruleY(rows, { y: 'top', x1: 'x1', x2: 'x2', stroke: '#c9ccd0' }),
        Plot.text(rows, { ...start, x: 'x1', y: (r) => r.top + 10, text: 'qualifier', fontSize: 14, fontWeight: 'bold', fill: MUTED }),
        Plot.text(rows, { ...start, x: 'x1', y: (r) => r.top + 30, text: 'number', fontSize: 44, fontWeight: 'bold' }),
        Plot.text(rows, { ...start, x: 'x1', y: (r) => r.top + 84, text: 'label', fontSize: 15, lineWidth: 284 / 15 }),
        Plot.text(rows, { ...start, x: 'x1', y: (r) => r.top + 134, text: 'source', fontSize: 12, fill: MUTED, lineWidth: 284 / 12 }),
        Plot.text(rows, { ...start, x: 'x1', y: (r) => r.top + 168, text: 'asOf', fontSize: 12, fill: MUTED }),
        footer([published], 500, 640),
      ] }).outerHTML
    },
    'blockade-duration': () => {
      const b = blockadeRows(story)
      const ticks = utcMonday.range(b.start, new Date(+b.until + 1))
      const exact = b.events.filter((e) => !e.approximate)
      const approximate = b.events.filter((e) => e.approximate)
      const marker = (events, dash, y, at) => Plot.dot(events, { ...at, y, r: 10, stroke: BAR, strokeWidth: 1.5, fill: dash ? 'white' : BAR, ...(dash ? { strokeDasharray: '3 2' } : {}) })
      const listAt = { frameAnchor: 'left', dx: PAD + 10 }
      return Plot.plot({ ...identity(640, 570), x: { type: 'utc', domain: [b.start, b.until], range: [PAD, 640 - PAD], axis: null }, ariaLabel: `65 days ${story.blockade.label.en}`,
        ariaDescription: b.events.map((e) => `${e.n}. ${e.when}: ${e.label}.`).join(' '), marks: [
          ...header('Duration of the halt to aid deliveries', 640),
          Plot.text(['65 days'], { ...left, y: 88, fontSize: 42, fontWeight: 'bold' }),
          Plot.text([story.blockade.label.en], { ...left, y: 138, fontSize: 15, lineWidth: 592 / 15 }),
          Plot.text([`${dateOf(story.events.find((e) => e.id === story.blockade.startEvent).date)} – ${dateOf(story.asOf)}`], { ...left, y: 180, fontSize: 13, fill: MUTED }),
          Plot.rect([b], { x1: 'start', x2: 'until', y1: 236, y2: 258, fill: BAR }),
          Plot.ruleX(ticks, { x: (d) => d, y1: 258, y2: 263, stroke: '#c9ccd0' }),
          Plot.text(ticks, { x: (d) => d, y: 277, text: (d) => shortDate.format(d), fontSize: 12, fill: MUTED }),
          marker(exact, false, 222, { x: 'date' }),
          marker(approximate, true, 222, { x: 'date' }),
          Plot.text(b.events, { x: 'date', y: 222, text: 'n', fontSize: 11, fontWeight: 'bold', fill: (e) => (e.approximate ? BAR : 'white') }),
          marker(exact, false, (e) => e.y + 10, listAt),
          marker(approximate, true, (e) => e.y + 10, listAt),
          Plot.text(b.events, { ...listAt, y: (e) => e.y + 10, text: 'n', fontSize: 11, fontWeight: 'bold', fill: (e) => (e.approximate ? BAR : 'white') }),
          Plot.text(b.events, { ...start, frameAnchor: 'left', dx: PAD + 28, y: (e) => e.y, text: 'when', fontSize: 12, fontWeight: 'bold', fill: MUTED, lineWidth: 564 / 12 }),
          Plot.text(b.events, { ...start, frameAnchor: 'left', dx: PAD + 28, y: (e) => e.y + 17, text: 'label', fontSize: 14, lineWidth: 564 / 14 }),
          Plot.dot([0], { frameAnchor: 'left', dx: PAD + 6, y: 510, r: 6, stroke: BAR, fill: BAR }),
          Plot.dot([0], { frameAnchor: 'left', dx: PAD + 116, y: 510, r: 6, stroke: BAR, fill: 'white', strokeDasharray: '3 2' }),
          Plot.text(['exact date'], { ...start, frameAnchor: 'left', dx: PAD + 18, y: 503, fontSize: 12, fill: MUTED }),
          Plot.text(['approximate date'], { ...start, frameAnchor: 'left', dx: PAD + 128, y: 503, fontSize: 12, fill: MUTED }),
          footer([`Source: ${story.events.find((e) => e.id === story.blockade.startEvent).attribution.en}. ${published}.`], 530, 640),
        ] }).outerHTML
    },
    'statement-grid': () => {
      const rows = statementRows(story)
      const height = 96 + Math.ceil(rows.length / 2) * 206 + 60
      return Plot.plot({ ...identity(760, height), ariaLabel: `Statements reported in the article: ${story.headline.en}`,
        ariaDescription: rows.map((r) => `${r.speaker} (${r.role}), ${r.kind}: ${r.words}.`).join(' '), marks: [
          ...header('Statements reported in the article', 760),
          Plot.rect(rows, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', rx: 6, fill: CARD, stroke: CARD_LINE }),
          Plot.text(rows, { ...start, x: 'tx', y: (r) => r.y1 + 14, text: 'speaker', fontSize: 15, fontWeight: 'bold' }),
          Plot.text(rows, { ...start, x: 'tx', y: (r) => r.y1 + 34, text: 'role', fontSize: 13, fill: MUTED, lineWidth: 316 / 13 }),
          Plot.text(rows, { ...start, x: 'tx', y: (r) => r.y1 + 60, text: 'kind', fontSize: 12, fontWeight: 'bold', fill: MUTED }),
          Plot.text(rows, { ...start, x: 'tx', y: (r) => r.y1 + 78, text: 'words', fontSize: 15, lineWidth: 316 / 15 }),
          Plot.text(rows, { ...start, x: 'tx', y: (r) => r.y2 - 24, text: 'date', fontSize: 12, fill: MUTED }),
          footer(['Quotes are verbatim; paraphrases are the article’s wording.', published], height - 56, 760),
        ] }).outerHTML
    },
  }
}

// Vega-Lite: the same marks as layers over pixel positions (scale: null).
const px = (field) => ({ field, type: 'quantitative', scale: null })
const textLayer = (data, x, y, field, mark) => ({ ...(data ? { data: { values: data } } : {}), mark: { type: 'text', align: 'left', baseline: 'top', ...mark }, encoding: { x, y, text: { field } } })

export function vegaLiteSpecs(story) {
  const header = (title) => ({ text: title, subtitle: story.headline.en, anchor: 'start', fontSize: 20, subtitleFontSize: 13 })
  const published = `As reported in an article published ${dateOf(story.published)}`
  const footer = (notes, y) => textLayer(notes.map((note, i) => ({ note: prewrap(note, 90), y: y + i * 34 })), { value: PAD }, px('y'), 'note', { fontSize: 12, color: MUTED, lineBreak: '\n' })
  const lines = (rows, key, chars) => rows.map((r) => ({ ...r, [key]: prewrap(r[key], chars) }))
  return {
    'toll-counter': () => {
      const rows = lines(lines(tollRows(story), 'label', 36), 'source', 48)
      return { width: 640, height: 560, title: header('Key figures'), description: rows.map((r) => r.sentence).join(' '), data: { values: rows }, layer: [
        { mark: { type: 'rule', color: '#c9ccd0' }, encoding: { x: px('x1'), x2: { field: 'x2' }, y: px('top') } },
        textLayer(null, px('x1'), px('top'), 'qualifier', { dy: 10, fontSize: 14, fontWeight: 'bold', color: MUTED }),
        textLayer(null, px('x1'), px('top'), 'number', { dy: 30, fontSize: 44, fontWeight: 'bold' }),
        textLayer(null, px('x1'), px('top'), 'label', { dy: 84, fontSize: 15, lineBreak: '\n' }),
        textLayer(null, px('x1'), px('top'), 'source', { dy: 134, fontSize: 12, color: MUTED, lineBreak: '\n' }),
        textLayer(null, px('x1'), px('top'), 'asOf', { dy: 168, fontSize: 12, color: MUTED }),
        footer([published], 500),
      ] }
    },
    'blockade-duration': () => {
      const b = blockadeRows(story)
      const events = b.events.map((e) => ({ ...e, date: e.date.toISOString(), label: prewrap(e.label, 70), dash: e.approximate ? [3, 2] : [] }))
      const time = { field: 'date', type: 'temporal' }
      const axis = { ...time, scale: { domain: [b.start.toISOString(), b.until.toISOString()], range: [PAD, 640 - PAD] }, axis: { format: '%-d %b', tickCount: { interval: 'monday' }, title: null, grid: false, offset: -(570 - 258) } }
      const dots = (x, y, yOffset) => ({ mark: { type: 'point', size: 314, filled: false, strokeWidth: 1.5, color: BAR, ...yOffset }, encoding: { x, y, strokeDash: { field: 'dash', type: 'nominal', scale: null, legend: null } } })
      return { width: 640, height: 570, title: header('Duration of the halt to aid deliveries'), description: b.events.map((e) => `${e.n}. ${e.when}: ${e.label}.`).join(' '), data: { values: events }, layer: [
        textLayer([{ t: '65 days', y: 88 }], { value: PAD }, px('y'), 't', { fontSize: 42, fontWeight: 'bold' }),
        textLayer([{ t: prewrap(story.blockade.label.en, 70), y: 138 }], { value: PAD }, px('y'), 't', { fontSize: 15, lineBreak: '\n' }),
        textLayer([{ t: `${dateOf(story.events.find((e) => e.id === story.blockade.startEvent).date)} – ${dateOf(story.asOf)}`, y: 180 }], { value: PAD }, px('y'), 't', { fontSize: 13, color: MUTED }),
        { data: { values: [{ date: b.start.toISOString(), end: b.until.toISOString() }] }, mark: { type: 'rect', color: BAR }, encoding: { x: axis, x2: { field: 'end' }, y: { value: 236 }, y2: { value: 258 } } },
        dots(time, { value: 222 }),
        { mark: { type: 'text', fontSize: 11, fontWeight: 'bold' }, encoding: { x: time, y: { value: 222 }, text: { field: 'n' } } },
        { data: { values: [{ x: PAD + 6, dash: [] }, { x: PAD + 116, dash: [3, 2] }] }, mark: { type: 'point', size: 113, filled: false, color: BAR }, encoding: { x: px('x'), y: { value: 510 }, strokeDash: { field: 'dash', type: 'nominal', scale: null, legend: null } } },
        dots({ value: PAD + 10 }, { field: 'y', type: 'quantitative', scale: null }, { yOffset: 10 }),
        { mark: { type: 'text', fontSize: 11, fontWeight: 'bold', yOffset: 10 }, encoding: { x: { value: PAD + 10 }, y: px('y'), text: { field: 'n' } } },
        textLayer(null, { value: PAD + 28 }, px('y'), 'when', { fontSize: 12, fontWeight: 'bold', color: MUTED }),
        textLayer(null, { value: PAD + 28 }, px('y'), 'label', { dy: 17, fontSize: 14, lineBreak: '\n' }),
        textLayer([{ t: 'exact date', x: PAD + 18 }, { t: 'approximate date', x: PAD + 128 }], px('x'), { value: 503 }, 't', { fontSize: 12, color: MUTED }),
        footer([`Source: ${story.events.find((e) => e.id === story.blockade.startEvent).attribution.en}. ${published}.`], 530),
      ] }
    },
    'statement-grid': () => {
      const rows = lines(statementRows(story), 'words', 40)
      const height = 96 + Math.ceil(rows.length / 2) * 206 + 60
      return { width: 760, height, title: header('Statements reported in the article'), description: rows.map((r) => `${r.speaker} (${r.role}), ${r.kind}: ${r.words.join(' ')}.`).join(' '), data: { values: rows }, layer: [
        { mark: { type: 'rect', cornerRadius: 6, fill: CARD, stroke: CARD_LINE }, encoding: { x: px('x1'), x2: { field: 'x2' }, y: px('y1'), y2: { field: 'y2' } } },
        textLayer(null, px('tx'), px('y1'), 'speaker', { dy: 14, fontSize: 15, fontWeight: 'bold' }),
        textLayer(null, px('tx'), px('y1'), 'role', { dy: 34, fontSize: 13, color: MUTED }),
        textLayer(null, px('tx'), px('y1'), 'kind', { dy: 60, fontSize: 12, fontWeight: 'bold', color: MUTED }),
        textLayer(null, px('tx'), px('y1'), 'words', { dy: 78, fontSize: 15, lineBreak: '\n' }),
        textLayer(null, px('tx'), px('y2'), 'date', { dy: -24, fontSize: 12, color: MUTED }),
        footer(['Quotes are verbatim; paraphrases are the article’s wording.', published], height - 56),
      ] }
    },
  }
}
