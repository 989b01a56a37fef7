// What every widget-serving route does with a request: load the story version the options
// name, run the widget's story-dependent option checks, and say what the response is made
// from, for the ETag. Routes differ only in what they make from it.
import type { Context } from 'hono'
import type { WidgetModule } from '../widgets/index'
import type { Story } from '../widgets/story'
import { withdrawnWidget } from '../widgets/withdrawn'
import { type AppEnv, codeRevision } from './env'
import { cacheAs, cacheFor, computeEtag } from './http/caching'
import { invalidParams, notFound } from './http/problem'
import { cachedRender } from './http/render-cache'
import { knowsLatest, loadStory } from './stories'
import { keep, lookUp, storedRoute } from './stored-bodies'
import { type BodyFormat, bodyHeaders, embedParts, widgetBody, widgetParts } from './widget-bodies'

export interface WidgetRequest {
  /** The widget to draw: the one asked for, or its notice when the story is withdrawn. */
  widget: WidgetModule<any>
  story: Story
  version: number
  opts: any
  /**
   * Options as parsed, without `version`, and the retraction that withdraws the story if
   * one does: part of every cache key, so that a retraction (and the publish that restores
   * the story) changes the ETag of every version, pinned ones too.
   */
  normalised: string
  pinned: boolean
  /** The store did not answer and this isolate's last version stands in. */
  stale: boolean
}

export async function resolveWidget(db: D1Database, widget: WidgetModule<any>, slug: string, opts: { version?: number } & Record<string, unknown>): Promise<WidgetRequest> {
  const { story, version, stale } = await loadStory(db, slug, opts.version)
  const withdrawn = story.revision?.withdrawn
  const shown = withdrawn ? withdrawnWidget(widget) : widget
  const missing = shown.unavailable?.(story)
  if (missing) throw notFound(`${missing} Its other widgets may: see /api/stories/${story.slug}.`)
  const problems = shown.check(story, opts)
  if (problems.length) throw invalidParams(problems)
  const { version: _pin, ...rest } = opts
  const normalised = JSON.stringify(rest) + (withdrawn ? `|withdrawn@${withdrawn.version}` : '')
  return { widget: shown, story, version, opts, normalised, pinned: opts.version !== undefined, stale: stale === true }
}

/**
 * The response of a widget's SVG, JSON or CSV route, or of its embed page, to a request
 * whose options are validated already: from this isolate's memory, from what publishing
 * stored (a new isolate's first request for the story), or made now.
 */
export async function widgetResponse(c: Context<AppEnv>, widget: WidgetModule<any>, format: BodyFormat): Promise<Response> {
  const slug = c.req.param('slug') as string
  const query = (c.req.valid as (target: 'query') => Record<string, unknown>)('query')
  // Parsed only where a body needs it (the embed page's origin and width): not for every SVG.
  let parsed: URL | undefined
  const url = () => (parsed ??= new URL(c.req.url))
  const page = (version: number) => ({ version, get url() { return url() } })
  // Only an isolate's first request for the story looks in KV: the key is not even made after.
  const route = knowsLatest(slug) ? undefined : storedRoute(c.env, widget, format, slug, query, url)
  const { found, fill } = await lookUp(c.env, slug, route)
  if (found) return cacheAs(c, found.etag, { pinned: false, stale: found.stale }) ?? c.body(found.body, 200, bodyHeaders(format, slug, widget.id, page(found.version)))
  const { widget: shown, story, version, opts, normalised, pinned, stale } = await resolveWidget(c.env.DB, widget, slug, query)
  const revision = codeRevision(c.env)
  const parts = format === 'embed' ? embedParts(revision, url(), story.slug, version, widget.id, normalised) : widgetParts(revision, story.slug, version, widget.id, format, normalised)
  const notModified = await cacheFor(c, { parts, pinned, stale })
  if (notModified) return notModified
  const at = page(version)
  const key = parts.join('|')
  const body = cachedRender(key, () => widgetBody(format, widget, shown, story, opts, at))
  // Nothing of this version was stored: this reader's body is, for the next new isolate.
  if (route && fill?.version === version && !stale) c.executionCtx.waitUntil(keep(c.env, route, { ...fill, etag: await computeEtag(parts), key, body }).catch(() => undefined))
  return c.body(body, 200, bodyHeaders(format, story.slug, widget.id, at))
}
