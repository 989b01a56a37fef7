// GET /api/widgets and /widgets/{slug}/{widget}.{svg,json,csv} (CONTRACT.md "Endpoints").
// One route per widget and format, each validating its query with the widget's own schema.
import { router } from '../env'
import { type WidgetModule, layoutWidget, renderWidget, widgets } from '../../widgets/index'
import { XML_DECLARATION } from '../../widgets/svg'
import { toCsv } from '../http/csv'
import { cacheFor } from '../http/caching'
import { cachedRender } from '../http/render-cache'
import { notFound } from '../http/problem'
import { validateOptions } from '../http/validation'
import { loadDocuments } from '../lazy/modules'
import { pngOptionSpecs, pngOptions } from '../png/options'
import { isPrerendered } from '../png/prerender'
import { pngParts, widgetPng } from '../png/widget-png'
import { resolveWidget } from '../widget-request'
import type { Story } from '../../widgets/story'

/** What an SVG may do once loaded: draw itself with inline styles and data: fonts, nothing else. */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:"

const formats = ['svg', 'json', 'csv'] as const
type Format = (typeof formats)[number]

export const widgetRoutes = router()

// The widget list, options as JSON Schema, is made when the worker is built (src/documents/).
widgetRoutes.get('/api/widgets', async (c) => c.body((await loadDocuments()).default.widgetList, 200, { 'Content-Type': 'application/json' }))

for (const widget of Object.values(widgets)) {
  for (const format of formats) {
    widgetRoutes.get(`/widgets/:slug/${widget.id}.${format}`, validateOptions(widget.optionSpecs, widget.options), async (c) => {
      const { widget: shown, story, version, opts, normalised, pinned, stale } = await resolveWidget(c.env.DB, widget, c.req.param('slug'), c.req.valid('query'))
      const parts = ['widget', story.slug, version, widget.id, format, normalised]
      const notModified = await cacheFor(c, { parts, pinned, stale })
      if (notModified) return notModified
      return respond(c, widget, shown, format, story, version, opts, parts.join('|'))
    })
  }
}


for (const widget of Object.values(widgets)) {
  widgetRoutes.get(`/widgets/:slug/${widget.id}.png`, validateOptions(pngOptionSpecs[widget.id], pngOptions[widget.id]), async (c) => {
    const { scale, ...options } = c.req.valid('query') as { scale: number; version?: number }
    const { widget: shown, story, version, opts, normalised, pinned, stale } = await resolveWidget(c.env.DB, widget, c.req.param('slug'), options)
    const request = { widget: shown, story, version, opts, normalised, scale }
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

/** `shown` is the widget drawn: `widget` itself, or its notice when the story is withdrawn. */
function respond(c: import('hono').Context<import('../env').AppEnv>, widget: WidgetModule<any>, shown: WidgetModule<any>, format: Format, story: Story, version: number, opts: any, key: string): Response {
  if (format === 'svg') {
    c.header('Content-Security-Policy', SVG_CSP)
    return c.body(cachedRender(key, () => XML_DECLARATION + renderWidget(shown, story, opts)), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' })
  }
  if (format === 'json') return c.body(cachedRender(key, () => JSON.stringify(widgetJson(shown, story, version, opts))), 200, { 'Content-Type': 'application/json' })
  const filename = `${story.slug}-v${version}-${widget.id}.csv`
  return c.body(cachedRender(key, () => widgetCsv(widget, shown, story, opts)), 200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="${filename}"`,
  })
}

function widgetJson(widget: WidgetModule<any>, story: Story, version: number, opts: any) {
  const { version: _pin, ...options } = opts
  const { frame } = layoutWidget(widget, story, opts)
  const revision = story.revision
  return {
    story: story.slug,
    version,
    asOf: story.asOf,
    published: story.published,
    widget: widget.id,
    options,
    // The picture's <title> and <desc>: ready-made alt text for an <img>.
    title: frame.title,
    description: frame.sentences.join(' '),
    // What the widget tells readers about this version: public notes only, never the history's.
    ...(revision?.withdrawn ? {} : { notes: (revision?.notes ?? []).map((n) => ({ kind: n.kind, date: n.day, note: n.note })) }),
    ...(widget.summary ? widget.summary(story, opts) : {}),
    [widget.itemsKey]: widget.items(story, opts),
  }
}

/** A withdrawn story's CSV keeps the widget's columns and has no rows. */
function widgetCsv(widget: WidgetModule<any>, shown: WidgetModule<any>, story: Story, opts: any): string {
  const items = shown.items(story, opts)
  const header = shown === widget || widget.unavailable?.(story) ? items : widget.items(story, opts)
  const columns = [...new Set(header.flatMap((row) => Object.keys(row)))]
  return toCsv(columns, items)
}
