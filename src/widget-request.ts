// What every widget-serving route does with a request: load the story version the options
// name, run the widget's story-dependent option checks, and say what the response is made
// from, for the ETag. Routes differ only in what they make from it.
import type { WidgetModule } from '../widgets/index'
import type { Story } from '../widgets/story'
import { withdrawnWidget } from '../widgets/withdrawn'
import { invalidParams, notFound } from './http/problem'
import { loadStory } from './stories'

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
