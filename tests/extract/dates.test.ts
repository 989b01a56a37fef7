// Dated events in short passages, resolved against the published date (a Tuesday,
// 2025-05-06, unless a case says otherwise) and against the event before them.
import { describe, expect, it } from 'vitest'
import { draft } from './helpers'

const dates = (text: string, published?: string) => draft(text, published).events.map((e) => [e.dateText ?? e.excerpt, e.date, e.precision])

describe('dates and events', () => {
  it('reads "on Monday" as the Monday before the published date, and "on Friday" as the one after when the sentence looks ahead', () => {
    expect(dates('The army announced the plan on Monday.')).toEqual([['on Monday', '2025-05-05', 'exact']])
    expect(dates('The leaders will meet on Friday in Cairo.')).toEqual([['on Friday', '2025-05-09', 'exact']])
  })

  it('reads "on Tuesday" in an article published on a Tuesday as that day', () => {
    expect(dates('Naim’s rejection on Tuesday suggests a deal is unlikely.')).toEqual([['on Tuesday', '2025-05-06', 'exact']])
  })

  it('reads "two weeks later" as two weeks after the event before it, and approximate', () => {
    expect(dates('Israel halted all deliveries on 2 March, and resumed its offensive two weeks later.')).toEqual([
      ['Israel halted all deliveries on 2 March', '2025-03-02', 'exact'],
      ['two weeks later', '2025-03-16', 'approximate'],
    ])
  })

  it('reads "last week" and "next week" as the Monday of that week, approximate', () => {
    expect(dates('Talks began last week. A second round is expected next week.')).toEqual([
      ['last week', '2025-04-28', 'approximate'],
      ['next week', '2025-05-12', 'approximate'],
    ])
  })

  it('reads "next month" as its first day, approximate', () => {
    expect(dates('The rebuilding of homes would begin next month, he pledged.')).toEqual([['next month', '2025-06-01', 'approximate']])
  })

  it('reads "By May, 53,000 had been killed" as May, not 1953, and 53,000 as a figure', () => {
    const d = draft('By May, 53,000 people had been killed.')
    expect(d.figures.map((f) => f.value)).toEqual([53000])
    expect(d.events.every((e) => e.date.startsWith('2025'))).toBe(true)
  })

  it('reads "since early March" as 1 March and "nearly three months ago" as the first of the month after, both approximate', () => {
    expect(dates('The outbreak has sickened 3,418 people since early March, the ministry said.', '2025-05-28')).toEqual([['since early March', '2025-03-01', 'approximate']])
    expect(dates('The first cases were confirmed nearly three months ago in Kessa.', '2025-05-28')).toEqual([['nearly three months ago', '2025-03-01', 'approximate']])
  })

  it('reads a day and month without a year as the last one before the published date, or the next one ahead', () => {
    expect(dates('The trial opened on 12 January.', '2026-04-17')).toEqual([['The trial opened on 12 January', '2026-01-12', 'exact']])
    expect(dates('The ship passed its inspection on 3 December.', '2025-08-18')).toEqual([['The ship passed its inspection on 3 December', '2024-12-03', 'exact']])
    expect(dates('A hearing is scheduled for June 8.', '2026-04-17')).toEqual([['A hearing is scheduled for June 8', '2026-06-08', 'exact']])
  })

  it('gives a time alone the day of the date before it: "at 11:40 p.m." after "at 9:15 p.m. on Saturday"', () => {
    const d = draft('The ferry left at 9:15 p.m. on Saturday and sent a distress call at 11:40 p.m., officials said.', '2025-08-18')
    expect(d.events.map((e) => e.date)).toEqual(['2025-08-16', '2025-08-16'])
  })

  it('takes no length of time for a date: "in three weeks", "for 11 weeks", "within 20 minutes"', () => {
    expect(dates('Cases nearly doubled in three weeks. Dockers stayed out for 11 weeks. It sank within 20 minutes.')).toEqual([])
  })

  it('takes no date in a speaker’s own words for an event', () => {
    expect(dates('“We will have a treatment point in every village by the end of the month,” she said.')).toEqual([])
  })

  it('keeps the source of an event the sentence gives: "According to Israeli officials, … next week"', () => {
    const [e] = draft('According to Israeli officials, the ground operation will not begin until after the visit next week.').events
    expect(e).toMatchObject({ date: '2025-05-12', attribution: { en: 'Israeli officials' } })
  })
})
