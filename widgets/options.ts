// Query options every widget shares (CONTRACT.md "Widget options"). Query values arrive
// as strings; each schema coerces, sets its default and says in words what it accepts,
// which becomes the problem's invalid-params reason and the option's documentation.
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

/** `width` with the widget's own default. */
export function widthOption(defaultWidth: number) {
  return z
    ._default(
      z.coerce.number().check(
        z.int({ error: `must be a whole number of pixels from ${MIN_WIDTH} to ${MAX_WIDTH}` }),
        z.minimum(MIN_WIDTH, { error: `must be at least ${MIN_WIDTH}` }),
        z.maximum(MAX_WIDTH, { error: `must be at most ${MAX_WIDTH}` }),
      ),
      defaultWidth,
    )
    .check(z.describe(`Width in pixels, ${MIN_WIDTH} to ${MAX_WIDTH}; the height follows from the content`))
}

export const commonOptions = lazySchema(() => z.object({
  theme: z
    ._default(z.enum(themes, { error: 'must be light, dark or auto' }), 'auto')
    .check(z.describe('Colour theme; auto follows prefers-color-scheme, also inside an <img>')),
  width: widthOption(640),
  locale: z
    ._default(z.enum(locales, { error: `must be one of ${locales.join(', ')}` }), 'en')
    .check(z.describe('Language of labels, numbers and dates; ar and he lay out right to left. Quotes stay in the language they were spoken in')),
  preset: z.optional(z.enum(['card'], { error: 'must be card' })).check(
    z.describe('card: the widget as a 1200×630 social card (Open Graph, X/Twitter); width is then chosen to fill it'),
  ),
  version: z.optional(
    z.coerce
      .number()
      .check(z.int({ error: 'must be a published version number' }), z.minimum(1, { error: 'must be a published version number' })),
  ).check(z.describe('A published version of the story; defaults to the latest')),
}))

/** A comma-separated list of item ids, in display order. */
export function idListOption(what: string) {
  return z.optional(
    z.pipe(
      z.string().check(z.maxLength(1000, { error: 'is too long' })),
      z.transform((s) => s.split(',').map((part) => part.trim()).filter(Boolean)),
    ).check(
      z.minLength(1, { error: `must name at least one ${what} id` }),
      z.maxLength(20, { error: `may name at most 20 ${what} ids` }),
    ),
  )
}

export function isoDateOption() {
  return z.iso.date({ error: 'must be a date written YYYY-MM-DD' })
}
