// GET /api/widgets and /widgets/{slug}/{widget}.{svg,json,csv} (CONTRACT.md "Endpoints").
// One route per widget and format, each validating its query with the widget's own schema.
import { codeRevision, router } from '../env'
import { widgets } from '../../widgets/index'
import { cacheFor } from '../http/caching'
import { notFound } from '../http/problem'
import { validateOptions } from '../http/validation'
import { loadDocuments } from '../lazy/modules'
import { pngOptionSpecs, pngOptions } from '../png/options'
import { isPrerendered } from '../prerender'
import { pngParts, widgetPng } from '../png/widget-png'
import { resolveWidget, widgetResponse } from '../widget-request'

const formats = ['svg', 'json', 'csv'] as const

export const widgetRoutes = router()

// The widget list, options as JSON Schema, is made when the worker is built (src/documents/).
widgetRoutes.get('/api/widgets', async (c) => c.body((await loadDocuments()).default.widgetList, 200, { 'Content-Type': 'application/json' }))

for (const widget of Object.values(widgets)) {
  for (const format of formats) {
    widgetRoutes.get(`/widgets/:slug/${widget.id}.${format}`, validateOptions(widget.optionSpecs, widget.options), (c) => widgetResponse(c, widget, format))
  }
}

for (const widget of Object.values(widgets)) {
  widgetRoutes.get(`/widgets/:slug/${widget.id}.png`, validateOptions(pngOptionSpecs[widget.id], pngOptions[widget.id]), async (c) => {
    const { scale, ...options } = c.req.valid('query') as { scale: number; version?: number }
    const { widget: shown, story, version, opts, normalised, pinned, stale } = await resolveWidget(c.env.DB, widget, c.req.param('slug'), options)
    const request = { widget: shown, story, version, opts, normalised, scale, revision: codeRevision(c.env) }
    const notModified = await cacheFor(c, { parts: pngParts(request), pinned, stale })
    if (notModified) return notModified
    // Rasterising costs tens of milliseconds: each PNG is kept in this isolate's memory and in
    // the edge cache (which other isolates of the location share), keyed like its ETag. A
    // PNG that publishing draws is read from KV, and written there if no publish drew it.
    const published = c.env.PUBLISHED_PNGS && { kv: c.env.PUBLISHED_PNGS, mode: isPrerendered(widget.id, scale, normalised) ? 'fill' as const : 'read' as const }
    return c.body(await widgetPng(c.executionCtx, request, published), 200, { 'Content-Type': 'image/png' })
  })
}

// Anything else under /widgets/{slug}/: say what exists rather than a bare 404.
widgetRoutes.get('/widgets/:slug/:file', (c) => {
  const file = c.req.param('file')
  const [name, format] = [file.replace(/\.[^.]*$/, ''), file.includes('.') ? file.split('.').pop() : '']
  if (!Object.hasOwn(widgets, name)) throw notFound(`There is no widget "${name}". Widgets: ${Object.keys(widgets).join(', ')}.`)
  throw notFound(`Widget "${name}" is served as ${[...formats, 'png'].map((f) => `.${f}`).join(', ')}, not "${format}".`)
})
