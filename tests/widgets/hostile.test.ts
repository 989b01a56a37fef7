// Hostile datasets (issue #6): whatever the schema lets through renders safely and inside
// its frame in every widget, locale and width; what it does not is refused naming the field.
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { layoutWidget, renderWidget, widgets } from '../../widgets/index'
import { locales } from '../../widgets/locale'
import { parseStory } from '../../widgets/story'
import { measureText } from '../../widgets/text-measure'
import { coveredBySource, rawStory } from '../fixtures'

const nasty = [
  '<script>alert("x")</script> & \'quotes\' "double" </text><text>',
  '\u202Eevil override\u202C and \u2067isolate without end',
  'zero\u200Bwidth\u200Djoiners\uFEFF',
  '😀🇵🇸🇮🇱👨‍👩‍👧 emoji',
]
const longWord = (n: number) => 'W'.repeat(n)
/** As much of `s` as the schema's limit allows, never splitting a surrogate pair. */
function fit(s: string, max: number): string {
  const chars = Array.from(s)
  while (chars.join('').length > max) chars.pop()
  return chars.join('')
}

function hostileStory(variant: number) {
  const raw = rawStory()
  const t = nasty[variant % nasty.length]
  const text = (max: number) => ({ en: fit(`${t} ${longWord(max)}`, max) })
  raw.headline = text(200)
  raw.duration.label = text(200)
  raw.figures = raw.figures.map((f: any, i: number) => ({ ...f, label: text(200), attribution: text(200), value: i === 0 ? 1e12 : f.value }))
  raw.events = raw.events.map((e: any) => ({ ...e, label: text(200), attribution: { en: t } }))
  raw.statements = Array.from({ length: 60 }, (_, i) => ({
    id: `s-${i}`,
    speaker: { name: text(120), role: text(160) },
    kind: i % 2 ? 'quote' : 'paraphrase',
    text: fit(`${t} ${longWord(600)}`, 600),
    excerpt: t,
  }))
  const parsed = parseStory(coveredBySource(raw))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.story
}

describe('hostile datasets the schema accepts', () => {
  const cases = Object.keys(widgets).flatMap((id) => nasty.map((_, v) => [id, v] as const))
  it.each(cases)('%s with hostile text #%i renders escaped and inside the frame in every locale at 280 and 1600 px', (id, variant) => {
    const story = hostileStory(variant)
    const widget = widgets[id]
    for (const locale of locales) {
      for (const width of [280, 1600]) {
        const opts = widget.options.parse({ locale, width: String(width) }) as { width: number }
        const svg = renderWidget(widget, story, opts)
        expect(XMLValidator.validate(svg)).toBe(true)
        expect(svg).not.toContain('<script')
        const layout = layoutWidget(widget, story, opts)
        for (const line of layout.lines) {
          const w = measureText(line.text, line.style.size, line.style.bold ? 'bold' : 'regular', line.style.script)
          const left = line.style.anchor === 'start' ? line.x : line.style.anchor === 'end' ? line.x - w : line.x - w / 2
          expect(left, `${id} ${locale} ${width}`).toBeGreaterThanOrEqual(-0.5)
          expect(left + w, `${id} ${locale} ${width}`).toBeLessThanOrEqual(width + 0.5)
        }
      }
    }
  })
})

describe('hostile datasets the schema refuses', () => {
  it.each([
    ['a 10,000-character word', (r: any) => (r.statements[0].text = longWord(10000)), 'statements.0.text'],
    ['thousands of statements', (r: any) => (r.statements = Array.from({ length: 2000 }, (_, i) => ({ ...r.statements[0], id: `s-${i}` }))), 'statements'],
    ['a negative number', (r: any) => (r.figures[0].value = -5), 'figures.0.value'],
    ['a number past 10^12', (r: any) => (r.figures[0].value = 1e15), 'figures.0.value'],
    ['no sources at all', (r: any) => (r.sources = []), 'sources'],
    ['a label of only spaces', (r: any) => (r.figures[0].label.en = '   '), 'figures.0.label.en'],
    ['an id with markup', (r: any) => (r.figures[0].id = '<b>x</b>'), 'figures.0.id'],
    ['a value that is not a number', (r: any) => (r.figures[0].value = '52,567'), 'figures.0.value'],
  ])('refuses %s, naming the field', (_what, mutate, path) => {
    const raw = rawStory()
    mutate(raw)
    const result = parseStory(raw)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(path)
  })
})
