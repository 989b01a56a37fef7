// What every widget-serving route does with a request: load the story version the options
// name, run the widget's story-dependent option checks, and say what the response is made
// from, for the ETag. Routes differ only in what they make from it.
import type { WidgetModule } from '../widgets/index'
import type { Story } from '../widgets/story'
import { invalidParams, notFound } from './http/problem'
import { loadStory } from './stories'

export interface WidgetRequest {
  story: Story
  version: number
  opts: any
  /** Options as parsed, without `version`: part of every cache key. */
  normalised: string
  pinned: boolean
  /** The store did not answer and this isolate's last version stands in. */
  stale: boolean
}

export async function resolveWidget(db: D1Database, widget: WidgetModule<any>, slug: string, opts: { version?: number } & Record<string, unknown>): Promise<WidgetRequest> {
  const { story, version, stale } = await loadStory(db, slug, opts.version)
  const missing = widget.unavailable?.(story)
  if (missing) throw notFound(`${missing} Its other widgets may: see /api/stories/${story.slug}.`)
  const problems = widget.check(story, opts)
  if (problems.length) throw invalidParams(problems)
  const { version: _pin, ...rest } = opts
  return { story, version, opts, normalised: JSON.stringify(rest), pinned: opts.version !== undefined, stale: stale === true }
}
