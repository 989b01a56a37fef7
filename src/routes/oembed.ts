// GET /oembed (oEmbed 1.0, https://oembed.com/ §2.2–2.3): a `rich` response for any embed or
// widget URL of this host. The html is a single <iframe>, which is what WordPress keeps
// from a provider it does not trust; width and height honour maxwidth and maxheight, the
// height being the widget's own at that width.
import { router } from '../env'
import * as z from 'zod/mini'
import { widgets } from '../../widgets/index'
import { MIN_WIDTH, lazySchema } from '../../widgets/options'
import { escapeXml } from '../../widgets/svg'
import { cacheFor } from '../http/caching'
import { ProblemError, invalidParams, notFound } from '../http/problem'
import { validate } from '../http/validation'
import { resolveWidget } from '../widget-request'
import { DATA_ROW_HEIGHT, iframeCode } from '../embed-codes'

export const oembedRoutes = router()

const positive = (what: string) =>
  z.optional(z.coerce.number().check(z.int({ error: `${what} must be a whole number of pixels` }), z.minimum(1, { error: `${what} must be at least 1` })))

const oembedQuery = lazySchema(() =>
  z.object({
    url: z.string({ error: 'url is required: the embed or widget URL to describe' }).check(z.maxLength(4000, { error: 'url is too long' })),
    maxwidth: positive('maxwidth'),
    maxheight: positive('maxheight'),
    format: z._default(z.string(), 'json'),
  }),
)

const PATH = /^\/(?:embed|widgets)\/([^/]+)\/([a-z0-9-]+?)(?:\.(?:svg|json|csv|png))?$/

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** This host, also under its other loopback names when it runs locally. */
function sameHost(target: URL, self: URL): boolean {
  if (target.origin === self.origin) return true
  return target.protocol === self.protocol && target.port === self.port && LOOPBACK.has(target.hostname) && LOOPBACK.has(self.hostname)
}

oembedRoutes.get('/oembed', validate('query', oembedQuery), async (c) => {
  const q = c.req.valid('query')
  if (q.format !== 'json' && q.format !== 'xml') {
    throw new ProblemError({ type: 'about:blank', title: 'Not Implemented', status: 501, detail: `format "${q.format}" is not served; use json or xml.` })
  }
  const origin = new URL(c.req.url).origin
  let target: URL
  try {
    target = new URL(q.url)
  } catch {
    throw invalidParams([{ name: 'url', reason: 'is not an absolute URL' }])
  }
  const match = sameHost(target, new URL(c.req.url)) ? PATH.exec(target.pathname) : null
  const widget = match && Object.hasOwn(widgets, match[2]) ? widgets[match[2]] : undefined
  if (!match || !widget) throw notFound(`${q.url} is not a factbox embed or widget URL of ${origin}.`)

  const parsed = widget.options.safeParse(Object.fromEntries(target.searchParams))
  if (!parsed.success) throw notFound(`${q.url} has options this widget does not accept.`)
  const requested = parsed.data as { width: number }
  const width = Math.min(requested.width, q.maxwidth ?? Infinity)
  if (width < MIN_WIDTH) throw notFound(`No embed fits in ${q.maxwidth} px; the narrowest is ${MIN_WIDTH} px.`)

  const { widget: shown, story, version, opts, normalised, pinned, stale } = await resolveWidget(c.env.DB, widget, decodeURIComponent(match[1]), { ...requested, width })
  const notModified = await cacheFor(c, { parts: ['oembed', origin, q.format, story.slug, version, widget.id, normalised, q.maxheight ?? ''], pinned, stale })
  if (notModified) return notModified

  const layout = shown.layout(story, opts)
  const height = Math.min(layout.frame.height + DATA_ROW_HEIGHT, q.maxheight ?? Infinity)
  const embedQuery = new URLSearchParams(target.searchParams)
  const src = `${origin}/embed/${story.slug}/${widget.id}${embedQuery.toString() ? `?${embedQuery}` : ''}`
  const title = layout.frame.title
  const html = iframeCode(src, width, height, title)
  const response = {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'factbox',
    provider_url: origin,
    // A pinned version can still be withdrawn (CONTRACT.md "v2: … retractions"): no longer than the latest.
    cache_age: 600,
    width,
    height,
    html,
  }
  if (q.format === 'json') return c.json(response)
  const fields = Object.entries(response).map(([k, v]) => `  <${k}>${escapeXml(String(v))}</${k}>`).join('\n')
  return c.body(`<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>\n${fields}\n</oembed>\n`, 200, { 'Content-Type': 'text/xml; charset=utf-8' })
})
