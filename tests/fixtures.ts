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

/**
 * Makes a mutated dataset pass the verbatim rule, for tests about something else (escaping,
 * hostile text): each statement's excerpt holds its words, each figure's its value, and
 * the first source's text holds every excerpt.
 */
export function coveredBySource(raw: any): any {
  for (const s of raw.statements) if (!s.excerpt.includes(s.text)) s.excerpt = s.text
  for (const f of raw.figures) if (!String(f.excerpt).replace(/,/g, '').includes(String(f.value))) f.excerpt = `${f.excerpt} ${f.value}`
  const excerpts = [...raw.figures, ...raw.events, ...raw.statements].map((i: any) => i.excerpt)
  raw.sources = [{ ...raw.sources[0], text: [raw.sources[0].text, ...excerpts].join('\n') }]
  return raw
}

/**
 * A dataset (as GET /api/stories/{slug} serves it) with the headline toll changed to
 * `value`, sourced as a newsroom would publish it: a follow-up report becomes a new source
 * and the figure's excerpt is its sentence, so the verbatim rule holds. `asOf`, when given,
 * is the figure's new as-of date (an update of the count); without it the as-of stays (a
 * fix of the same count).
 */
export function withFollowUpToll(story: any, value: number, figureId = 'killed-gaza', asOf?: string): any {
  const id = `ministry-report-${value}`
  const words = `at least ${value.toLocaleString('en-GB')} people have been killed`
  story.sources = [...story.sources.filter((s: any) => s.id !== id), { id, title: 'Health ministry daily report', published: '2025-05-08', language: 'en', text: `The ministry said ${words} in the territory.` }]
  Object.assign(story.figures.find((f: any) => f.id === figureId), { value, excerpt: words, source: id, ...(asOf ? { asOf } : {}) })
  return story
}
