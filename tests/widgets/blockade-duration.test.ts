import { describe, expect, it } from 'vitest'
import { utcMonday } from 'd3-time'
import * as blockade from '../../widgets/blockade-duration'
import { parseIsoDate } from '../../widgets/locale'
import { bundledStory } from '../fixtures'

const story = bundledStory()
const opts = (query: Record<string, string>) => blockade.options.parse(query)

describe('blockade-duration', () => {
  it('counts 65 days from 2 March to the story’s as-of date, 6 May 2025', () => {
    expect(blockade.summary(story, opts({}))).toEqual({ start: '2025-03-02', until: '2025-05-06', durationDays: 65, reportedUntil: '2025-05-06' })
    expect(blockade.layout(story, opts({})).lines.some((l) => l.text.includes('65 days'))).toBe(true)
  })

  it('counts to until, drawing the days after the article as an outline with a note', () => {
    const l = blockade.layout(story, opts({ until: '2025-05-20' }))
    expect(blockade.summary(story, opts({ until: '2025-05-20' })).durationDays).toBe(79)
    expect(l.after).toBeDefined()
    expect(l.after!.x).toBeCloseTo(l.bar.x + l.bar.width, 0)
    expect(l.lines.some((line) => line.text.includes('later days are counted, not reported'))).toBe(true)
    expect(blockade.layout(story, opts({})).after).toBeUndefined()
  })

  it('reads every calendar day as that day at midnight UTC, leap days and early years included', () => {
    for (const iso of ['2025-03-02', '2024-02-29', '2025-12-31', '2000-01-01', '0050-06-15', '0001-01-01', '9999-12-31']) {
      expect(parseIsoDate(iso).toISOString(), iso).toBe(new Date(`${iso}T00:00:00Z`).toISOString())
    }
    // Counting across a year's end and across a leap day.
    expect(blockade.summary(story, opts({ until: '2026-03-02' })).durationDays).toBe(365)
    expect(blockade.summary({ ...story, events: story.events.map((e) => (e.id === story.duration?.startEvent ? { ...e, date: '2024-02-28' } : e)) }, opts({ until: '2024-03-01' })).durationDays).toBe(2)
  })

  it('refuses an until before the blockade began', () => {
    expect(blockade.check(story, opts({ until: '2025-03-01' }))).toEqual([expect.objectContaining({ name: 'until' })])
    expect(blockade.check(story, opts({ until: '2025-03-02' }))).toEqual([])
  })

  it('marks the events in range, approximate ones dashed, and leaves out those outside it', () => {
    const events = blockade.items(story, opts({}))
    expect(events.map((e) => e.id)).toEqual(['aid-halted', 'offensive-resumed', 'operation-announced', 'naim-remarks'])
    const l = blockade.layout(story, opts({}))
    const onBar = l.markers.filter((m) => m.label && m.cy < l.bar.y)
    expect(onBar.map((m) => m.exact)).toEqual([true, false, true, true])
    expect(blockade.items(story, opts({ until: '2025-05-20' })).map((e) => e.id)).toContain('trump-visit')
  })

  it('says in words which dates are approximate, with the article’s own wording', () => {
    const l = blockade.layout(story, opts({}))
    expect(l.lines.some((line) => line.text.includes('about 16 March 2025 (the article: “two weeks later”)'))).toBe(true)
  })

  it('ticks every week at the default width, on Mondays', () => {
    const l = blockade.layout(story, opts({}))
    const x0 = l.bar.x
    const perDay = l.bar.width / 65
    const days = l.ticks.map((t) => Math.round((t.x - x0) / perDay))
    expect(days.length).toBeGreaterThanOrEqual(8)
    for (const d of days) expect(utcMonday.floor(new Date(Date.UTC(2025, 2, 2 + d))).getUTCDate()).toBe(new Date(Date.UTC(2025, 2, 2 + d)).getUTCDate())
  })

  it('runs time from right to left in ar and he', () => {
    const l = blockade.layout(story, opts({ locale: 'he' }))
    const markers = l.markers.filter((m) => m.label && m.cy < l.bar.y)
    expect(markers[0].cx).toBeGreaterThan(markers[markers.length - 1].cx)
  })
})

describe('blockade-duration in Arabic', () => {
  it('leaves the day count’s descenders clear of the tall letters of the line under it', () => {
    // Ink of Noto Sans Arabic (fontkit, 1/1000 em): "يومًا" in bold reaches 232 below its
    // baseline; the label's tallest letters (أ, إ, ل) 814 above theirs.
    for (const width of [320, 640]) {
      const layout = blockade.layout(story, opts({ locale: 'ar', width: String(width) }))
      const days = layout.lines.find((l) => l.text.includes('يوم'))!
      const next = layout.lines.find((l) => l.y > days.y)!
      const size = width < 480 ? 34 : 42
      expect(next.y - days.y, `${width} px`).toBeGreaterThanOrEqual(0.232 * size + 0.814 * 15 + 2)
    }
  })
})
