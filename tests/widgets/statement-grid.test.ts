import { describe, expect, it } from 'vitest'
import * as grid from '../../widgets/statement-grid'
import { bundledStory } from '../fixtures'

const story = bundledStory()
const layoutFor = (query: Record<string, string>) => grid.layout(story, grid.options.parse(query))

describe('statement-grid', () => {
  it('shows every statement in the article’s order by default', () => {
    expect(grid.items(story, grid.options.parse({})).map((s) => s.id)).toEqual(story.statements.map((s) => s.id))
  })

  it('derives columns from the width, and never makes cards unreadably narrow', () => {
    expect(layoutFor({ width: '320' }).columns).toBe(1)
    expect(layoutFor({ width: '760' }).columns).toBe(2)
    expect(layoutFor({ width: '1200' }).columns).toBe(4)
    expect(layoutFor({ width: '1200', columns: '3' }).columns).toBe(3)
    expect(layoutFor({ width: '320', columns: '4' }).columns).toBe(1)
  })

  it('gives every speaker the same weight: same name size and weight, same card height in a row', () => {
    const l = layoutFor({ width: '1200' })
    // Each card's first line is its speaker's name; all are set alike.
    const firstLines = l.cards.map((c) =>
      l.lines.filter((line) => line.y > c.y && line.y < c.y + c.height && line.x >= c.x && line.x <= c.x + c.width).sort((a, b) => a.y - b.y)[0])
    firstLines.forEach((line, i) => expect(line.text).toContain(story.statements[i].speaker.name.en!.split(' ')[0]))
    expect(new Set(firstLines.map((n) => `${n.style.size}/${n.style.bold}/${n.style.role}`)).size).toBe(1)
    const rows = new Map<number, Set<number>>()
    for (const c of l.cards) rows.set(c.y, (rows.get(c.y) ?? new Set()).add(c.height))
    for (const heights of rows.values()) expect(heights.size).toBe(1)
    expect(new Set(l.cards.map((c) => c.width)).size).toBe(1)
  })

  it('marks quotes with quotation marks and a Quote label, paraphrase with its own label', () => {
    const l = layoutFor({ statements: 'naim-no-point,military-aim', width: '1200' })
    const texts = l.lines.map((line) => line.text).join('\n')
    expect(texts).toContain('“no point in continuing')
    expect(texts).toContain('Quote')
    expect(texts).toContain('Paraphrase')
  })

  it('keeps quotes in English, left to right, inside an Arabic widget', () => {
    const l = layoutFor({ locale: 'ar', statements: 'naim-no-point' })
    const quote = l.lines.find((line) => line.text.includes('no point'))!
    expect(quote.style.lang).toBe('en')
    expect(quote.style.anchor).toBe('start')
    expect(l.lines.find((line) => line.text.includes('باسم نعيم'))!.style.anchor).toBe('end')
  })
})
