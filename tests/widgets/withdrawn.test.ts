// The notice a withdrawn story's widgets draw (widgets/withdrawn.ts, issue #13), and the
// mark a corrected figure carries in the toll counter.
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { layoutWidget, renderWidget, widgets } from '../../widgets/index'
import { locales } from '../../widgets/locale'
import type { Story } from '../../widgets/story'
import * as tollCounter from '../../widgets/toll-counter'
import { measureText } from '../../widgets/text-measure'
import { withdrawnWidget } from '../../widgets/withdrawn'
import { bundledStory } from '../fixtures'

const note = 'This story relied on a report that its publisher has since retracted; it is withdrawn <pending> review & "appeal".'
const withdrawn: Story = { ...bundledStory(), revision: { notes: [], corrected: [], changes: {}, withdrawn: { version: 3, day: '2026-12-01', note } } }
const cases = Object.keys(widgets).flatMap((id) => locales.flatMap((locale) => [280, 320, 1200, 1600].map((width) => [id, locale, width] as const)))

describe('the withdrawn notice', () => {
  it.each(cases)('%s in %s at %i px draws the notice in the widget’s frame, inside its margins', (id, locale, width) => {
    const widget = withdrawnWidget(widgets[id])
    const opts = widget.options.parse({ locale, width: String(width), theme: 'dark' }) as { width: number }
    const layout = layoutWidget(widget, withdrawn, opts)
    expect(layout.frame).toMatchObject({ id: `fb-${id}`, width, theme: 'dark', lang: locale, dir: locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr' })
    const margin = width < 480 ? 16 : 24
    for (const line of layout.lines) {
      const w = measureText(line.text, line.style.size, line.style.bold ? 'bold' : 'regular', line.style.script)
      const [left, right] = line.style.anchor === 'end' ? [line.x - w, line.x] : [line.x, line.x + w]
      expect(left, line.text).toBeGreaterThanOrEqual(margin - 0.5)
      expect(right, line.text).toBeLessThanOrEqual(width - margin + 0.5)
      expect(line.y, line.text).toBeLessThan(layout.frame.height)
      expect(line.style.anchor).toBe(layout.frame.dir === 'rtl' ? 'end' : 'start')
    }
    const svg = renderWidget(widget, withdrawn, opts)
    expect(XMLValidator.validate(svg)).toBe(true)
    expect(svg).toContain(`aria-labelledby="fb-${id}-title fb-${id}-desc"`)
    expect(svg).toContain('&lt;pending&gt; review &amp; &quot;appeal&quot;')
    expect(svg).not.toMatch(/52,567|Gaza, May 2025/)
  })

  it('says when and why in its <desc>, and puts its accent bar on the starting edge', () => {
    const en = withdrawnWidget(tollCounter).layout(withdrawn, tollCounter.options.parse({})) as any
    expect(en.frame.title).toBe('Story withdrawn')
    expect(en.frame.sentences).toEqual([`Withdrawn on 1 December 2026: \u2068${note}\u2069`])
    expect(en.bar.x).toBe(24)
    const he = withdrawnWidget(tollCounter).layout(withdrawn, tollCounter.options.parse({ locale: 'he' })) as any
    expect(he.frame.sentences[0]).toMatch(/^הוסר ב־1 בדצמבר 2026: /)
    expect(he.bar.x + he.bar.width).toBe(640 - 24)
  })

  it('lists nothing of the story, and gives its date and note instead', () => {
    const widget = withdrawnWidget(widgets['statement-grid'])
    const opts = widget.options.parse({ statements: 'no-such-statement' }) as any
    expect(widget.check(withdrawn, opts)).toEqual([])
    expect(widget.items(withdrawn, opts)).toEqual([])
    expect(widget.summary!(withdrawn, opts)).toEqual({ withdrawn: { date: '2026-12-01', note } })
  })
})

describe('a corrected figure in the toll counter', () => {
  const story = bundledStory()
  const corrected: Story = {
    ...story,
    figures: story.figures.map((f) => (f.id === 'killed-gaza' ? { ...f, value: 52600, asOf: '2025-05-08' } : f)),
    revision: { notes: [{ kind: 'correction', version: 3, day: '2025-05-09', note: 'The toll was misread.' }], corrected: ['killed-gaza'], changes: { 'killed-gaza': { previous: 52567, since: '2025-05-06' } } },
  }
  const marks = { en: 'Corrected figure', ar: 'رقم مُصحَّح', he: 'נתון מתוקן', fr: 'Chiffre corrigé', de: 'Korrigierte Zahl', es: 'Cifra corregida' }

  it.each(Object.entries(marks))('is marked in %s, under its number, with no change line', (locale, mark) => {
    const l = tollCounter.layout(corrected, tollCounter.options.parse({ locale }))
    const number = l.lines.find((line) => line.style.size > 30)!
    const marked = l.lines.find((line) => line.text === mark)!
    expect(marked).toBeDefined()
    expect(marked.y).toBeGreaterThan(number.y)
    expect(marked.x).toBe(number.x)
    expect(l.lines.filter((line) => line.text === mark)).toHaveLength(1)
    expect(l.frame.sentences[0]).toContain(`(${mark})`)
    // The change against the previous as-of is in the JSON, never drawn for a corrected figure.
    expect(l.lines.some((line) => /\bup 33\b|٣٣|33/.test(line.text) && line.style.size === 13)).toBe(false)
  })

  it('prints "Corrected {date}: {note}" in the footer', () => {
    const l = tollCounter.layout(corrected, tollCounter.options.parse({ width: '1200' }))
    expect(l.lines.some((line) => line.text === 'Corrected 9 May 2025: \u2068The toll was misread.\u2069')).toBe(true)
    expect(tollCounter.items(corrected, tollCounter.options.parse({}))[0]).toMatchObject({ corrected: true, previousValue: 52567 })
  })
})
