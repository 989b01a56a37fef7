// Dates are written without d3-time-format at run time (issue #15): every locale's patterns
// must still come out exactly as d3-time-format writes them.
import * as fc from 'fast-check'
import { timeFormatLocale } from 'd3-time-format'
import { describe, expect, it } from 'vitest'
import { locales, localeFormat, utcDayFormat } from '../../widgets/locale'
import enTime from 'd3-time-format/locale/en-GB'
import arTime from 'd3-time-format/locale/ar-EG'
import heTime from 'd3-time-format/locale/he-IL'
import frTime from 'd3-time-format/locale/fr-FR'
import deTime from 'd3-time-format/locale/de-DE'
import esTime from 'd3-time-format/locale/es-ES'

const times = { en: enTime, ar: arTime, he: heTime, fr: frTime, de: deTime, es: esTime } as const
const patterns = ['%-d %B %Y', '%-d %b', '%-d %B', '%-d ב%B %Y', '%-d ב%b', '%-d. %B %Y', '%-d. %b', '%-d de %B de %Y']

describe('utcDayFormat', () => {
  it('writes every pattern the locales use as d3-time-format does, for any day from year 0 to 9999', () => {
    const days = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    for (const locale of locales) {
      const d3 = timeFormatLocale(times[locale] as any)
      for (const pattern of patterns) {
        const ours = utcDayFormat(pattern, times[locale] as any)
        const theirs = d3.utcFormat(pattern)
        fc.assert(
          fc.property(days, (day) => {
            expect(ours(day)).toBe(theirs(day))
          }),
          { numRuns: 300 },
        )
      }
    }
  })

  it('writes the story’s dates in each locale’s words and digits', () => {
    expect(localeFormat('en').longDate('2025-05-06')).toBe('6 May 2025')
    expect(localeFormat('de').longDate('2025-03-02')).toBe('2. März 2025')
    expect(localeFormat('ar').longDate('2025-05-06')).toBe('٦ مايو ٢٠٢٥')
    expect(localeFormat('he').shortDate(new Date(Date.UTC(2025, 2, 10)))).toBe('10 במרץ')
  })
})
