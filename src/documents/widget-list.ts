// The body of GET /api/widgets: every widget with its options as JSON Schema, made when the
// worker is built (scripts/build-lazy.mjs), as the OpenAPI document is.
import * as z from 'zod/mini'
import { widgets } from '../../widgets/index'

/** Formats every widget is served in. */
export const WIDGET_FORMATS = ['svg', 'json', 'csv', 'png'] as const

export function widgetList() {
  return Object.values(widgets).map((w) => ({
    id: w.id,
    title: w.title,
    description: w.description,
    formats: [...WIDGET_FORMATS],
    options: z.toJSONSchema(w.options, { io: 'input', unrepresentable: 'any' }),
    examples: w.examples,
  }))
}
