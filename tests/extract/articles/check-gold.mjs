#!/usr/bin/env node
// Checks the hand-made gold files (*.expected.json) against their articles, so a typo in a
// span cannot make the extractor look worse (or better) than it is. Run:
//   node tests/extract/articles/check-gold.mjs [name=path/to/article.txt ...]
// A gold file whose article is not in this folder (gaza-2025-05-06: the article is not copied
// into the repo) is checked against the path given on the command line, or against
// sources[0].text of data/<name>.json when that has one; otherwise it is reported as skipped.
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const repo = join(here, '..', '..', '..')
const given = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')))

const QUALIFIERS = ['at least', 'approximately', 'about', 'around', 'more than', 'over', 'nearly', 'almost', 'up to', 'some', 'fewer than']
const ISO = /^\d{4}-\d{2}-\d{2}$/
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

/** The ways wire copy writes a value: 52,567 / 52567 / 2.1 million / forty-seven / a dozen. */
function spellings(value) {
  const out = [String(value), value.toLocaleString('en-US')]
  for (const [scale, word] of [[1e9, 'billion'], [1e6, 'million']]) {
    if (value >= scale) out.push(`${+(value / scale).toFixed(3)} ${word}`)
  }
  if (Number.isInteger(value) && value < 100) {
    out.push(value < 20 ? UNITS[value] : TENS[Math.floor(value / 10)] + (value % 10 ? '-' + UNITS[value % 10] : ''))
  }
  if (value === 12) out.push('dozen')
  return out
}

function writtenIn(value, excerpt) {
  return spellings(value).some((s) => {
    const escaped = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return new RegExp(`(?<![\\d.,\\p{L}])${escaped}(?![\\d\\p{L}]|[.,]\\d)`, 'iu').test(excerpt)
  })
}

const weekday = (iso) => WEEKDAYS[new Date(iso + 'T00:00:00Z').getUTCDay()]

function articleFor(name) {
  if (given[name]) return readFileSync(given[name], 'utf8')
  const local = join(here, `${name}.txt`)
  if (existsSync(local)) return readFileSync(local, 'utf8')
  const data = join(repo, 'data', `${name}.json`)
  if (existsSync(data)) return JSON.parse(readFileSync(data, 'utf8')).sources?.[0]?.text
  return undefined
}

let failures = 0
let checked = 0
for (const file of readdirSync(here).filter((f) => f.endsWith('.expected.json')).sort()) {
  const name = file.replace(/\.expected\.json$/, '')
  const gold = JSON.parse(readFileSync(join(here, file), 'utf8'))
  const text = articleFor(name)
  if (typeof text !== 'string') {
    console.log(`${name}: skipped (no article text; pass ${name}=path/to/article.txt)`)
    continue
  }
  checked++
  const problems = []
  const bad = (where, message) => problems.push(`${where}: ${message}`)
  const inText = (where, span) => {
    if (typeof span !== 'string' || span.length === 0) bad(where, 'missing')
    else if (!text.includes(span)) bad(where, `not verbatim in the article: ${JSON.stringify(span)}`)
  }
  const isoDate = (where, d) => { if (!ISO.test(d ?? '') || isNaN(Date.parse(d))) bad(where, `not a YYYY-MM-DD date: ${d}`) }

  isoDate('published', gold.published)
  if (gold.language !== 'en') bad('language', 'must be en')
  if (!gold.headline) bad('headline', 'missing')

  gold.figures.forEach((f, i) => {
    const at = `figures[${i}] (${f.counts})`
    inText(`${at}.excerpt`, f.excerpt)
    if (typeof f.value !== 'number') bad(at, 'value must be a number')
    else if (typeof f.excerpt === 'string' && !writtenIn(f.value, f.excerpt)) bad(at, `value ${f.value} is not written in its excerpt`)
    if (f.valueMax !== undefined && !writtenIn(f.valueMax, f.excerpt ?? '')) bad(at, `valueMax ${f.valueMax} is not written in its excerpt`)
    if (f.qualifier !== null && !QUALIFIERS.includes(f.qualifier)) bad(at, `unknown qualifier ${f.qualifier}`)
    if (f.qualifier && !f.excerpt.toLowerCase().includes(f.qualifier)) bad(at, `qualifier "${f.qualifier}" is not in the excerpt`)
    if (!['exact', 'approximate'].includes(f.precision)) bad(at, 'precision must be exact or approximate')
    if (f.qualifier && ['about', 'around', 'approximately', 'nearly', 'almost', 'some'].includes(f.qualifier) && f.precision !== 'approximate') {
      bad(at, `"${f.qualifier}" makes the figure approximate`)
    }
    if (!f.counts) bad(at, 'counts missing')
    // Attributions and speakers are names the text uses (resolved from "the agency", "he").
    if (f.attribution !== null && (typeof f.attribution !== 'string' || !text.toLowerCase().includes(f.attribution.toLowerCase()))) {
      bad(at, `attribution not as the text gives it: ${f.attribution}`)
    }
    isoDate(`${at}.asOf`, f.asOf)
    if (f.asOf > gold.published) bad(at, 'asOf after publication')
    if (f.date !== undefined) isoDate(`${at}.date`, f.date)
  })

  for (const [i, span] of (gold.notFigures ?? []).entries()) inText(`notFigures[${i}]`, span)

  gold.events.forEach((e, i) => {
    const at = `events[${i}] (${e.what})`
    inText(`${at}.excerpt`, e.excerpt)
    isoDate(`${at}.date`, e.date)
    if (!['exact', 'approximate'].includes(e.precision)) bad(at, 'precision must be exact or approximate')
    if (e.dateText !== undefined) {
      inText(`${at}.dateText`, e.dateText)
      if (typeof e.excerpt === 'string' && !e.excerpt.includes(e.dateText)) bad(at, 'dateText is not inside the excerpt')
      const said = e.dateText.toLowerCase()
      const day = WEEKDAYS.find((w) => said.includes(w))
      if (day && ISO.test(e.date) && weekday(e.date) !== day) bad(at, `${e.date} is a ${weekday(e.date)}, not a ${day}`)
      if (/\bnext\b/.test(said) && e.date <= gold.published) bad(at, '"next" resolved to the past')
      if (/\b(last|ago)\b/.test(said) && e.date >= gold.published) bad(at, '"last"/"ago" resolved to the future')
      if (/\b(approximately|early|late|last week|next week|next month|ago|later|in [a-z]+$)\b/.test(said) && e.precision !== 'approximate' && !/\blate on\b/.test(said)) {
        bad(at, `"${e.dateText}" is a rough date: precision should be approximate`)
      }
    }
  })

  const groups = new Map()
  const unmarked = new Map()
  gold.statements.forEach((s, i) => {
    const at = `statements[${i}] (${s.speaker})`
    inText(`${at}.text`, s.text)
    if (!['quote', 'paraphrase'].includes(s.kind)) bad(at, 'kind must be quote or paraphrase')
    // A joint statement names its speakers "A and B"; each must be a name the text uses.
    if (!s.speaker || !s.speaker.split(' and ').every((n) => text.includes(n))) bad(at, `speaker not as the text gives it: ${s.speaker}`)
    if (s.role !== null && typeof s.role !== 'string') bad(at, 'role must be a string or null')
    if (s.date !== undefined) isoDate(`${at}.date`, s.date)
    if (s.kind === 'quote' && typeof s.text === 'string' && text.includes(s.text)) {
      // A quote sits next to a mark on at least one side (copy sometimes drops the other).
      const start = text.indexOf(s.text)
      const around = text.slice(Math.max(0, start - 2), start) + text.slice(start + s.text.length, start + s.text.length + 3)
      if (!/[“”"‘’«»„]/.test(around)) unmarked.set(i, at)
    }
    if (s.group !== undefined) {
      const speakers = groups.get(s.group) ?? new Set()
      groups.set(s.group, speakers.add(s.speaker))
    }
  })
  // Copy can drop both marks of a quote's second span ("A," he said, B.); the group's other
  // span must then be marked.
  for (const [i, at] of unmarked) {
    const g = gold.statements[i].group
    const partner = g !== undefined && gold.statements.some((s, j) => j !== i && s.group === g && !unmarked.has(j))
    if (!partner) bad(at, 'a quote with no quotation mark on either side, and no marked span in its group')
  }
  for (const [g, speakers] of groups) if (speakers.size > 1) bad(`group ${g}`, 'one statement split in spans must have one speaker')

  if (gold.duration) {
    isoDate('duration.start', gold.duration.start)
    if (gold.duration.end !== undefined) isoDate('duration.end', gold.duration.end)
    if (!gold.events.some((e) => e.date === gold.duration.start)) bad('duration.start', 'no event on that date')
  }

  failures += problems.length
  console.log(`${name}: ${problems.length ? 'FAIL' : 'ok'} (${gold.figures.length} figures, ${gold.events.length} events, ${gold.statements.length} statements, ${(gold.notFigures ?? []).length} not-figures)`)
  for (const p of problems) console.log(`  ${p}`)
}
console.log(`${checked} gold files checked, ${failures} problems`)
process.exit(failures ? 1 : 0)
