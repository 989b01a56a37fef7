// The widget registry: each id maps to its module (the file name is the public id).
// /api/widgets, the workshop, the router and the OpenAPI document all read this map.
import type * as z from 'zod/mini'
import * as blockadeDuration from './blockade-duration'
import { layoutCard } from './card'
import type { Example, InvalidParam } from './common'
import type { OptionSpecs } from './options'
import type { Story } from './story'
import type { Frame } from './svg'
import type { TextLine } from './text-block'
import * as statementGrid from './statement-grid'
import * as tollCounter from './toll-counter'

export interface WidgetModule<O extends { width: number; theme: string; locale: string; version?: number; preset?: 'card' }> {
  id: string
  title: string
  description: string
  /** Name of the list the widget shows in .json ("figures", "events", "statements"). */
  itemsKey: string
  options: z.ZodMiniObject<any>
  /** The same options as specs: quickOptions reads a query with them, without zod. */
  optionSpecs: OptionSpecs
  examples: Example[]
  /** Why this story has nothing for the widget to show (no duration, no statements), if so. */
  unavailable?(story: Story): string | undefined
  check(story: Story, opts: O): InvalidParam[]
  items(story: Story, opts: O): Record<string, unknown>[]
  summary?(story: Story, opts: O): Record<string, unknown>
  layout(story: Story, opts: O): { frame: Frame; lines: TextLine[] }
  render(layout: ReturnType<this['layout']>): string
}

// Each module's own option type differs; the registry holds them side by side.
type AnyWidget = WidgetModule<any>

export const widgets: Record<string, AnyWidget> = {
  [tollCounter.id]: tollCounter,
  [blockadeDuration.id]: blockadeDuration,
  [statementGrid.id]: statementGrid,
}

/** The layout for parsed options, as a 1200×630 card when preset=card. */
export function layoutWidget(widget: AnyWidget, story: Story, opts: { preset?: 'card'; width: number }) {
  return opts.preset === 'card' ? layoutCard((width) => widget.layout(story, { ...opts, width })) : widget.layout(story, opts)
}

/** Layout and markup in one step: the SVG element for a story and parsed options. */
export function renderWidget(widget: AnyWidget, story: Story, opts: { preset?: 'card'; width: number }): string {
  return widget.render(layoutWidget(widget, story, opts) as never)
}
