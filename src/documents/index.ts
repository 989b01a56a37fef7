// Documents the worker serves as they are: built from the schemas when the worker is built
// (scripts/build-lazy.mjs writes src/lazy/documents.mjs from this module), and imported by
// the routes on first use (src/lazy/modules.ts).
import { openapiDocument } from './openapi'
import { widgetList } from './widget-list'

export interface Documents {
  /** GET /openapi.json without `servers`. */
  openapi: ReturnType<typeof openapiDocument>
  /** GET /api/widgets, as sent. */
  widgetList: string
}

export function documents(): Documents {
  return { openapi: openapiDocument(), widgetList: JSON.stringify(widgetList()) }
}
