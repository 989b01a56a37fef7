// The one schema a story passes through, whether it comes from data/, from D1 or from a
// PUT body. Past parseStory nothing re-validates. Limits keep every widget drawable.
import en from 'zod/v4/locales/en.js'
import * as z from 'zod/mini'
import { locales, type Locale } from './locale'
import { type Revision, isTimeZone } from './revision'
import { fold, nearestPassage, numbersWritten, valueWritten } from './verbatim'

// Readable English messages for every issue (zod/mini loads no locale by default). Only
// English is imported: z.locales would bundle every language zod ships.
z.config(en())

// Building the schema makes a few hundred zod objects: it is done on first use, not while
// the isolate starts (issue #7: start-up no slower than twice an empty worker's).
function buildStorySchema() {
  const id = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'), z.maxLength(64))
  const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max))
  const isoDate = z.iso.date({ error: 'must be a calendar date written YYYY-MM-DD' })

  /**
   * Words shown to readers, in any widget locale; the story's own language is required
   * (checked below, where the language is known) and stands in for the others.
   */
  const localized = (max: number) =>
    z.object(Object.fromEntries(locales.map((l) => [l, z.optional(text(max))])) as Record<Locale, z.ZodMiniOptional<z.ZodMiniString>>)

  const precision = z.enum(['exact', 'approximate'])
  const qualifier = z.enum(qualifiers)
  const language = z.enum(locales, { error: `must be one of ${locales.join(', ')}` })

  /** Where an item comes from: as the article attributes it, the source's own words, and which source. */
  const sourced = {
    attribution: localized(200),
    excerpt: text(1000),
    source: z.optional(id),
  }

  const source = z.object({
    id,
    title: text(300),
    publisher: z.optional(text(200)),
    url: z.optional(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).check(z.maxLength(2000))),
    published: isoDate,
    language,
    /** The document's full text; stored once per distinct text and never changed. */
    text: z.optional(z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(MAX_SOURCE_CHARS, `must be at most ${MAX_SOURCE_CHARS} characters`))),
    /** SHA-256 of the text, hex: how stored versions name the text they cite. */
    digest: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest in hex'))),
  })

  const figure = z.object({
    id,
    label: localized(200),
    value: z.number().check(z.minimum(0, 'must not be negative'), z.maximum(1e12, 'must be at most 10^12')),
    qualifier: z.optional(qualifier),
    precision,
    asOf: isoDate,
    /** The day (or first day of the period) the figure counts, when it is about a past event. */
    date: z.optional(isoDate),
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
    source: z.optional(id),
  })

  return z
    .object({
      slug: id,
      headline: localized(200),
      language,
      published: isoDate,
      asOf: isoDate,
      /**
       * The newsroom's time zone (IANA name): the calendar day a publish is dated by on the
       * widgets ("Corrected 8 May 2025"), whatever the server's clock says. Default UTC.
       */
      timeZone: z.optional(z.string().check(
        z.maxLength(64),
        z.refine((name) => isTimeZone(name), 'must be an IANA time zone name such as "Europe/London" or "UTC"'),
      )),
      sources: z.array(source).check(z.minLength(1, 'must list the article as its first source'), z.maxLength(20)),
      headlineFigures: z._default(z.array(id).check(z.maxLength(8)), []),
      /** What the duration widget draws: from one event to another, or to `until`. */
      duration: z.optional(z.object({ startEvent: id, endEvent: z.optional(id), label: localized(200), title: z.optional(localized(120)) })),
      figures: z.array(figure).check(z.maxLength(50)),
      events: z.array(event).check(z.maxLength(50)),
      statements: z.array(statement).check(z.maxLength(60)),
    })
    .check(
      z.superRefine((story, ctx) => {
        const issue = (path: (string | number)[], message: string, input?: unknown) => ctx.addIssue({ code: 'custom', path, message, input })
        const lists = ['figures', 'events', 'statements'] as const
        if (lists.some((key) => !Array.isArray(story[key])) || !Array.isArray(story.headlineFigures) || !Array.isArray(story.sources)) return
        for (const key of lists) {
          const seen = new Set<string>()
          story[key].forEach((item, i) => {
            if (typeof item?.id !== 'string') return
            if (seen.has(item.id)) issue([key, i, 'id'], `duplicate id "${item.id}"`, item.id)
            seen.add(item.id)
          })
        }
        const figureIds = new Set(story.figures.map((f) => f?.id))
        story.headlineFigures.forEach((f, i) => {
          if (!figureIds.has(f)) issue(['headlineFigures', i], `no figure has id "${f}"`, f)
        })
        const d = story.duration
        if (d && typeof d === 'object') {
          const start = story.events.find((e) => e?.id === d.startEvent)
          const end = d.endEvent === undefined ? undefined : story.events.find((e) => e?.id === d.endEvent)
          if (!start) issue(['duration', 'startEvent'], `no event has id "${d.startEvent}"`, d.startEvent)
          if (d.endEvent !== undefined && !end) issue(['duration', 'endEvent'], `no event has id "${d.endEvent}"`, d.endEvent)
          if (start && end && typeof start.date === 'string' && typeof end.date === 'string' && end.date < start.date) {
            issue(['duration', 'endEvent'], `ends on ${end.date}, before it starts (${start.date})`, d.endEvent)
          }
        }
        checkLanguage(story as StoryShape, issue)
        checkVerbatim(story as StoryShape, issue)
      }, {
        // Also run when fields already failed, so a 422 lists every problem at once; the
        // guards above and in the checks keep to the shapes they read.
        when: (payload) => typeof payload.value === 'object' && payload.value !== null,
      }),
    )
}

/** Longest source text accepted: a very long article is some 20,000 words. */
export const MAX_SOURCE_CHARS = 200_000

export const qualifiers = ['at least', 'approximately', 'about', 'around', 'roughly', 'more than', 'over', 'nearly', 'almost', 'up to', 'some', 'fewer than', 'less than'] as const
export type Qualifier = (typeof qualifiers)[number]

type Issue = (path: (string | number)[], message: string, input?: unknown) => void
type LocalizedShape = Partial<Record<Locale, string>> | undefined
interface ItemShape { excerpt?: unknown; source?: unknown; text?: unknown; value?: unknown; label?: LocalizedShape; attribution?: LocalizedShape; speaker?: { name?: LocalizedShape; role?: LocalizedShape } }
interface StoryShape {
  language: Locale
  headline: LocalizedShape
  duration?: { label?: LocalizedShape; title?: LocalizedShape }
  sources: { id?: unknown; text?: unknown }[]
  figures: ItemShape[]
  events: ItemShape[]
  statements: ItemShape[]
}

/** Every localized field has the story's own language: it is what stands in for the rest. */
function checkLanguage(story: StoryShape, issue: Issue): void {
  const lang = story.language
  if (typeof lang !== 'string' || !(locales as readonly string[]).includes(lang)) return
  const need = (value: LocalizedShape, path: (string | number)[], optional = false) => {
    if (value === undefined ? optional : typeof value !== 'object' || value === null || typeof value[lang] === 'string') return
    issue([...path, lang], `must be given in the story's language (${lang})`)
  }
  need(story.headline, ['headline'])
  if (story.duration && typeof story.duration === 'object') {
    need(story.duration.label, ['duration', 'label'])
    need(story.duration.title, ['duration', 'title'], true)
  }
  for (const key of ['figures', 'events'] as const) {
    story[key].forEach((item, i) => {
      if (!item || typeof item !== 'object') return
      need(item.label, [key, i, 'label'])
      need(item.attribution, [key, i, 'attribution'])
    })
  }
  story.statements.forEach((s, i) => {
    if (!s?.speaker || typeof s.speaker !== 'object') return
    need(s.speaker.name, ['statements', i, 'speaker', 'name'])
    need(s.speaker.role, ['statements', i, 'speaker', 'role'], true)
  })
}

/**
 * The verbatim rule: each item's excerpt occurs in the text of the source it names (the
 * first by default), a quote's words occur in its excerpt, and a figure's value is
 * written in its excerpt. Items whose source text is not at hand (stored versions, checked
 * when they were published) are not checked again; every write carries the texts
 * (src/routes/admin.ts refuses a source without one).
 */
function checkVerbatim(story: StoryShape, issue: Issue): void {
  const texts = new Map<string, string | undefined>()
  story.sources.forEach((s) => {
    if (s && typeof s.id === 'string' && !texts.has(s.id)) texts.set(s.id, typeof s.text === 'string' ? s.text : undefined)
  })
  const folded = new Map<string, string>()
  const first = typeof story.sources[0]?.id === 'string' ? (story.sources[0].id as string) : undefined
  for (const key of ['figures', 'events', 'statements'] as const) {
    story[key].forEach((item, i) => {
      if (!item || typeof item !== 'object' || typeof item.excerpt !== 'string') return
      const sourceId = typeof item.source === 'string' ? item.source : first
      if (sourceId === undefined) return
      if (!texts.has(sourceId)) {
        issue([key, i, 'source'], `no source has id "${sourceId}"; sources: ${[...texts.keys()].join(', ') || 'none'}`, sourceId)
        return
      }
      const raw = texts.get(sourceId)
      // A stored version names its sources by digest: it passed this rule when it was
      // published (or was published before the rule, in v1), and is not judged again.
      if (raw === undefined) return
      const excerpt = fold(item.excerpt)
      let source = folded.get(sourceId)
      if (source === undefined) folded.set(sourceId, (source = fold(raw)))
      if (!source.includes(excerpt)) {
        const near = nearestPassage(source, excerpt)
        issue([key, i, 'excerpt'], `does not occur in source "${sourceId}"${near ? `; the nearest passage reads: “${near}”` : ''}`)
      }
      if (key === 'statements' && typeof item.text === 'string' && !excerpt.includes(fold(item.text))) {
        issue([key, i, 'text'], 'must occur in the statement’s excerpt, word for word')
      }
      if (key === 'figures' && typeof item.value === 'number' && !valueWritten(item.value, item.excerpt)) {
        const written = [...new Set(numbersWritten(item.excerpt))].slice(0, 6)
        issue([key, i, 'value'], `${item.value} is not written in the figure’s excerpt${written.length ? `, which writes ${written.join(', ')}` : ''}`, item.value)
      }
    })
  }
}

type StorySchema = ReturnType<typeof buildStorySchema>
let built: StorySchema | undefined

/** The story schema, made once per isolate when first asked for. */
export function storySchema(): StorySchema {
  return (built ??= buildStorySchema())
}

/**
 * A validated story. A version served from the history carries what readers are told about
 * it (widgets/revision.ts): notes, corrected figures, change lines, or its withdrawal. It is
 * made from the version history and never stored.
 */
export type Story = z.infer<StorySchema> & {
  revision?: Revision
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

/**
 * Validates unknown JSON as a story; on failure lists every bad field by its path.
 * A dataset in the v1 shape, with `blockade` for what is now `duration`, reads as v2.
 */
export function parseStory(input: unknown): ParsedStory {
  const result = storySchema().safeParse(fromV1(input))
  if (result.success) return { ok: true, story: result.data as Story }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message })),
  }
}

function fromV1(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('blockade' in input) || 'duration' in input) return input
  const { blockade, ...rest } = input as Record<string, unknown>
  return { ...rest, duration: blockade }
}

/** The text in the reader's locale, else English, else the language it was written in. */
export function localize(text: Localized, locale: Locale): string {
  return text[locale] ?? text.en ?? Object.values(text).find((t) => t !== undefined) ?? ''
}
