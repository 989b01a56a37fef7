// What a new version's readers would otherwise wait for (issue #15), made in the publishing
// request's waitUntil: the default SVG, JSON, CSV and embed page of every widget, written to
// Workers KV for the first request of isolates in every location (stored-bodies.ts); and
// the og:image card (preset=card), the PNG the embed codes link (scale=2) and the default
// PNG of every widget, kept where the PNG route looks (this isolate, the location's Cache
// API, and KV for every other location), under the keys the route computes for the same URLs.
import { type Env, codeRevision } from './env'
import { widgets } from '../widgets/index'
import { quickOptions } from '../widgets/options'
import { computeEtag } from './http/caching'
import { ProblemError } from './http/problem'
import { pngOptionSpecs } from './png/options'
import { widgetPng } from './png/widget-png'
import { keep, storedRoute } from './stored-bodies'
import { embedParts, widgetBody, widgetParts } from './widget-bodies'
import { resolveWidget } from './widget-request'

/**
 * The queries drawn for each widget: its PNG as the embed codes link it (at scale 2, for
 * high-density screens), the same at scale 1, and its card (og:image).
 */
const PRERENDERED: Record<string, string>[] = [{ scale: '2' }, {}, { preset: 'card' }]

/**
 * The default SVG, JSON, CSV and embed page of every widget, as the routes make them for a
 * request naming no options, written to KV for the first request of isolates elsewhere
 * (src/stored-bodies.ts). `origin` is the publishing request's: the embed page links to it.
 */
async function storeBodies(env: Env, slug: string, version: number, storedAt: string, origin: string): Promise<void> {
  for (const widget of Object.values(widgets)) {
    let resolved
    try {
      resolved = await resolveWidget(env.DB, widget, slug, { ...quickOptions(widget.optionSpecs, {}), version })
    } catch (err) {
      if (err instanceof ProblemError && err.problem.status === 404) continue
      throw err
    }
    const { widget: shown, story, normalised } = resolved
    const { version: _pinned, ...opts } = resolved.opts
    for (const format of ['svg', 'json', 'csv', 'embed'] as const) {
      const url = new URL(format === 'embed' ? `/embed/${slug}/${widget.id}` : `/widgets/${slug}/${widget.id}.${format}`, origin)
      const route = storedRoute(env, widget, format, slug, opts, () => url)
      if (!route) continue
      const parts = format === 'embed' ? embedParts(codeRevision(env), url, slug, version, widget.id, normalised) : widgetParts(codeRevision(env), slug, version, widget.id, format, normalised)
      const at = { version, url }
      const body = widgetBody(format, widget, shown, story, opts, at)
      await keep(env, route, { version, storedAt, etag: await computeEtag(parts), key: parts.join('|'), body })
    }
  }
}

async function drawAll(ctx: Pick<ExecutionContext, 'waitUntil'>, env: Env, { slug, version, storedAt, origin }: Published): Promise<void> {
  // The bodies first: each takes microseconds to make, a PNG tens of milliseconds.
  await storeBodies(env, slug, version, storedAt, origin)
  for (const widget of Object.values(widgets)) {
    for (const query of PRERENDERED) {
      // The options exactly as the route parses `?preset=card` or no query; the version is
      // loaded by number, and left out of the options as the URLs (naming the latest) leave it.
      const parsed = quickOptions(pngOptionSpecs[widget.id], query)
      if (!parsed) throw new Error(`prerender: ${widget.id} does not take ${JSON.stringify(query)}`)
      const { scale, ...options } = parsed as { scale: number }
      let resolved
      try {
        resolved = await resolveWidget(env.DB, widget, slug, { ...options, version })
      } catch (err) {
        // A story without a duration (or figures, or statements) has no such widget to draw.
        if (err instanceof ProblemError && err.problem.status === 404) break
        throw err
      }
      const { widget: shown, story, opts, normalised } = resolved
      const { version: _pinned, ...latestOpts } = opts
      const png = await widgetPng(ctx, { widget: shown, story, version, opts: latestOpts, normalised, scale, revision: codeRevision(env) }, env.PUBLISHED_PNGS && { kv: env.PUBLISHED_PNGS, mode: 'publish' })
      // A PNG being drawn is kept by widgetPng's own waitUntil; reading it here draws it now.
      if (png instanceof ReadableStream) await png.pipeTo(new WritableStream())
    }
  }
}

// Each prerendered PNG as a widget route normalises it: its scale, then its other options.
let prerenderedOptions: Map<string, Set<string>> | undefined

/**
 * Whether a PNG request asks for one that publishing draws: the embed codes' PNG, the
 * default one or the card. `normalised` is the request's options as resolveWidget
 * normalises them (without `scale`).
 */
export function isPrerendered(widgetId: string, scale: number, normalised: string): boolean {
  prerenderedOptions ??= new Map(Object.values(widgets).map((widget) => [widget.id, new Set(PRERENDERED.map((query) => {
    const { scale: drawnAt, ...options } = quickOptions(pngOptionSpecs[widget.id], query) ?? {}
    return `${drawnAt}|${JSON.stringify(options)}`
  }))]))
  return prerenderedOptions.get(widgetId)?.has(`${scale}|${normalised}`) ?? false
}

/** A version just published: its story, number, published_at, and the origin it was published at. */
export interface Published {
  slug: string
  version: number
  storedAt: string
  origin: string
}

/**
 * Draws and keeps the card and the embed-code and default PNGs of every widget of `slug` at
 * `version`, after the response: call it from every handler that publishes a version.
 */
export function prerenderPublished(ctx: Pick<ExecutionContext, 'waitUntil'>, env: Env, published: Published): void {
  const { slug, version } = published
  ctx.waitUntil(drawAll(ctx, env, published).catch((err) => console.error(`prerender ${slug} v${version}:`, err instanceof Error ? err.message : err)))
}
