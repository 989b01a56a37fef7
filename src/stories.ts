// Where stories come from. Until publishing lands (issue #5) every story is its bundled
// dataset in data/, served as version 1 and validated once per isolate.
import gaza from '../data/gaza-2025-05-06.json'
import { type Story, parseStory } from '../widgets/story'
import { notFound } from './http/problem'

export interface StoryVersion {
  story: Story
  version: number
}

const bundled: Record<string, unknown> = { 'gaza-2025-05-06': gaza }
const parsed = new Map<string, Story>()

function bundledStory(slug: string): Story | undefined {
  if (!Object.hasOwn(bundled, slug)) return undefined
  let story = parsed.get(slug)
  if (!story) {
    const result = parseStory(bundled[slug])
    // A bundled dataset that fails validation is a build defect, not a reader's problem.
    if (!result.ok) throw new Error(`data/${slug}.json is invalid: ${JSON.stringify(result.problems)}`)
    parsed.set(slug, (story = result.story))
  }
  return story
}

export function storySlugs(): string[] {
  return Object.keys(bundled)
}

/** The story at `version` (latest when omitted), or a 404 problem. */
export async function loadStory(slug: string, version?: number): Promise<StoryVersion> {
  const story = bundledStory(slug)
  if (!story) throw notFound(`There is no story "${slug}". Known stories: ${storySlugs().join(', ')}.`)
  if (version !== undefined && version !== 1) throw notFound(`Story "${slug}" has no published version ${version}; the latest is 1.`)
  return { story, version: 1 }
}
