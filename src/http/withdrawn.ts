// The story API of a withdrawn story (CONTRACT.md "v2: updates, corrections, retractions"):
// its dataset, versions, figure histories and sources answer readers with the notice, 200,
// and editors with credentials with the data as stored, so that they can still read it and
// publish the version that restores the story. Widgets draw the notice themselves
// (widgets/withdrawn.ts).
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import type { Story } from '../../widgets/story'
import { hasEditorCredentials } from './auth'
import { type CacheIdentity, cacheFor } from './caching'

/** Who a response is for: everyone (the story is not withdrawn), its readers, or its editors. */
export type Audience = 'everyone' | 'readers' | 'editors'

export async function audienceFor(c: Context<AppEnv>, story: Story): Promise<Audience> {
  if (!story.revision?.withdrawn) return 'everyone'
  // The same URL answers the notice or the data depending on the credentials sent.
  c.header('Vary', 'Authorization')
  return (await hasEditorCredentials(c)) ? 'editors' : 'readers'
}

/**
 * Who a story's version history (its versions and figure histories) is for: each version's
 * `note` is written for the history, for editors only (CONTRACT.md "v2: updates,
 * corrections, retractions"), so a request with an editor's credentials gets the history
 * with its notes, and every other gets it without them (or, for a withdrawn story, the
 * notice). Readers see what a version says to them: its kind and public note.
 */
export async function historyAudience(c: Context<AppEnv>, story: Story): Promise<Audience> {
  c.header('Vary', 'Authorization')
  if (await hasEditorCredentials(c)) return 'editors'
  return story.revision?.withdrawn ? 'readers' : 'everyone'
}

/**
 * cacheFor, for a response that depends on the audience: readers' notice has its own ETag
 * (the retraction is in it); editors' data keeps the ETag it always had (PUT's If-Match
 * names it) and is never stored by a cache.
 */
export async function cacheForAudience(c: Context<AppEnv>, identity: CacheIdentity, audience: Audience, story: Story): Promise<Response | undefined> {
  const withdrawn = story.revision?.withdrawn
  const parts = audience === 'readers' && withdrawn ? [...identity.parts, 'withdrawn', withdrawn.version] : identity.parts
  const notModified = await cacheFor(c, { ...identity, parts })
  if (audience === 'editors') {
    c.header('Cache-Control', 'private, no-store')
    notModified?.headers.set('Cache-Control', 'private, no-store')
  }
  return notModified
}

/** What readers of a withdrawn story's API are given instead of its data. */
export function withdrawnNotice(story: Story) {
  const w = story.revision?.withdrawn
  return {
    slug: story.slug,
    status: 'withdrawn' as const,
    withdrawn: { date: w?.day ?? null, note: w?.note ?? null, version: w?.version ?? null },
    corrections: `/api/stories/${story.slug}/corrections`,
  }
}

/** The notice as one line of text, for routes that serve text/plain. */
export function withdrawnText(story: Story): string {
  const w = story.revision?.withdrawn
  return `Withdrawn on ${w?.day ?? ''}: ${w?.note ?? ''}\n`
}
