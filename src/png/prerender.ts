// What a new version's readers would otherwise wait for (issue #15): the og:image card
// (preset=card), the PNG the embed codes link (scale=2) and the default PNG of every
// widget, drawn in the publishing request's waitUntil and kept where the PNG route looks
// (this isolate, the location's Cache API, and Workers KV for every other location), under
// the keys the route computes for the same URLs.
import type { Env } from '../env'
import { widgets } from '../../widgets/index'
import { quickOptions } from '../../widgets/options'
import { ProblemError } from '../http/problem'
import { resolveWidget } from '../widget-request'
import { pngOptionSpecs } from './options'
import { widgetPng } from './widget-png'

/**
 * The queries drawn for each widget: its PNG as the embed codes link it (at scale 2, for
 * high-density screens), the same at scale 1, and its card (og:image).
 */
const PRERENDERED: Record<string, string>[] = [{ scale: '2' }, {}, { preset: 'card' }]

async function drawAll(ctx: Pick<ExecutionContext, 'waitUntil'>, env: Env, slug: string, version: number): Promise<void> {
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
      const png = await widgetPng(ctx, { widget: shown, story, version, opts: latestOpts, normalised, scale }, env.PUBLISHED_PNGS && { kv: env.PUBLISHED_PNGS, mode: 'publish' })
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

/**
 * Draws and keeps the card and the embed-code and default PNGs of every widget of `slug` at
 * `version`, after the response: call it from every handler that publishes a version.
 */
export function prerenderPublished(ctx: Pick<ExecutionContext, 'waitUntil'>, env: Env, slug: string, version: number): void {
  ctx.waitUntil(drawAll(ctx, env, slug, version).catch((err) => console.error(`prerender ${slug} v${version}:`, err instanceof Error ? err.message : err)))
}
