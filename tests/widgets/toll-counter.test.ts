import { describe, expect, it } from 'vitest'
import * as tollCounter from '../../widgets/toll-counter'
import { bundledStory } from '../fixtures'

const story = bundledStory()
const layoutFor = (query: Record<string, string>) => tollCounter.layout(story, tollCounter.options.parse(query))
const lineWith = (l: ReturnType<typeof layoutFor>, s: string) => l.lines.find((line) => line.text.includes(s))

describe('toll-counter', () => {
  it('shows the headline figures by default, in the story’s order', () => {
    const items = tollCounter.items(story, tollCounter.options.parse({}))
    expect(items.map((i) => i.id)).toEqual(story.headlineFigures)
  })

  it('puts the qualifier before the number', () => {
    const l = layoutFor({})
    const qualifier = lineWith(l, 'At least')
    const number = lineWith(l, '52,567')
    expect(qualifier).toBeDefined()
    expect(number).toBeDefined()
    expect(qualifier!.y).toBeLessThan(number!.y)
    expect(Math.abs(qualifier!.x - number!.x)).toBeLessThan(1)
  })

  it('gives every figure its source as the article attributes it and its as-of date', () => {
    const l = layoutFor({})
    expect(l.lines.filter((line) => line.text.includes('Source: Gaza’s Hamas-run health ministry'))).toHaveLength(2)
    expect(l.lines.filter((line) => /as of 6 May 2025/i.test(line.text))).toHaveLength(4)
    // The two figures about the attack of 7 October 2023 carry the day they count (issue #13).
    expect(l.lines.filter((line) => line.text === 'On 7 October 2023 · as of 6 May 2025')).toHaveLength(2)
  })

  it('shows the figures the figures option names, in that order', () => {
    const items = tollCounter.items(story, tollCounter.options.parse({ figures: 'gaza-residents,killed-gaza' }))
    expect(items.map((i) => i.formatted)).toEqual(['2.1 million', '52,567'])
  })

  it('shows a figure with decimals as written, never rounded to a whole number, in every locale’s digits', () => {
    const rate = { ...story, figures: story.figures.map((f) => (f.id === 'killed-gaza' ? { ...f, value: 14.8 } : f.id === 'killed-since-resumption' ? { ...f, value: 6.25 } : f)) }
    const items = tollCounter.items(rate, tollCounter.options.parse({ figures: 'killed-gaza,killed-since-resumption' }))
    expect(items.map((i) => i.formatted)).toEqual(['14.8', '6.25'])
    const ar = tollCounter.layout(rate, tollCounter.options.parse({ figures: 'killed-gaza', locale: 'ar' }))
    expect(ar.lines.some((line) => line.text.includes('١٤٫٨'))).toBe(true)
  })

  it('rejects figure ids the story does not have, naming them', () => {
    const problems = tollCounter.check(story, tollCounter.options.parse({ figures: 'killed-gaza,nope' }))
    expect(problems).toEqual([expect.objectContaining({ name: 'figures', reason: expect.stringContaining('"nope"') })])
  })

  it('formats numbers and dates in the locale: Arabic-Indic digits in ar, spaces in fr', () => {
    expect(lineWith(layoutFor({ locale: 'ar' }), '٥٢٬٥٦٧')).toBeDefined()
    expect(lineWith(layoutFor({ locale: 'ar' }), 'حتى ٦ مايو ٢٠٢٥')).toBeDefined()
    expect(lineWith(layoutFor({ locale: 'fr' }), '52\u00a0567')).toBeDefined()
    expect(lineWith(layoutFor({ locale: 'de' }), 'Stand: 6. Mai 2025')).toBeDefined()
  })

  it('lays out right to left in ar and he: first figure at the right, text anchored at its right edge', () => {
    for (const locale of ['ar', 'he']) {
      const l = layoutFor({ locale, width: '1200' })
      const first = l.lines.find((line) => line.style.size > 30)!
      const last = [...l.lines].reverse().find((line) => line.style.size > 30)!
      expect(first.style.anchor).toBe('end')
      expect(first.x).toBeGreaterThan(last.x)
      // Each line is a right-to-left isolate in the markup, so bidi reordering stays inside it.
      expect(tollCounter.render(l)).toContain(`>\u2067${first.text}\u2069</text>`)
    }
  })

  it('puts four figures in one row when wide and one column at phone width', () => {
    const numberRows = (width: string) => new Set(layoutFor({ width }).lines.filter((line) => line.style.size > 30).map((line) => line.y)).size
    expect(numberRows('1200')).toBe(1)
    expect(numberRows('320')).toBe(4)
  })

  it('says how a figure changed since its earlier value, in the locale', () => {
    const revision = (changes: Record<string, { previous: number; since: string }>) => ({ notes: [], corrected: [], changes })
    const changed = { ...story, figures: story.figures.map((f) => (f.id === 'killed-gaza' ? { ...f, value: 52600, asOf: '2025-05-08' } : f)), revision: revision({ 'killed-gaza': { previous: 52567, since: '2025-05-06' } }) }
    const en = tollCounter.layout(changed, tollCounter.options.parse({}))
    expect(en.lines.some((l) => l.text.includes('up 33 since 6 May 2025'))).toBe(true)
    const ar = tollCounter.layout(changed, tollCounter.options.parse({ locale: 'ar' }))
    expect(ar.lines.some((l) => l.text.includes('بزيادة ٣٣ منذ ٦ مايو ٢٠٢٥'))).toBe(true)
    const down = { ...changed, revision: revision({ 'killed-gaza': { previous: 52700, since: '2025-05-06' } }) }
    expect(tollCounter.layout(down, tollCounter.options.parse({})).lines.some((l) => l.text.includes('down 100 since 6 May 2025'))).toBe(true)
    expect(layoutFor({}).lines.some((l) => /\bup \d/.test(l.text))).toBe(false)
  })

  it('draws each version of a story with its own words, however many renders came before', () => {
    // What a widget says is made once per parsed story: a later version must never show an earlier one's.
    const before = tollCounter.render(tollCounter.layout(story, tollCounter.options.parse({ locale: 'fr' })))
    const corrected = { ...story, figures: story.figures.map((f) => (f.id === 'killed-gaza' ? { ...f, value: 52615, label: { ...f.label, fr: 'personnes tuées (corrigé)' } } : f)) }
    const after = tollCounter.render(tollCounter.layout(corrected, tollCounter.options.parse({ locale: 'fr' })))
    expect(before).toContain('52\u00a0567')
    expect(after).toContain('52\u00a0615')
    expect(after).toContain('personnes tuées (corrigé)')
    expect(after).not.toContain('52\u00a0567')
    // And the first version is still drawn as it was.
    expect(tollCounter.render(tollCounter.layout(story, tollCounter.options.parse({ locale: 'fr' })))).toBe(before)
  })
})
