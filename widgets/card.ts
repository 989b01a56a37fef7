// preset=card: the widget as a 1200×630 social card (Open Graph, X/Twitter). The card is a
// layout decision: lay the widget out at the width that lets it fill the most of the
// card, then frame it with the root viewBox; the markup changes nowhere else.
import type { Frame } from './svg'

export const CARD = { width: 1200, height: 630 }
/** Small widgets are not blown up past twice their size. */
const MAX_SCALE = 2

export function layoutCard<L extends { frame: Frame }>(layoutAt: (width: number) => L): L {
  let best: { layout: L; scale: number; area: number } | undefined
  for (let width = 480; width <= 1600; width += 40) {
    const layout = layoutAt(width)
    const scale = Math.min(MAX_SCALE, CARD.width / width, CARD.height / layout.frame.height)
    const area = scale * scale * width * layout.frame.height
    if (!best || area > best.area + 1) best = { layout, scale, area }
  }
  const { layout, scale } = best!
  const f = layout.frame
  const width = CARD.width / scale
  const height = CARD.height / scale
  f.view = { x: round((f.width - width) / 2), y: round((f.height - height) / 2), width: round(width), height: round(height) }
  f.outer = { ...CARD }
  return layout
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
