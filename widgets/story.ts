// The one schema a story passes through, whether it comes from data/, from D1 or from a
// PUT body. Past parseStory nothing re-validates. Limits keep every widget drawable.
import en from 'zod/v4/locales/en.js'
import * as z from 'zod/mini'
import { locales, type Locale } from './locale'

// Readable English messages for every issue (zod/mini loads no locale by default). Only
// English is imported: z.locales would bundle every language zod ships.
z.config(en())

// Building the schema makes a few hundred zod objects: it is done on first use, not while
// the isolate starts (issue #7: start-up no slower than twice an empty worker's).
function buildStorySchema() {
  const id = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'), z.maxLength(64))
  const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max))
  const isoDate = z.iso.date({ error: 'must be a calendar date written YYYY-MM-DD' })

  /** Words shown to readers, in English and optionally each widget locale (English stands in). */
  const localized = (max: number) =>
    z.object(Object.fromEntries(locales.map((l) => [l, l === 'en' ? text(max) : z.optional(text(max))])) as Record<Locale, z.ZodMiniString>)

  const precision = z.enum(['exact', 'approximate'])
  const qualifier = z.enum(['at least', 'approximately', 'more than'])

  /** Where an item comes from: as the article attributes it, and the article's own words. */
  const sourced = {
    attribution: localized(200),
    excerpt: text(1000),
  }

  const figure = z.object({
    id,
    label: localized(200),
    value: z.number().check(z.minimum(0, 'must not be negative'), z.maximum(1e12, 'must be at most 10^12')),
    qualifier: z.optional(qualifier),
    precision,
    asOf: isoDate,
    ...sourced,
  })

  const event = z.object({
    id,
    label: localized(200),
    date: isoDate,
    precision,
    /** The article's own words for a date it gives relatively ("two weeks later"). */
    dateText: z.optional(text(100)),
    ...sourced,
  })

  const statement = z.object({
    id,
    speaker: z.object({ name: localized(120), role: z.optional(localized(160)) }),
    kind: z.enum(['quote', 'paraphrase']),
    /** The words shown, verbatim from the article, in the article's language. */
    text: text(600),
    date: z.optional(isoDate),
    datePrecision: z.optional(precision),
    dateText: z.optional(text(100)),
    excerpt: text(1000),
  })

    return z
    .object({
      slug: id,
      headline: localized(200),
      language: z.literal('en'),
      published: isoDate,
      asOf: isoDate,
      headlineFigures: z.array(id).check(z.minLength(1), z.maxLength(8)),
      blockade: z.object({ startEvent: id, label: localized(200) }),
      figures: z.array(figure).check(z.minLength(1), z.maxLength(50)),
      events: z.array(event).check(z.minLength(1), z.maxLength(50)),
      statements: z.array(statement).check(z.minLength(1), z.maxLength(60)),
    })
    .check(
      z.superRefine((story, ctx) => {
        if (!Array.isArray(story.figures) || !Array.isArray(story.events) || !Array.isArray(story.statements)) return
        if (!Array.isArray(story.headlineFigures) || typeof story.blockade !== 'object' || !story.blockade) return
        for (const key of ['figures', 'events', 'statements'] as const) {
          const seen = new Set<string>()
          story[key].forEach((item, i) => {
            if (typeof item?.id !== 'string') return
            if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${item.id}"`, input: item.id })
            seen.add(item.id)
          })
        }
        const figureIds = new Set(story.figures.map((f) => f?.id))
        story.headlineFigures.forEach((f, i) => {
          if (!figureIds.has(f)) ctx.addIssue({ code: 'custom', path: ['headlineFigures', i], message: `no figure has id "${f}"`, input: f })
        })
        if (!story.events.some((e) => e?.id === story.blockade.startEvent)) {
          ctx.addIssue({ code: 'custom', path: ['blockade', 'startEvent'], message: `no event has id "${story.blockade.startEvent}"`, input: story.blockade.startEvent })
        }
      }, {
        // Also run when fields already failed, so a 422 lists every problem at once; the
        // guards above keep it to the shapes it reads.
        when: (payload) => typeof payload.value === 'object' && payload.value !== null,
      }),
    )
}

type StorySchema = ReturnType<typeof buildStorySchema>
let built: StorySchema | undefined

/** The story schema, made once per isolate when first asked for. */
export function storySchema(): StorySchema {
  return (built ??= buildStorySchema())
}

/**
 * A validated story. Versions published over the first carry the editor's note and, for
 * each figure whose value changed, the earlier value and its as-of date.
 */
export type Story = z.infer<StorySchema> & {
  updated?: { date: string; note: string }
  changes?: Record<string, { previous: number; since: string }>
}
export type Figure = Story['figures'][number]
export type StoryEvent = Story['events'][number]
export type Statement = Story['statements'][number]
export type Localized = Figure['label']

export interface StoryProblem {
  path: string
  message: string
}

export type ParsedStory = { ok: true; story: Story } | { ok: false; problems: StoryProblem[] }

/** Validates unknown JSON as a story; on failure lists every bad field by its path. */
export function parseStory(input: unknown): ParsedStory {
  const result = storySchema().safeParse(input)
  if (result.success) return { ok: true, story: result.data }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message })),
  }
}

/** The text in the reader's locale, or the English the article was written in. */
export function localize(text: Localized, locale: Locale): string {
  return text[locale] ?? text.en
}
