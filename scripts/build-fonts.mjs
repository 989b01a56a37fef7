// Builds, from the Noto Sans TTFs of @expo-google-fonts, the two things that must agree:
// widgets/font-metrics.ts, the advance widths (1/1000 em) layout measures text with, and
// src/png/fonts/*.ttf, the same fonts subset to the same characters, which the PNG
// rasteriser draws with (issue #4).
// Arabic letters get one width per joining form (isolated, initial, medial, final), taken
// by shaping each letter between zero-width joiners with fontkit, the way a browser would.
// Kerning is ignored: Noto's Latin kerning only narrows text, so measured widths err wide.
import * as fontkit from 'fontkit'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import subsetFont from 'subset-font'

const root = 'node_modules/@expo-google-fonts'
const fonts = {
  regular: ['noto-sans/400Regular/NotoSans_400Regular.ttf', 'noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf', 'noto-sans-hebrew/400Regular/NotoSansHebrew_400Regular.ttf'],
  bold: ['noto-sans/700Bold/NotoSans_700Bold.ttf', 'noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf', 'noto-sans-hebrew/700Bold/NotoSansHebrew_700Bold.ttf'],
}
const ranges = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x2010, 0x2027], [0x2030, 0x203a], [0x20ac, 0x20ac],
  [0x2190, 0x2193], [0x2212, 0x2212], [0x2248, 0x2248], [0x25cf, 0x25cf],
  [0x0590, 0x05ff], [0x0600, 0x06ff], [0xfb1d, 0xfb4f],
]
const ZWJ = '\u200d'
const isArabic = (cp) => cp >= 0x0600 && cp <= 0x06ff

function advance(font, text) {
  try {
    const run = font.layout(text)
    return run.positions.reduce((sum, p) => sum + p.xAdvance, 0) * (1000 / font.unitsPerEm)
  } catch {
    // fontkit fails to position a few mark glyphs; their plain advance is close enough.
    return [...text].reduce((sum, ch) => sum + font.glyphForCodePoint(ch.codePointAt(0)).advanceWidth, 0) * (1000 / font.unitsPerEm)
  }
}

// The glyphs a letter is drawn with, leaving out the joiner's own glyph.
function letterGlyphs(font, text) {
  // fontkit draws the joiner with its own glyph or with the space glyph.
  const joiner = [font.glyphForCodePoint(0x200d).id, font.glyphForCodePoint(0x20).id]
  try {
    return font.layout(text).glyphs.map((g) => g.id).filter((id) => !joiner.includes(id)).join()
  } catch {
    return ''
  }
}

const out = {
  about: 'Advance widths in 1/1000 em from Noto Sans, Noto Sans Arabic and Noto Sans Hebrew (@expo-google-fonts), first font with the glyph wins, as in the SVG font-family list. Made by scripts/build-metrics.mjs; do not edit.',
  fonts: Object.fromEntries(Object.entries(fonts).map(([k, v]) => [k, v.map((p) => p.split('/').pop())])),
  widths: {},
  arabicForms: {},
  joining: {},
}
for (const [style, files] of Object.entries(fonts)) {
  const faces = files.map((f) => fontkit.openSync(`${root}/${f}`))
  const widths = {}
  const forms = {}
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp)
      const face = faces.find((f) => f.hasGlyphForCodePoint(cp))
      if (!face) continue
      widths[cp] = Math.round(advance(face, ch))
      if (!isArabic(cp) || widths[cp] === 0) continue
      const isolated = letterGlyphs(face, ch)
      const joinsLeft = letterGlyphs(face, ch + ZWJ) !== isolated
      const joinsRight = letterGlyphs(face, ZWJ + ch) !== isolated
      if (!joinsLeft && !joinsRight) continue
      out.joining[cp] = joinsLeft ? 'D' : 'R'
      forms[cp] = [
        widths[cp],
        joinsLeft ? Math.round(advance(face, ch + ZWJ)) : widths[cp],
        joinsLeft ? Math.round(advance(face, ZWJ + ch + ZWJ)) : Math.round(advance(face, ZWJ + ch)),
        Math.round(advance(face, ZWJ + ch)),
      ]
    }
  }
  out.widths[style] = widths
  out.arabicForms[style] = forms
}
// A browser without Noto falls back through the stack: DejaVu Sans is the usual Linux
// default and Liberation Sans has Arial's (and so Helvetica's) metrics. Each character is
// measured at the widest of these, so that text laid out here never overflows in them
// (tests/browser/fallback-fonts.test.mjs draws it so). Arabic joining forms keep Noto's:
// Arabic set in DejaVu Sans fits already. Needs Debian's fonts-dejavu-core and
// fonts-liberation (or fonts-liberation2).
const fallbackFiles = {
  regular: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf'],
  bold: ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf', '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf'],
}
const fallbacks = {}
for (const [style, files] of Object.entries(fallbackFiles)) {
  fallbacks[style] = files.filter((f) => existsSync(f)).map((f) => fontkit.openSync(f))
  const names = new Set(fallbacks[style].map((f) => f.familyName))
  if (!names.has('DejaVu Sans') || !names.has('Liberation Sans')) {
    throw new Error('Install the fallback fonts first: apt-get install fonts-dejavu-core fonts-liberation2')
  }
}
function widest(style, cp, width) {
  let w = width
  for (const face of fallbacks[style]) {
    if (face.hasGlyphForCodePoint(cp)) w = Math.max(w, Math.round(face.glyphForCodePoint(cp).advanceWidth * (1000 / face.unitsPerEm)))
  }
  return w
}
for (const style of Object.keys(fonts)) {
  for (const cp of Object.keys(out.widths[style]).map(Number)) {
    if (!out.arabicForms[style][cp]) out.widths[style][cp] = widest(style, cp, out.widths[style][cp])
  }
}
out.about += ' Each width is the widest of Noto and the fallback fonts DejaVu Sans and Liberation Sans (Arial metrics); Arabic joining forms are Noto\'s.'

// Lines in Arabic or Hebrew name that script's font first (resvg picks fallback faces by
// glyph alone, not weight, so bold Arabic needs its own family first). Those fonts carry
// Latin glyphs of slightly different widths: record where each such stack differs.
out.scriptWidths = {}
for (const [script, first] of [['arabic', 1], ['hebrew', 2]]) {
  out.scriptWidths[script] = {}
  for (const [style, files] of Object.entries(fonts)) {
    const faces = files.map((f) => fontkit.openSync(`${root}/${f}`))
    const stack = [faces[first], ...faces.filter((_, i) => i !== first)]
    const differs = {}
    for (const cp of Object.keys(out.widths[style]).map(Number)) {
      const face = stack.find((f) => f.hasGlyphForCodePoint(cp))
      const w = widest(style, cp, Math.round(advance(face, String.fromCodePoint(cp))))
      if (w !== out.widths[style][cp] && !out.arabicForms[style][cp]) differs[cp] = w
    }
    out.scriptWidths[script][style] = differs
  }
}
// Written as a JSON string in a module, parsed when layout first measures: an object literal
// this size would be built while every isolate starts (issue #7).
writeFileSync('widgets/font-metrics.ts', `// Made by scripts/build-fonts.mjs (npm run fonts): do not edit.\nexport const fontMetricsJson = ${JSON.stringify(JSON.stringify(out))}\n`)
console.log(`widgets/font-metrics.ts: ${Object.keys(out.widths.regular).length} characters, ${Object.keys(out.joining).length} joining Arabic letters`)

// Subsets: every character measured above, plus the joiners and isolates shaping needs.
const characters = [...Object.keys(out.widths.regular), ...Object.keys(out.widths.bold)].map(Number)
const text = String.fromCodePoint(...new Set([...characters, 0x200c, 0x200d, 0x200e, 0x200f, 0x2066, 0x2067, 0x2068, 0x2069]))
mkdirSync('src/png/fonts', { recursive: true })
for (const files of Object.values(fonts)) {
  for (const file of files) {
    const subset = await subsetFont(readFileSync(`${root}/${file}`), text, { targetFormat: 'truetype' })
    const name = file.split('/').pop()
    writeFileSync(`src/png/fonts/${name}`, subset)
    console.log(`src/png/fonts/${name}: ${(subset.length / 1024).toFixed(0)} KiB`)
  }
}
