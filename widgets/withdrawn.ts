// What every widget of a withdrawn story draws instead of its figures (CONTRACT.md "v2:
// updates, corrections, retractions"): the notice "Withdrawn on {date}: {publicNote}" in
// the widget's own frame (its width, theme, locale, direction and element ids), so that an
// embed keeps its place on the page and says why it is empty. Newsrooms keep a withdrawn
// piece's URL with an editor's note rather than unpublish it (Washington Post, NYT, BBC);
// this is that note, for the widget. Nothing of the story's data is drawn: not its
// headline, figures, events or statements, which may be what had to be withdrawn.
import { margin } from './common'
import type { WidgetModule } from './index'
import { localeFormat } from './locale'
import type { Story } from './story'
import { type Frame, num, svgDocument, textLines } from './svg'
import { type TextLine, appendLines, placeText, round } from './text-block'

export interface WithdrawnLayout {
  frame: Frame
  lines: TextLine[]
  card: { x: number; y: number; width: number; height: number }
  /** The accent bar along the card's starting edge (left, or right in ar and he). */
  bar: { x: number; y: number; width: number; height: number }
}

const CARD_PAD = 14
const BAR = 4

/** The notice for a story whose revision says it is withdrawn, laid out as widget `widgetId`. */
export function layoutWithdrawn(widgetId: string, story: Story, opts: { width: number; theme: 'light' | 'dark' | 'auto'; locale: Parameters<typeof localeFormat>[0] }): WithdrawnLayout {
  const fmt = localeFormat(opts.locale)
  const m = fmt.messages
  const w = story.revision?.withdrawn
  // The note keeps its own direction inside an Arabic or Hebrew sentence (FSI … PDI).
  const sentence = m.withdrawn(fmt.longDate(w?.day ?? story.asOf), `\u2068${w?.note ?? ''}\u2069`)
  const width = opts.width
  const pad = margin(width)
  const inner = width - 2 * pad
  const rtl = fmt.dir === 'rtl'
  const textWidth = inner - 2 * CARD_PAD - BAR
  const textX = rtl ? pad + CARD_PAD : pad + BAR + CARD_PAD
  const lines: TextLine[] = []
  let y = pad + CARD_PAD
  y += appendLines(lines, placeText(m.withdrawnTitle, textX, y, textWidth, { size: width < 480 ? 17 : 19, weight: 'bold', role: 'fg', dir: fmt.dir, script: fmt.script, leading: 1.3 }))
  y += 4
  y += appendLines(lines, placeText(sentence, textX, y, textWidth, { size: 15, role: 'fg', dir: fmt.dir, script: fmt.script }))
  const cardHeight = round(y + CARD_PAD - 4 - pad)
  const card = { x: pad, y: pad, width: inner, height: cardHeight }
  return {
    frame: {
      id: `fb-${widgetId}`, width, height: Math.ceil(pad + cardHeight + pad), theme: opts.theme,
      lang: fmt.locale, dir: fmt.dir,
      title: m.withdrawnTitle,
      sentences: Object.freeze([sentence]),
    },
    lines,
    card,
    bar: { x: rtl ? pad + inner - BAR : pad, y: pad, width: BAR, height: cardHeight },
  }
}

export function renderWithdrawn(l: WithdrawnLayout): string {
  const c = l.card
  const body = [
    `<rect class="card" x="${num(c.x + 0.5)}" y="${num(c.y + 0.5)}" width="${num(c.width - 1)}" height="${num(c.height - 1)}" rx="6"/>`,
    `<rect class="bar" x="${num(l.bar.x)}" y="${num(l.bar.y)}" width="${l.bar.width}" height="${num(l.bar.height)}"/>`,
  ]
  return svgDocument(l.frame, textLines(l.lines, body))
}

const wrapped = new Map<string, WidgetModule<any>>()

/**
 * `widget` as a withdrawn story serves it: the same id, options and routes, drawing the
 * notice, with nothing in its .json list or .csv rows, and `withdrawn: { date, note }`
 * in its .json.
 */
export function withdrawnWidget(widget: WidgetModule<any>): WidgetModule<any> {
  let made: WidgetModule<any> | undefined = wrapped.get(widget.id)
  if (!made) {
    made = {
      id: widget.id,
      title: widget.title,
      description: widget.description,
      itemsKey: widget.itemsKey,
      optionSpecs: widget.optionSpecs,
      options: widget.options,
      examples: widget.examples,
      // Nothing of the story is checked: a 400 naming the story's ids would say what it held.
      unavailable: () => undefined,
      check: () => [],
      items: () => [],
      summary: (story: Story) => ({ withdrawn: { date: story.revision?.withdrawn?.day ?? null, note: story.revision?.withdrawn?.note ?? null } }),
      layout: (story: Story, opts: any) => layoutWithdrawn(widget.id, story, opts),
      render: (layout: any) => renderWithdrawn(layout as WithdrawnLayout),
    }
    wrapped.set(widget.id, made)
  }
  return made
}
