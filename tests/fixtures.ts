// Shared test inputs: the bundled story, parsed, and a deep copy to mutate.
import data from '../data/gaza-2025-05-06.json'
import { type Story, parseStory } from '../widgets/story'

export const SLUG = 'gaza-2025-05-06'

export function bundledStory(): Story {
  const result = parseStory(structuredClone(data))
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.story
}

/** The raw bundled JSON, for tests that break it. */
export function rawStory(): any {
  return structuredClone(data)
}
