// GET /embed/{story}/{widget}: the page made for an <iframe> (CONTRACT.md "Embedding"), and
// the two scripts: /embed/frame.js, which runs inside that page, and /embed.js, the loader
// a host page includes. The page works without script: the widget is inline SVG, and a
// visually hidden list gives screen readers every item with its source.
import type { Context } from 'hono'
import { type AppEnv, codeRevision, router } from '../env'
import frameScript from '../client/embed-frame.client.js'
import loaderScript from '../client/embed-loader.client.js'
import { widgets } from '../../widgets/index'
import { cacheFor } from '../http/caching'
import { validateOptions } from '../http/validation'
import { widgetResponse } from '../widget-request'

export const embedRoutes = router()

async function script(c: Context<AppEnv>, name: string, source: string) {
  // A deploy may change the script: its ETag names the code, so a browser's copy is not kept past it.
  const notModified = await cacheFor(c, { parts: ['script', codeRevision(c.env), name], pinned: false })
  if (notModified) return notModified
  return c.body(source, 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
}

embedRoutes.get('/embed.js', (c) => script(c, 'loader', loaderScript))
embedRoutes.get('/embed/frame.js', (c) => script(c, 'frame', frameScript))

for (const widget of Object.values(widgets)) {
  embedRoutes.get(`/embed/:slug/${widget.id}`, validateOptions(widget.optionSpecs, widget.options), (c) => widgetResponse(c, widget, 'embed'))
}
