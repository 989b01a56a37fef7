// What readers are told about a version from the versions before it (widgets/revision.ts,
// issue #13), on histories written for each case.
import { describe, expect, it } from 'vitest'
import { type VersionRecord, isTimeZone, localDay, revise, withdrawal } from '../../widgets/revision'
import type { Story } from '../../widgets/story'
import { bundledStory } from '../fixtures'

const base = bundledStory()

/** A version of the bundled story with the toll at `value` as of `asOf`. */
function version(n: number, kind: VersionRecord['kind'], value: number, asOf: string, publicNote: string | null = null, change: (s: Story) => Story = (s) => s): VersionRecord {
  const story = change({ ...base, figures: base.figures.map((f) => (f.id === 'killed-gaza' ? { ...f, value, asOf } : f)) })
  return { version: n, kind, publicNote, publishedAt: `2026-12-0${n}T12:00:00.000Z`, story }
}

describe('localDay', () => {
  it('gives the calendar day an instant falls on in a time zone, not in UTC', () => {
    expect(localDay('2026-12-01T03:00:00.000Z', 'UTC')).toBe('2026-12-01')
    expect(localDay('2026-12-01T03:00:00.000Z', 'America/Los_Angeles')).toBe('2026-11-30')
    expect(localDay('2026-12-01T20:00:00.000Z', 'Asia/Tokyo')).toBe('2026-12-02')
    // Summer time: London is UTC+1 from 29 March 2026, 01:00 UTC.
    expect(localDay('2026-03-28T23:30:00.000Z', 'Europe/London')).toBe('2026-03-28')
    expect(localDay('2026-06-30T23:30:00.000Z', 'Europe/London')).toBe('2026-07-01')
  })

  it('knows IANA names and refuses others', () => {
    expect(['UTC', 'Europe/London', 'Asia/Jerusalem', 'Asia/Gaza', 'America/Argentina/Buenos_Aires'].every(isTimeZone)).toBe(true)
    expect(['', 'Mars/Olympus_Mons', 'GMT+25', 'Europe'].some(isTimeZone)).toBe(false)
  })
})

describe('revise', () => {
  it('gives an update that moved the as-of its change against the value at the previous as-of', () => {
    const r = revise([version(1, 'update', 52567, '2025-05-06'), version(2, 'update', 52600, '2025-05-08')])
    expect(r.changes['killed-gaza']).toEqual({ previous: 52567, since: '2025-05-06' })
    expect(r.corrected).toEqual([])
    expect(Object.keys(r.changes)).toEqual(['killed-gaza'])
  })

  it('gives a figure whose as-of did not move no change, whatever was published in between', () => {
    const r = revise([version(1, 'update', 52567, '2025-05-06'), version(2, 'update', 52601, '2025-05-06'), version(3, 'update', 52567, '2025-05-06')])
    expect(r.changes).toEqual({})
  })

  it('marks the figures a correction changed, and later compares with the corrected value', () => {
    const history = [version(1, 'update', 52567, '2025-05-06'), version(2, 'update', 52700, '2025-05-08'), version(3, 'correction', 52600, '2025-05-08', 'The toll was misread.')]
    const corrected = revise(history)
    expect(corrected.corrected).toEqual(['killed-gaza'])
    expect(corrected.notes).toEqual([{ kind: 'correction', version: 3, day: '2026-12-03', note: 'The toll was misread.' }])
    const later = revise([...history, version(4, 'update', 52733, '2025-05-09', 'Toll of 9 May.')])
    expect(later.changes['killed-gaza']).toEqual({ previous: 52600, since: '2025-05-08' })
    // The correction no longer stands once the figure moved on; its record is in the feed.
    expect(later.corrected).toEqual([])
    expect(later.notes).toEqual([{ kind: 'update', version: 4, day: '2026-12-04', note: 'Toll of 9 May.' }])
  })

  it('keeps a correction standing through later versions that leave its figure as corrected', () => {
    const history = [version(1, 'update', 52567, '2025-05-06'), version(2, 'correction', 52576, '2025-05-06', 'Digits were swapped.'), version(3, 'update', 52576, '2025-05-06', null, (s) => ({ ...s, statements: s.statements.slice(1) }))]
    const r = revise(history)
    expect(r.corrected).toEqual(['killed-gaza'])
    expect(r.notes.map((n) => n.version)).toEqual([2])
  })

  it('shows the newest update that has a sentence for readers, and never a version without one', () => {
    const r = revise([version(1, 'update', 1, '2025-05-06'), version(2, 'update', 2, '2025-05-07', 'First update.'), version(3, 'update', 3, '2025-05-08')])
    expect(r.notes).toEqual([{ kind: 'update', version: 2, day: '2026-12-02', note: 'First update.' }])
    expect(revise([version(1, 'update', 1, '2025-05-06'), version(2, 'update', 2, '2025-05-07')]).notes).toEqual([])
  })

  it('shows at most three corrections, the newest', () => {
    const history = [version(1, 'update', 52567, '2025-05-06')]
    const labels = ['one', 'two', 'three', 'four'].map((word, i) => (s: Story) => ({ ...s, statements: s.statements.map((st, k) => (k === i ? { ...st, speaker: { ...st.speaker, role: { en: word } } } : st)) }))
    labels.forEach((change, i) => history.push(version(i + 2, 'correction', 52567, '2025-05-06', `Fix ${i + 1}.`, change)))
    expect(revise(history).notes.map((n) => n.note)).toEqual(['Fix 4.', 'Fix 3.', 'Fix 2.'])
  })

  it('dates notes by the story’s time zone', () => {
    const zoned = (v: VersionRecord) => ({ ...v, publishedAt: '2026-12-01T23:30:00.000Z', story: { ...v.story, timeZone: 'Asia/Jerusalem' } })
    const r = revise([zoned(version(1, 'update', 1, '2025-05-06')), zoned(version(2, 'correction', 2, '2025-05-06', 'Fixed.'))])
    expect(r.notes[0].day).toBe('2026-12-02')
  })
})

describe('withdrawal', () => {
  const v1 = version(1, 'update', 1, '2025-05-06')
  const retraction = version(2, 'retraction', 1, '2025-05-06', 'Withdrawn for legal reasons.')
  const restore = version(3, 'update', 1, '2025-05-06')

  it('withdraws every version while the latest is a retraction, and the retraction itself always', () => {
    expect(withdrawal(v1, retraction)).toEqual({ version: 2, day: '2026-12-02', note: 'Withdrawn for legal reasons.' })
    expect(withdrawal(retraction, restore)).toEqual({ version: 2, day: '2026-12-02', note: 'Withdrawn for legal reasons.' })
    expect(withdrawal(v1, restore)).toBeUndefined()
    expect(withdrawal(restore, restore)).toBeUndefined()
  })
})
