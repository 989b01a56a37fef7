// Colour roles and the one <style> block every widget carries. Text roles meet WCAG 2.2
// 1.4.3 (4.5:1) on their background in both themes and bar/marker roles meet 1.4.11 (3:1);
// tests/widgets/theme.test.ts checks the ratios. `auto` follows prefers-color-scheme inside
// the SVG itself, so it also works in a plain <img>.
export const themes = ['light', 'dark', 'auto'] as const
export type Theme = (typeof themes)[number]

export type ColorRole = 'bg' | 'fg' | 'muted' | 'bar' | 'rule' | 'card' | 'cardLine'
type Palette = Record<ColorRole, string>

export const palettes: Record<'light' | 'dark', Palette> = {
  light: { bg: '#ffffff', fg: '#1a1a1a', muted: '#555a60', bar: '#2e6590', rule: '#c9ccd0', card: '#f5f6f7', cardLine: '#d5d8dc' },
  dark: { bg: '#16181b', fg: '#f1f2f3', muted: '#b3b8bf', bar: '#7fb1dc', rule: '#454a51', card: '#202328', cardLine: '#3a3f46' },
}

/** Text roles and the backgrounds they are drawn on, for the contrast checks. */
export const textOnBackground: [ColorRole, ColorRole][] = [
  ['fg', 'bg'], ['muted', 'bg'], ['fg', 'card'], ['muted', 'card'], ['bar', 'bg'],
]

const FALLBACK_STACK = "system-ui,-apple-system,'Segoe UI',Arial,sans-serif"
const FONT_STACK = `'Noto Sans','Noto Sans Arabic','Noto Sans Hebrew',${FALLBACK_STACK}`

function rules(p: Palette): string {
  return (
    `.bg{fill:${p.bg}}.fg{fill:${p.fg}}.muted{fill:${p.muted}}.bar{fill:${p.bar}}` +
    `.card{fill:${p.card};stroke:${p.cardLine}}.rule{stroke:${p.rule}}.mark{stroke:${p.bar};fill:${p.bg}}` +
    `.mark.exact{fill:${p.bar}}.mark-num{fill:${p.bg}}.mark-num.approx{fill:${p.bar}}.after{stroke:${p.bar};fill:none}`
  )
}

// direction:ltr pins what text-anchor means: the layout anchors right-to-left lines at their
// right edge with "end" and orders them with bidi isolates, as resvg needs. Without it an
// SVG inlined in a dir="rtl" page inherits rtl and Chromium swaps start and end.
// .arabic and .hebrew lines name their script's font first: resvg picks a fallback face by
// glyph alone, so bold Arabic set in the Latin stack would come out regular.
const base =
  `text{font-family:${FONT_STACK};direction:ltr}.approx{stroke-dasharray:3 2}` +
  `.arabic{font-family:'Noto Sans Arabic','Noto Sans',${FALLBACK_STACK}}.hebrew{font-family:'Noto Sans Hebrew','Noto Sans',${FALLBACK_STACK}}`
const styles: Record<Theme, string> = {
  light: base + rules(palettes.light),
  dark: base + rules(palettes.dark),
  auto: base + rules(palettes.light) + `@media (prefers-color-scheme:dark){${rules(palettes.dark)}}`,
}

/** The CSS for a theme; built once, the same string for every widget. */
export function themeStyle(theme: Theme): string {
  return styles[theme]
}
