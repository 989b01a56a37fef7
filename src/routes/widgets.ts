// GET /api/widgets and /widgets/{slug}/{widget}.{svg,json,csv} (CONTRACT.md "Endpoints").
// One route per widget and format, each validating its query with the widget's own schema.
import { Hono } from 'hono'
import { z } from 'zod/mini'
import { type WidgetModule, renderWidget, widgets } from '../../widgets/index'
import { XML_DECLARATION } from '../../widgets/svg'
import { toCsv } from '../http/csv'
import { cacheFor } from '../http/caching'
import { ProblemError, notFound } from '../http/problem'
import { validate } from '../http/validation'
import { resolveWidget } from '../widget-request'

/** What an SVG may do once loaded: draw itself with inline styles and data: fonts, nothing else. */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:"

const formats = ['svg', 'json', 'csv'] as const
type Format = (typeof formats)[number]

export const widgetRoutes = new Hono()

widgetRoutes.get('/api/widgets', (c) =>
  c.json(
    Object.values(widgets).map((w) => ({
      id: w.id,
      title: w.title,
      description: w.description,
      formats: [...formats],
      options: z.toJSONSchema(w.options, { io: 'input', unrepresentable: 'any' }),
      examples: w.examples,
    })),
  ),
)

for (const widget of Object.values(widgets)) {
  for (const format of formats) {
    widgetRoutes.get(`/widgets/:slug/${widget.id}.${format}`, validate('query', widget.options), async (c) => {
      const { story, version, opts, normalised, pinned } = await resolveWidget(widget, c.req.param('slug'), c.req.valid('query'))
      const notModified = await cacheFor(c, { parts: ['widget', story.slug, version, widget.id, format, normalised], pinned })
      if (notModified) return notModified
      return respond(c, widget, format, story, version, opts)
    })
  }
}

// Anything else under /widgets/{slug}/: say what exists rather than a bare 404.
widgetRoutes.get('/widgets/:slug/:file', (c) => {
  const file = c.req.param('file')
  const [name, format] = [file.replace(/\.[^.]*$/, ''), file.includes('.') ? file.split('.').pop() : '']
  if (format === 'png' && Object.hasOwn(widgets, name)) {
    throw new ProblemError({ type: 'about:blank', title: 'Not Implemented', status: 501, detail: 'PNG rendering is not available yet; use .svg.' })
  }
  if (!Object.hasOwn(widgets, name)) throw notFound(`There is no widget "${name}". Widgets: ${Object.keys(widgets).join(', ')}.`)
  throw notFound(`Widget "${name}" is served as ${formats.map((f) => `.${f}`).join(', ')}, not "${format}".`)
})

function respond(c: import('hono').Context, widget: WidgetModule<any>, format: Format, story: import('../../widgets/story').Story, version: number, opts: any): Response {
  if (format === 'svg') {
    c.header('Content-Security-Policy', SVG_CSP)
    return c.body(XML_DECLARATION + renderWidget(widget, story, opts), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' })
  }
  const items = widget.items(story, opts)
  if (format === 'json') {
    const { version: _pin, ...options } = opts
    const { frame } = widget.layout(story, opts)
    return c.json({
      story: story.slug,
      version,
      asOf: story.asOf,
      published: story.published,
      widget: widget.id,
      options,
      // The picture's <title> and <desc>: ready-made alt text for an <img>.
      title: frame.title,
      description: frame.sentences.join(' '),
      ...(widget.summary ? widget.summary(story, opts) : {}),
      [widget.itemsKey]: items,
    })
  }
  const columns = [...new Set(items.flatMap((row) => Object.keys(row)))]
  const filename = `${story.slug}-v${version}-${widget.id}.csv`
  return c.body(toCsv(columns, items), 200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="${filename}"`,
  })
}
