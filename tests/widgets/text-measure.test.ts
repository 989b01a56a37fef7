import { describe, expect, it } from 'vitest'
import { measureText, wrapText } from '../../widgets/text-measure'

describe('measureText', () => {
  it('measures bold wider than regular', () => {
    expect(measureText('52,567', 40, 'bold')).toBeGreaterThan(measureText('52,567', 40, 'regular'))
  })

  it('scales with the font size', () => {
    expect(measureText('Gaza', 30)).toBeCloseTo(2 * measureText('Gaza', 15), 5)
  })

  it('measures joined Arabic letters by their joining forms, narrower than isolated ones', () => {
    const joined = measureText('ببب', 20)
    const isolated = 3 * measureText('ب', 20)
    expect(joined).toBeLessThan(isolated * 0.7)
  })

  it('does not join across a right-joining letter (alef)', () => {
    // بابا: beh initial, alef final, beh initial again, alef final.
    expect(measureText('بابا', 20)).toBeCloseTo(2 * measureText('با', 20), 5)
  })

  it('gives bidi isolates no width and unknown characters some', () => {
    expect(measureText('\u2067\u2069', 20)).toBe(0)
    expect(measureText('😀', 20)).toBeGreaterThan(10)
  })
})

describe('wrapText', () => {
  it('wraps greedily so that no line is wider than asked', () => {
    const text = 'Hamas would not engage with any fresh proposals while Israel persisted with what he described as a starvation war'
    const lines = wrapText(text, 180, 15)
    expect(lines.length).toBeGreaterThan(2)
    for (const line of lines) expect(measureText(line, 15)).toBeLessThanOrEqual(180)
    expect(lines.join(' ')).toBe(text)
  })

  it('breaks a word longer than the line between characters', () => {
    const lines = wrapText('x'.repeat(500), 100, 15)
    expect(lines.length).toBeGreaterThan(5)
    for (const line of lines) expect(measureText(line, 15)).toBeLessThanOrEqual(100)
    expect(lines.join('')).toBe('x'.repeat(500))
  })

  it('collapses runs of white space and never makes an empty line', () => {
    expect(wrapText('  one   two\nthree  ', 1000, 15)).toEqual(['one two three'])
    expect(wrapText('😀 a', 5, 15)).toEqual(['😀', 'a'])
    expect(wrapText('52\u00a0567 killed', 60, 15)[0]).toBe('52\u00a0567')
  })
})
