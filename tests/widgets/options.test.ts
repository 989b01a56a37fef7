// quickOptions reads widget queries without zod (issue #15); whatever it takes, it must read
// exactly as the zod schema does, key order included (the normalised options are part of
// every ETag), and whatever it does not take must be left to zod.
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { isIsoDate, optionDefaults, quickOptions } from '../../widgets/options'
import { widgets } from '../../widgets/index'
import { pngOptionSpecs, pngOptions } from '../../src/png/options'

const parsers = [
  ...Object.values(widgets).map((w) => [`${w.id}`, w.optionSpecs, w.options] as const),
  ...Object.values(widgets).map((w) => [`${w.id}.png`, pngOptionSpecs[w.id], pngOptions[w.id]] as const),
]

const values = fc.oneof(
  fc.constantFrom(
    'light', 'dark', 'auto', 'Light', 'en', 'ar', 'he', 'fr', 'de', 'es', 'EN', 'card', 'poster', '',
    '280', '600', '1600', '279', '1601', ' 640 ', '6e2', '0x258', '600.0', '600.5', '-0', '1', '2', '3', '4', '0', '5', '1e21', '9007199254740993', 'Infinity', 'NaN',
    'killed-gaza', 'killed-gaza,injured', ' a , b ,,', ',', 'x'.repeat(1001), Array.from({ length: 21 }, (_, i) => `f${i}`).join(','),
    '2025-05-20', '2024-02-29', '2025-02-29', '1900-02-29', '2000-02-29', '0000-02-29', '2025-13-01', '2025-04-31', '2025-5-20', '２０２５-05-20', '2025-05-20T00:00',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -10, max: 2000 }).map(String),
)
const keys = fc.constantFrom('theme', 'width', 'locale', 'preset', 'version', 'figures', 'until', 'columns', 'statements', 'scale', 'childId', 'initialWidth')
const queries = fc.dictionary(keys, fc.oneof({ weight: 6, arbitrary: values }, { weight: 1, arbitrary: fc.array(values, { minLength: 2, maxLength: 2 }) }), { maxKeys: 5 })

describe('quickOptions', () => {
  it.each(parsers)('reads %s queries exactly as its zod schema does, or leaves them to zod', (_, specs, schema) => {
    let quick = 0
    fc.assert(
      fc.property(queries, (query) => {
        const fast = quickOptions(specs, query)
        const slow = (schema as z.ZodMiniType).safeParse(query)
        if (fast === undefined) return
        quick++
        expect(slow.success, JSON.stringify(query)).toBe(true)
        expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data))
      }),
      { numRuns: 3000 },
    )
    // It takes the ordinary requests, or it would save nothing.
    expect(quick).toBeGreaterThan(300)
  })

  it('takes the queries pages usually send, and the defaults are an empty query’s', () => {
    const toll = widgets['toll-counter']
    expect(quickOptions(toll.optionSpecs, {})).toEqual(toll.options.parse({}))
    expect(optionDefaults(toll.optionSpecs)).toEqual(toll.options.parse({}))
    expect(quickOptions(toll.optionSpecs, { width: '612', locale: 'ar', theme: 'dark', childId: 'pym-1' })).toEqual({ theme: 'dark', width: 612, locale: 'ar' })
    expect(quickOptions(pngOptionSpecs['statement-grid'], { preset: 'card', scale: '2' })).toEqual({ theme: 'auto', width: 760, locale: 'en', preset: 'card', scale: 2 })
    expect(quickOptions(widgets['blockade-duration'].optionSpecs, { until: '2025-05-20' })).toMatchObject({ until: '2025-05-20' })
  })

  it('leaves every bad value to zod, which names it', () => {
    const toll = widgets['toll-counter']
    for (const query of [{ width: '100' }, { width: ['600', '700'] }, { theme: 'blue' }, { figures: '' }]) {
      expect(quickOptions(toll.optionSpecs, query)).toBeUndefined()
      expect(toll.options.safeParse(query).success).toBe(false)
    }
  })
})

describe('isIsoDate', () => {
  it('takes exactly the dates zod’s iso.date takes', () => {
    const zodDate = z.iso.date()
    const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''))
    const dates = fc.oneof(
      fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.date({ min: new Date(Date.UTC(0, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.string({ maxLength: 11 }),
    )
    fc.assert(
      fc.property(dates, (s) => {
        expect(isIsoDate(s), s).toBe(zodDate.safeParse(s).success)
      }),
      { numRuns: 5000 },
    )
    for (const leap of ['2000-02-29', '2024-02-29', '0000-02-29', '0400-02-29']) expect(isIsoDate(leap), leap).toBe(true)
    for (const not of ['1900-02-29', '2025-02-29', '2100-02-29', '2025-04-31', '2025-00-10']) expect(isIsoDate(not), not).toBe(false)
  })
})
