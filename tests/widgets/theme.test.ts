import { describe, expect, it } from 'vitest'
import { palettes, textOnBackground, themeStyle } from '../../widgets/theme'

// WCAG 2.2 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

describe('themes', () => {
  it.each(Object.keys(palettes).flatMap((theme) => textOnBackground.map(([fg, bg]) => [theme, fg, bg] as const)))(
    '%s: %s on %s meets WCAG AA for text (4.5:1)',
    (theme, fg, bg) => {
      const p = palettes[theme as 'light' | 'dark']
      expect(contrast(p[fg], p[bg])).toBeGreaterThanOrEqual(4.5)
    },
  )

  it('auto carries both palettes, dark under prefers-color-scheme', () => {
    const css = themeStyle('auto')
    expect(css).toContain(palettes.light.fg)
    expect(css).toMatch(new RegExp(`@media \\(prefers-color-scheme:dark\\)\\{[^]*${palettes.dark.fg}`))
    expect(themeStyle('dark')).not.toContain('@media')
  })
})
