// Query options every widget shares (CONTRACT.md "Widget options"). Each option is written
// once, as a spec: what it accepts, its default, and in words what it accepts, which becomes
// the problem's invalid-params reason and the option's documentation. Two parsers are made
// from a spec. The zod schema refuses bad values with those words and documents the option
// (/api/widgets, /openapi.json). `quickOptions` reads the values a request usually carries
// without zod: building zod's schemas is most of a new isolate's first widget response
// (issue #15, README "Performance"), and a value it does not take goes to zod, so errors
// come from one place.
import * as z from 'zod/mini'
import { locales } from './locale'
import { themes } from './theme'

/**
 * A zod schema made the first time anything reads it. Routes hold their schemas from the
 * moment the worker starts, but making one builds dozens of zod objects, and an isolate
 * should start with as little work as it can (issue #7): the proxy passes every read to
 * the schema, made once.
 */
export function lazySchema<T extends object>(make: () => T): T {
  let schema: T | undefined
  const real = () => (schema ??= make())
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  })
}

export const MIN_WIDTH = 280
export const MAX_WIDTH = 1600

/** One of a few words. */
export interface ChoiceSpec<V extends string = string> {
  kind: 'choice'
  values: readonly V[]
  error: string
  describe: string
  default?: V
}
/** A whole number in a range, written in the query as any string `Number` reads as one. */
export interface IntegerSpec {
  kind: 'integer'
  min: number
  max?: number
  errors: { integer: string; min: string; max?: string }
  describe: string
  default?: number
}
/** A comma-separated list of item ids, in display order. */
export interface IdListSpec {
  kind: 'ids'
  what: string
  describe: string
}
/** A calendar date written YYYY-MM-DD. */
export interface DateSpec {
  kind: 'date'
  describe: string
}
export type OptionSpec = ChoiceSpec | IntegerSpec | IdListSpec | DateSpec
export type OptionSpecs = Record<string, OptionSpec>

type ValueOf<S> = S extends { kind: 'choice'; values: readonly (infer V)[] } ? V : S extends { kind: 'integer' } ? number : S extends { kind: 'ids' } ? string[] : string
/** What the options parse to: an option with a default is always there, the others may be missing. */
export type OptionsOf<T extends OptionSpecs> = { [K in keyof T as T[K] extends { default: unknown } ? K : never]: ValueOf<T[K]> } & {
  [K in keyof T as T[K] extends { default: unknown } ? never : K]?: ValueOf<T[K]>
}

export function choice<const V extends string>(values: readonly V[], error: string, describe: string): ChoiceSpec<V> {
  return { kind: 'choice', values, error, describe }
}
export function integer(min: number, max: number | undefined, errors: IntegerSpec['errors'], describe: string): IntegerSpec {
  return { kind: 'integer', min, max, errors, describe }
}
export function idList(what: string, describe: string): IdListSpec {
  return { kind: 'ids', what, describe }
}
export function isoDate(describe: string): DateSpec {
  return { kind: 'date', describe }
}
export function withDefault<S extends OptionSpec, const D extends ValueOf<S>>(spec: S, value: D): S & { default: D } {
  return { ...spec, default: value }
}

/** `width` with the widget's own default. */
export function widthOption(defaultWidth: number) {
  return withDefault(
    integer(
      MIN_WIDTH,
      MAX_WIDTH,
      { integer: `must be a whole number of pixels from ${MIN_WIDTH} to ${MAX_WIDTH}`, min: `must be at least ${MIN_WIDTH}`, max: `must be at most ${MAX_WIDTH}` },
      `Width in pixels, ${MIN_WIDTH} to ${MAX_WIDTH}; the height follows from the content`,
    ),
    defaultWidth,
  )
}

export const commonOptionSpecs = {
  theme: withDefault(choice(themes, 'must be light, dark or auto', 'Colour theme; auto follows prefers-color-scheme, also inside an <img>'), 'auto'),
  width: widthOption(640),
  locale: withDefault(
    choice(locales, `must be one of ${locales.join(', ')}`, 'Language of labels, numbers and dates; ar and he lay out right to left. Quotes stay in the language they were spoken in'),
    'en',
  ),
  preset: choice(['card'], 'must be card', 'card: the widget as a 1200×630 social card (Open Graph, X/Twitter); width is then chosen to fill it'),
  version: integer(1, undefined, { integer: 'must be a published version number', min: 'must be a published version number' }, 'A published version of the story; defaults to the latest'),
}

const MAX_LIST_CHARS = 1000
const MAX_LIST_IDS = 20

function zodOf(spec: OptionSpec): z.ZodMiniType {
  switch (spec.kind) {
    case 'choice': {
      const base = z.enum(spec.values as [string, ...string[]], { error: spec.error })
      return (spec.default === undefined ? z.optional(base) : z._default(base, spec.default)).check(z.describe(spec.describe))
    }
    case 'integer': {
      const number = z.coerce.number()
      const int = z.int({ error: spec.errors.integer })
      const min = z.minimum(spec.min, { error: spec.errors.min })
      const base = spec.max === undefined ? number.check(int, min) : number.check(int, min, z.maximum(spec.max, { error: spec.errors.max }))
      return (spec.default === undefined ? z.optional(base) : z._default(base, spec.default)).check(z.describe(spec.describe))
    }
    case 'ids':
      return z.optional(
        z.pipe(
          z.string().check(z.maxLength(MAX_LIST_CHARS, { error: 'is too long' })),
          z.transform((s) => s.split(',').map((part) => part.trim()).filter(Boolean)),
        ).check(
          z.minLength(1, { error: `must name at least one ${spec.what} id` }),
          z.maxLength(MAX_LIST_IDS, { error: `may name at most ${MAX_LIST_IDS} ${spec.what} ids` }),
        ),
      ).check(z.describe(spec.describe))
    case 'date':
      return z.optional(z.iso.date({ error: 'must be a date written YYYY-MM-DD' })).check(z.describe(spec.describe))
  }
}

type ShapeOf<T extends OptionSpecs> = {
  [K in keyof T]: T[K] extends { default: unknown } ? z.ZodMiniType<ValueOf<T[K]>, unknown> : z.ZodMiniOptional<z.ZodMiniType<ValueOf<T[K]>, unknown>>
}

/** The zod schema of a set of options: the reasons of a 400 and the documented schema. */
export function optionsSchema<T extends OptionSpecs>(specs: T): z.ZodMiniObject<ShapeOf<T>> {
  return z.object(Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, zodOf(spec)]))) as unknown as z.ZodMiniObject<ShapeOf<T>>
}

/** The defaults, as zod would parse an empty query. */
export function optionDefaults(specs: OptionSpecs): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key in specs) {
    const spec = specs[key]
    if ('default' in spec && spec.default !== undefined) out[key] = spec.default
  }
  return out
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** A calendar date of the proleptic Gregorian calendar written YYYY-MM-DD, as zod's iso.date takes it. */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  const year = Number(s.slice(0, 4))
  const month = Number(s.slice(5, 7))
  const day = Number(s.slice(8, 10))
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
}

/**
 * The options of a query as zod parses them (same keys, order and values), when every value
 * is one zod takes; undefined otherwise, so that the caller asks zod for the reasons. A key
 * given twice arrives as an array and goes to zod too.
 */
export function quickOptions(specs: OptionSpecs, query: Record<string, string | string[] | undefined>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {}
  for (const key in specs) {
    const spec = specs[key]
    const raw = Object.hasOwn(query, key) ? query[key] : undefined
    if (raw === undefined) {
      if ('default' in spec && spec.default !== undefined) out[key] = spec.default
      continue
    }
    if (typeof raw !== 'string') return undefined
    switch (spec.kind) {
      case 'choice':
        if (!spec.values.includes(raw)) return undefined
        out[key] = raw
        break
      case 'integer': {
        // z.coerce.number() reads the string with Number(); z.int() takes safe integers.
        const n = Number(raw)
        if (!Number.isSafeInteger(n) || n < spec.min || (spec.max !== undefined && n > spec.max)) return undefined
        out[key] = n
        break
      }
      case 'ids': {
        if (raw.length > MAX_LIST_CHARS) return undefined
        const ids = raw.split(',').map((part) => part.trim()).filter(Boolean)
        if (ids.length < 1 || ids.length > MAX_LIST_IDS) return undefined
        out[key] = ids
        break
      }
      case 'date':
        if (!isIsoDate(raw)) return undefined
        out[key] = raw
        break
    }
  }
  return out
}
