import { describe, expect, it } from 'vitest'
import { num } from '../../widgets/svg'

describe('num', () => {
  it('writes a coordinate as the number rounded to 0.1 px would print, inside and outside the kept range', () => {
    const values = [0, -0.04, 0.04, 0.05, 0.96, 1, 12.25, 24.5, 461.99999999999994, 6553.5, 6553.6, 10000.37, -0.5, -3.45, -12, -1e5 / 3]
    for (let i = 0; i < 2000; i++) values.push(i * 3.71 - 500, i * 0.1)
    for (const v of values) expect(num(v), String(v)).toBe(String(Math.round(v * 10) / 10 || 0))
    // Asking twice gives the same text (the kept strings are not corrupted by later ones).
    expect(num(24.5)).toBe('24.5')
  })
})
