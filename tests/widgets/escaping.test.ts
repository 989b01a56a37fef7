// Hostile text in a dataset comes out escaped in every widget, and the SVG stays well formed.
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { renderWidget, widgets } from '../../widgets/index'
import { parseStory } from '../../widgets/story'
import { coveredBySource, rawStory } from '../fixtures'

const hostile = '</text><script>alert("x")</script> & \'quotes\' "double" \u202Eevil\u202C <b>bold</b>'

function hostileStory() {
  const raw = rawStory()
  raw.headline.en = hostile
  for (const f of raw.figures) Object.assign(f, { label: { en: hostile }, attribution: { en: hostile } })
  for (const e of raw.events) Object.assign(e, { label: { en: hostile }, attribution: { en: hostile } })
  raw.duration.label = { en: hostile }
  for (const s of raw.statements) Object.assign(s, { text: hostile, speaker: { name: { en: hostile }, role: { en: hostile } } })
  const parsed = parseStory(coveredBySource(raw))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.story
}

describe('escaping', () => {
  it.each(Object.keys(widgets))('%s escapes markup, quotes and ampersands from the data', (id) => {
    const widget = widgets[id]
    const svg = renderWidget(widget, hostileStory(), widget.options.parse({}) as { width: number })
    expect(XMLValidator.validate(svg)).toBe(true)
    expect(svg).not.toContain('<script')
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('&lt;script&gt;')
    expect(svg).toContain('&amp;')
  })
})
