// Issue #2: nothing runs out of its box at 280 px or 1600 px in any locale. Every text line
// is measured with the same metrics and must lie inside the frame's margins.
import { describe, expect, it } from 'vitest'
import { widgets } from '../../widgets/index'
import { locales } from '../../widgets/locale'
import type { TextLine } from '../../widgets/text-block'
import { measureText } from '../../widgets/text-measure'
import { bundledStory } from '../fixtures'

const story = bundledStory()
const cases = Object.keys(widgets).flatMap((id) => locales.flatMap((locale) => [280, 320, 640, 1200, 1600].map((width) => [id, locale, width] as const)))

function extent(line: TextLine): [number, number] {
  const w = measureText(line.text, line.style.size, line.style.bold ? 'bold' : 'regular', line.style.script)
  if (line.style.anchor === 'start') return [line.x, line.x + w]
  if (line.style.anchor === 'end') return [line.x - w, line.x]
  return [line.x - w / 2, line.x + w / 2]
}

describe('layout bounds', () => {
  it.each(cases)('%s in %s at %i px keeps every line inside the frame', (id, locale, width) => {
    const widget = widgets[id]
    const layout = widget.layout(story, widget.options.parse({ locale, width: String(width) }))
    expect(layout.frame.width).toBe(width)
    const margin = width < 480 ? 16 : 24
    for (const line of layout.lines) {
      const [left, right] = extent(line)
      expect(left, line.text).toBeGreaterThanOrEqual(margin - 0.5)
      expect(right, line.text).toBeLessThanOrEqual(width - margin + 0.5)
      expect(line.y, line.text).toBeLessThan(layout.frame.height)
    }
  })
})
