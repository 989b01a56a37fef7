// What a new version's readers would otherwise wait for (issue #15): the og:image card
// (preset=card) and the default PNG of every widget, drawn in the publishing request's
// waitUntil and kept where the PNG route looks (this isolate, the location's Cache API, and
// Workers KV for every other location), under the keys the route computes for the same URLs.
import type { Env } from '../env'
import { widgets } from '../../widgets/index'
import { quickOptions } from '../../widgets/options'
import { ProblemError } from '../http/problem'
import { resolveWidget } from '../widget-request'
import { pngOptionSpecs } from './options'
import { widgetPng } from './widget-png'

/** The queries drawn for each widget: its PNG as the embed codes link it, and its card. */
const PRERENDERED: Record<string, string>[] = [{}, { preset: 'card' }]

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

// The options of each prerendered PNG as a widget route normalises them (without `scale`,
// which is 1 for every one of them), made on first use.
let prerenderedOptions: Map<string, Set<string>> | undefined

/**
 * Whether a PNG request asks for one that publishing draws: its card or its default PNG, at
 * scale 1. `normalised` is the request's options as resolveWidget normalises them.
 */
export function isPrerendered(widgetId: string, scale: number, normalised: string): boolean {
  prerenderedOptions ??= new Map(Object.values(widgets).map((widget) => [widget.id, new Set(PRERENDERED.map((query) => {
    const { scale: _scale, ...options } = quickOptions(pngOptionSpecs[widget.id], query) ?? {}
    return JSON.stringify(options)
  }))]))
  return scale === 1 && (prerenderedOptions.get(widgetId)?.has(normalised) ?? false)
}

/**
 * Draws and keeps the card and default PNG of every widget of `slug` at `version`, after
 * the response: call it from every handler that publishes a version.
 */
export function prerenderPublished(ctx: Pick<ExecutionContext, 'waitUntil'>, env: Env, slug: string, version: number): void {
  ctx.waitUntil(drawAll(ctx, env, slug, version).catch((err) => console.error(`prerender ${slug} v${version}:`, err instanceof Error ? err.message : err)))
}
