// Dated events in short passages, resolved against the published date (a Tuesday,
// 2025-05-06, unless a case says otherwise) and against the event before them.
import { describe, expect, it } from 'vitest'
import { draft, values } from './helpers'

const days = (text: string, published?: string) => draft(text, published).events.map((e) => [e.date, e.precision])
const dates = (text: string, published?: string) => draft(text, published).events.map((e) => [e.dateText ?? e.excerpt, e.date, e.precision])

describe('dates and events', () => {
  it('reads "on Monday" as the Monday before the published date, and "on Friday" as the one after when the sentence looks ahead', () => {
    expect(dates('The army announced the plan on Monday.')).toEqual([['on Monday', '2025-05-05', 'exact']])
    expect(dates('The leaders will meet on Friday in Cairo.')).toEqual([['on Friday', '2025-05-09', 'exact']])
  })

  it('reads a weekday in a forecast or a timetable as the one ahead: "forecast for Thursday", "talks resume on Monday", "until at least Monday"', () => {
    expect(dates('Gusts of up to 90 km/h are forecast for Thursday.')).toEqual([['Thursday', '2025-05-08', 'exact']])
    expect(dates('Talks between the two delegations resume on Monday in Geneva.')).toEqual([['on Monday', '2025-05-12', 'exact']])
    expect(dates('Temperatures are forecast to stay above 40 degrees until at least Monday.')).toEqual([['Monday', '2025-05-12', 'exact']])
    expect(dates('The coast road stays closed until Sunday.')).toEqual([['Sunday', '2025-05-11', 'exact']])
  })

  it('reads an appointment and a state lasting until a day as ahead: "set a hearing for 14 April", "have closed until 27 March"', () => {
    expect(days('The judge set a hearing for 14 April to decide on compensation.', '2026-02-19')).toEqual([['2026-04-14', 'exact']])
    expect(days('Two of the schools have closed until 27 March.', '2026-03-20')).toEqual([['2026-03-27', 'exact']])
  })

  it('keeps a past clause in the past when the next clause looks ahead: "released aid on Saturday and said it would decide on Monday"', () => {
    const d = draft('The government released emergency aid on Saturday and said it would decide on Monday whether to declare an emergency.', '2026-01-11')
    expect(d.events.map((e) => [e.dateText, e.date])).toEqual([['on Saturday', '2026-01-10'], ['on Monday', '2026-01-12']])
    expect(days('The coalition collapsed in early September when one party quit over a plan to widen the motorway.', '2025-11-25')).toEqual([['2025-09-01', 'approximate']])
  })

  it('reads "in the week to 14 March" as that week, from its first day, approximate; "for three days" is no date', () => {
    expect(days('The ministry reported 318 new cases in the week to 14 March.', '2026-03-20')).toEqual([['2026-03-08', 'approximate']])
    expect(days('The jury found him guilty on 6 February after deliberating for three days.', '2026-02-19')).toEqual([['2026-02-06', 'exact']])
  })

  it('reads a weekday in reported speech with "would" as ahead of the day it was said: "said on Tuesday that a decision would come by Friday"', () => {
    const d = draft('The minister said on Tuesday that a decision on the curfew would be taken by Friday.')
    expect(d.events.map((e) => [e.dateText, e.date])).toContainEqual(['Friday', '2025-05-09'])
    expect(d.events.every((e) => e.date >= '2025-05-06')).toBe(true)
  })

  it('keeps a past weekday in the past beside a future one: "agreed on Sunday to resume talks on Monday"', () => {
    expect(dates('The two sides agreed on Sunday to resume talks on Monday.').map(([, date]) => date)).toEqual(['2025-05-04', '2025-05-05'])
  })

  it('reads "later this week" as the days after publication, and "will meet this week" as no day already past', () => {
    expect(dates('Two more water bombers are due to arrive later this week.')).toEqual([['later this week', '2025-05-07', 'approximate']])
    expect(dates('The board will meet this week to approve the budget.')).toEqual([['this week', '2025-05-06', 'approximate']])
    expect(dates('Talks stalled earlier this week.')).toEqual([['earlier this week', '2025-05-05', 'approximate']])
    // "its forecast for" is a noun, not a forecast looking ahead.
    expect(dates('Earlier this month the group lowered its forecast for full-year revenue.')).toEqual([['Earlier this month', '2025-05-01', 'approximate']])
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

  it('counts "two days after the quake" from the day the text gave the quake, not from a clause that only counts from it', () => {
    const text = 'A magnitude 6.3 earthquake struck the mountains of Orvel late on Friday, the agency said on Sunday. Survivors were pulled out on Sunday, more than 30 hours after the quake struck. Rescuers were still working in the area two days after the quake, the agency said.'
    expect(dates(text, '2026-01-11')).toContainEqual(['two days after the quake', '2026-01-11', 'exact'])
    // Weeks from a day are approximate; a happening the text never dated gives no date.
    expect(dates('The mine flooded on 3 March. Inspectors returned two weeks after the flood.', '2026-04-01')).toContainEqual(['two weeks after the flood', '2026-03-17', 'approximate'])
    expect(days('Prosecutors opened an inquiry two days after the crash.', '2026-04-01')).toEqual([])
  })

  it('reads "expects the heat to break on Tuesday" and "open the season … on Sunday" as ahead, and a time ahead of a past day as no date', () => {
    expect(days('It expects the heat to break on Tuesday, when cooler air moves in.', '2025-07-20')).toEqual([['2025-07-22', 'exact']])
    expect(days('Ostvik open the season at home to Brannock on Sunday.', '2025-08-29')).toEqual([['2025-08-31', 'exact']])
    const open = draft('The minister said on Saturday that the government would keep the centres open until midnight.', '2025-07-20')
    expect(open.events).toEqual([])
  })

  it('reads a month a rate covers as no event, and the rate as of the month’s end: "ran at 61% of capacity in September"', () => {
    const d = draft('Mills ran at 61% of capacity in September, the company said.', '2026-11-05')
    expect(d.events).toEqual([])
    expect(d.figures.map((f) => [f.value, f.asOf])).toEqual([[61, '2026-09-30']])
    // A price on its day is a figure with its day, not a happening.
    expect(days('The offer is 38% more than the closing price of 33.70 pentars on Friday.', '2026-03-17')).toEqual([])
  })

  it('reads "last March" and "next May" from the published month, and "within 30 days of the landing" from the landing’s day', () => {
    expect(dates('The jet had one of its two engines replaced last March after a bird strike.', '2026-02-24')).toEqual([['last March', '2025-03-01', 'approximate']])
    expect(dates('The next review is due next May.', '2026-02-24')).toEqual([['next May', '2026-05-01', 'approximate']])
    const report = dates('The jet made an emergency landing at Tessholm on Sunday evening. The board’s preliminary report is due within 30 days of the landing.', '2026-02-24')
    expect(report).toContainEqual(['within 30 days of the landing', '2026-03-24', 'approximate'])
  })

  it('reads the base a figure is compared with and a price on its day as no event, and "planned" as a plan only with what it is planned for', () => {
    const d = draft('The ministry put the number of people waiting for planned treatment at 1.38 million at the end of July, up from 1.21 million a year before.', '2025-09-10')
    expect(d.events.map((e) => e.date)).toEqual(['2025-07-31'])
    expect(d.figures.find((f) => f.value === 1210000)?.asOf).toBe('2024-07-31')
    expect(days('A kilogram of maize flour sold for 1,450 ketals on Wednesday, up from 720 ketals in January.', '2026-06-25')).toEqual([])
  })

  it('dates the clause after "three days before" from its sentence’s day: "marched on Saturday, three days before parliament votes"', () => {
    expect(dates('Tens of thousands marched on Saturday, three days before parliament votes on a bill that would cap rents.', '2026-05-30')).toEqual([
      ['on Saturday', '2026-05-30', 'exact'],
      ['three days before', '2026-06-02', 'exact'],
    ])
  })

  it('gives a participle clause alone between commas its sentence’s subject: "Her B sample, tested two weeks later, confirmed the result"', () => {
    const events = draft('She gave a sample at a test on 14 November. Her B sample, tested two weeks later, confirmed the result.', '2026-01-20').events
    expect(events.map((e) => [e.excerpt, e.date, e.precision])).toContainEqual(['Her B sample, tested two weeks later', '2025-11-28', 'approximate'])
  })

  it('reads "last week" and "next week" as the Monday of that week, approximate', () => {
    expect(dates('Talks began last week. A second round is expected next week.')).toEqual([
      ['last week', '2025-04-28', 'approximate'],
      ['next week', '2025-05-12', 'approximate'],
    ])
  })

  it('reads "last quarter" and "next quarter" as the first day of that calendar quarter, approximate', () => {
    expect(dates('The group had already warned last quarter that demand was slowing. Sales should recover next quarter.', '2025-10-30')).toEqual([
      ['last quarter', '2025-07-01', 'approximate'],
      ['next quarter', '2026-01-01', 'approximate'],
    ])
  })

  it('takes no date for the base of a comparison: "fell 14% from a year earlier", "up 5% on a year earlier"', () => {
    expect(dates('Revenue fell 14% from a year earlier. Profit was up 5% on a year earlier.', '2025-10-30')).toEqual([])
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
    expect(dates('Cholera has spread across the region since early March, the ministry said.', '2025-05-28')).toEqual([['since early March', '2025-03-01', 'approximate']])
    expect(dates('The first cases were confirmed nearly three months ago in Kessa.', '2025-05-28')).toEqual([['nearly three months ago', '2025-03-01', 'approximate']])
  })

  it('reads a day and month without a year as the last one before the published date, or the next one ahead', () => {
    expect(dates('The trial opened on 12 January.', '2026-04-17')).toEqual([['The trial opened on 12 January', '2026-01-12', 'exact']])
    expect(dates('The ship passed its inspection on 3 December.', '2025-08-18')).toEqual([['The ship passed its inspection on 3 December', '2024-12-03', 'exact']])
    expect(dates('A hearing is scheduled for June 8.', '2026-04-17')).toEqual([['A hearing is scheduled for June 8', '2026-06-08', 'exact']])
  })

  it('dates a happening told in a relative clause by what the clause is about: "the new season, which begins on August 16" is ahead', () => {
    const d = draft('The captain will miss the start of the new season, which begins on August 16.', '2025-07-07')
    expect(d.events.map((e) => [e.label.en, e.date, e.excerpt])).toEqual([['The new season begins', '2025-08-16', 'the new season, which begins on August 16']])
    expect(draft('The festival, which opened on June 2, drew record crowds.', '2025-07-07').events.map((e) => [e.label.en, e.date])).toEqual([['The festival opened', '2025-06-02']])
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

  it('reads the day after "on the night of" and "on the morning of" as the date, and its day number as no figure', () => {
    const d = draft('An overcrowded fishing boat capsized off the island of Carvo on the night of 15 August.', '2026-08-18')
    expect(d.events.map((e) => e.date)).toEqual(['2026-08-15'])
    expect(d.figures).toEqual([])
    expect(days('Fighters attacked the town on the morning of 3 May, officials said.', '2026-05-06')).toEqual([['2026-05-03', 'exact']])
  })

  it('reads when a provision takes effect, a deadline for a state, and what could happen by a day as ahead', () => {
    const published = '2026-02-27'
    expect(days('Parliament approved the budget for the fiscal year beginning 1 April by a vote of 212–198.', published)).toContainEqual(['2026-04-01', 'exact'])
    expect(days('The amendment raises the basic state pension by 3% from July.', published)).toEqual([['2026-07-01', 'approximate']])
    expect(days('Public-sector wages go up by 4% from April, the ministry said.', published)).toEqual([['2026-04-01', 'approximate']])
    expect(days('If no budget is in force by 1 April, spending continues at this year’s level.', published)).toEqual([['2026-04-01', 'exact']])
    expect(days('A wider shaft could reach the miners by Saturday, the company added.', '2026-07-09')).toEqual([['2026-07-11', 'exact']])
    // Told in the past, each stays in the past.
    expect(days('Pensions were raised by 3% from January, the office said.', published)).toEqual([['2026-01-01', 'approximate']])
    expect(days('Rescuers could not reach them on Saturday.', '2026-07-09')).toEqual([['2026-07-04', 'exact']])
  })

  it('reads "raised the number to 19 on Monday" as a count and a weekday, and the month a statistic covers as no event', () => {
    const d = draft('Halvern Coal first said 17 men were trapped, then raised the number to 19 on Monday.', '2026-07-09')
    expect(d.events.map((e) => [e.dateText, e.date])).toEqual([['on Monday', '2026-07-06']])
    expect(values(d)).toEqual([17, 19])
    expect(draft('The statistics office said inflation rose to 3.4% in August from 3.1% in July.', '2025-09-25').events).toEqual([])
    expect(days('The factory closed in July, its owner said.', '2025-09-25')).toEqual([['2025-07-01', 'approximate']])
  })

  it('reads when a statement was made as no event where the sentence dates what happened: "… on 15 August, the coastguard said on Monday"', () => {
    const d = draft('The boat capsized off Carvo on the night of 15 August, the coastguard said on Monday.', '2026-08-18')
    expect(d.events.map((e) => e.date)).toEqual(['2026-08-15'])
    expect(days('The board said on Tuesday that the pilots declared an emergency at 6:12 p.m. on Sunday.', '2026-02-24')).toEqual([['2026-02-22', 'exact']])
    // With no other date, too: the saying dates the statement (holdouts 5 to 7), not an event.
    // An announcement and a speech to parliament are events.
    const cuts = draft('Halvard Systems will cut about 1,200 jobs, the company said on Thursday.', '2025-10-30')
    expect(cuts.events).toEqual([])
    expect(cuts.statements.map((s) => [s.kind, s.date])).toEqual([['paraphrase', '2025-10-30']])
    expect(days('Restaurants have lost about 2.3 million solvars in trade, the chamber of commerce estimated on Tuesday.', '2026-02-18')).toEqual([])
    expect(days('“We will not sell,” he said after training on Friday.', '2025-08-29')).toEqual([])
    expect(days('The ministry announced on Monday that it had suspended the licence it granted in March.', '2026-02-24')).toContainEqual(['2026-02-23', 'exact'])
    expect(days('She told parliament on Tuesday that the outbreak, which began in March, was slowing.', '2026-02-24')).toContainEqual(['2026-02-24', 'exact'])
    // A date inside what was said is that happening's: "said in a statement that it began releasing water … on Thursday".
    expect(days('Castrano Hydro said in a statement on Friday that it began releasing water at 6:40 p.m. on Thursday.', '2025-11-08')).toEqual([['2025-11-06', 'exact']])
  })

  it('reads both ends of a range ahead, the end after the start: "will strike from Monday until Friday", "runs from 12 to 14 September"', () => {
    expect(days('Hospital doctors will strike from Monday until Friday, the union said.', '2025-09-10')).toEqual([['2025-09-15', 'exact'], ['2025-09-19', 'exact']])
    expect(days('The road will be closed from 3 May to 9 May.', '2025-04-10')).toEqual([['2025-05-03', 'exact'], ['2025-05-09', 'exact']])
    expect(days('The festival runs from 12 to 14 September.', '2025-09-10')).toEqual([['2025-09-12', 'exact']])
    // A past range is dated by its start, as before.
    expect(days('The talks ran from Tuesday to Thursday.', '2025-09-10')).toEqual([['2025-09-09', 'exact']])
    expect(days('The ministry reported 318 new cases in the week to 14 March.', '2026-03-20')).toEqual([['2026-03-08', 'approximate']])
  })

  it('reads "in six months" as that far ahead where the sentence says what will be, and as a length of time elsewhere; "paid $900,000 in March" is an event', () => {
    expect(days('The prime minister said parliament would vote in six months on the amendments.', '2026-04-13')).toEqual([['2026-10-13', 'approximate']])
    expect(days('The plant will reopen in two weeks, the operator said.', '2026-04-13')).toEqual([['2026-04-27', 'approximate']])
    expect(days('The work was finished in three weeks.', '2026-04-13')).toEqual([])
    expect(days('Neighbouring Lowmere paid a ransom of $900,000 in March after a similar attack.', '2026-10-16')).toEqual([['2026-03-01', 'approximate']])
  })

  it('reads a window that closes as its last day, approximate: "by the end of the year", "until the end of October", "by March 2028" ahead', () => {
    expect(dates('The last 300 posts will go by the end of the year, the company said.', '2026-05-20')).toEqual([['by the end of the year', '2026-12-31', 'approximate']])
    expect(dates('Schools will stay shut until the end of the month.', '2026-02-10')).toEqual([['until the end of the month', '2026-02-28', 'approximate']])
    expect(days('The council has closed the pier until the end of October.', '2026-08-03')).toEqual([['2026-10-31', 'approximate']])
    expect(days('The second ward will open by March 2028, the health board said.', '2026-08-03')).toEqual([['2028-03-31', 'approximate']])
    // Ahead although commas part the verb from the date, and a plan told in the present.
    expect(days('Clinics will offer the jab in halls, libraries and pharmacies until 30 November.', '2026-11-02')).toEqual([['2026-11-30', 'exact']])
    expect(days('Organisers plan a second race in the hills by the end of June.', '2026-04-15')).toEqual([['2026-06-30', 'approximate']])
    // A past month's end stays past.
    expect(days('The dam had been emptied by the end of May.', '2026-08-03')).toEqual([['2026-05-31', 'approximate']])
  })

  it('reads "next year" and "last year" as 1 January of that year, approximate, and as no event where they date a figure', () => {
    expect(dates('A final report is expected next year.', '2026-06-10')).toEqual([['next year', '2027-01-01', 'approximate']])
    expect(dates('Voters rejected the plan twice last year.', '2026-06-10')).toEqual([['last year', '2025-01-01', 'approximate']])
    expect(days('Exports fell to 41% of output last year.', '2026-06-10')).toEqual([])
    expect(days('The firm lost 12 million euros in the same quarter last year.', '2026-06-10')).toEqual([])
    expect(days('Sales rose 4% on last year.', '2026-06-10')).toEqual([])
  })

  it('reads a deadline "within 48 hours" as that far after the day the sentence dates, else after publication, approximate; a past one dates nothing', () => {
    expect(days('The regulator said on Monday it would name the cause within 10 days.', '2026-03-04')).toEqual([['2026-03-12', 'approximate']])
    expect(dates('Tenants will be rehoused within 72 hours, the city said.', '2026-03-04')).toEqual([['within 72 hours', '2026-03-07', 'approximate']])
    expect(days('Residents had to leave within two hours.', '2026-03-04')).toEqual([])
    // Counted from a happening the words name: no date is made up for it.
    expect(days('The review is due within 30 days of the fire.', '2026-03-04')).toEqual([])
  })

  it('dates "said on Tuesday it would cut …" by the saying, not a Tuesday ahead; an event at the end of a sentence after a name in commas is the sentence', () => {
    const cuts = draft('The airline said on Tuesday it would cut 900 jobs.', '2026-09-15')
    expect(cuts.events).toEqual([])
    expect(cuts.statements.map((s) => s.date)).toEqual(['2026-09-15'])
    const d = draft('Relatives will meet the transport minister, Aline Moreau, on Thursday.', '2026-09-15')
    expect(d.events.map((e) => [e.date, e.label.en])).toEqual([['2026-09-17', 'Relatives will meet the transport minister, Aline Moreau']])
  })

  it('reads the end of a reporting period and the start of a record as no event: "in the three months to 30 June", "its lowest since April 2019"', () => {
    expect(days('Profit in the three months to 30 June fell 8%.', '2026-07-28')).toEqual([])
    expect(days('The currency fell to its lowest since April 2019.', '2026-07-28')).toEqual([])
  })
  it('never reads a lower-case "march" or "may" as the month', () => {
    expect(days('A second march is planned for 20 June.', '2026-05-30')).toEqual([['2026-06-20', 'exact']])
    expect(days('The march may reach the square by noon.', '2026-05-30')).toEqual([])
  })

  it('reads the tense of the date’s own clause: past after "were due" and in a past clause after "will", ahead after "expect to" and past a thousands comma', () => {
    // Published Friday 9 January 2026.
    expect(days('Wages for 310,000 staff, which were due on 31 December, have not been paid.', '2026-01-09')).toEqual([['2025-12-31', 'exact']])
    expect(days('Taxes rise by PNT 18 billion, while pensioners will receive up to PNT 2,500 in March.', '2026-01-09')).toEqual([['2026-03-01', 'approximate']])
    expect(days('She will keep the title she won in Asmara in August.', '2026-01-09')).toEqual([['2025-08-01', 'approximate']])
    expect(days('Rescue teams expect to finish clearing the site by Friday.', '2025-12-10')).toEqual([['2025-12-12', 'exact']])
    // A day the sentence says has gone by: "…, when she was suspended", "from … onwards".
    expect(days('The ban runs from 2 December, when she was provisionally suspended.', '2026-01-20')).toEqual([['2025-12-02', 'exact']])
    expect(days('Her results from 14 November onwards will be annulled.', '2026-01-20')).toEqual([['2025-11-14', 'exact']])
  })
  it('reads "since" a day as an event when a state starts then, not when it starts what a count or an ordinal adds up', () => {
    expect(days('Dockworkers have been on strike since 6 a.m. on 23 February.', '2026-03-12')).toEqual([['2026-02-23', 'exact']])
    expect(days('Relatives have kept a vigil at the pithead since Sunday.', '2026-01-09')).toEqual([['2026-01-04', 'exact']])
    expect(days('Herders have lost some 30,000 cattle since February.', '2026-06-25')).toEqual([])
    expect(days('Since January, 14,820 people have reached the island by sea.', '2026-08-16')).toEqual([])
    expect(days('The bank raised its rate to 6.25%, its third increase since September.', '2026-01-09')).toEqual([])
    // A count in another clause leaves the date's own alone.
    expect(days('At least 143 people died, the deadliest quake since 23 August 1998.', '2025-11-19')).toEqual([['1998-08-23', 'exact']])
  })
  it('reads "in the past week" as the seven days before publication, and a count over it or "between Thursday and Saturday" as no event', () => {
    // Published Sunday 16 August 2026.
    expect(days('Talks have stalled in the past week.', '2026-08-16')).toEqual([['2026-08-09', 'approximate']])
    expect(days('More than 1,300 people reached the island in the past week.', '2026-08-16')).toEqual([])
    const d = draft('The coast guard said it had rescued 212 people at sea between Thursday and Saturday.', '2026-08-16')
    expect(d.events).toEqual([])
    expect(d.figures.find((f) => f.value === 212)?.asOf).toBe('2026-08-15')
  })
  it('reads "until March 2027" ahead as the month’s last day, a window that closes, whatever the tense', () => {
    expect(days('The council froze its rents until March 2027.', '2026-05-30')).toEqual([['2027-03-31', 'approximate']])
    expect(days('The road stays closed until June.', '2026-05-30')).toEqual([['2026-06-30', 'approximate']])
  })
  it('gives a verb alone in its clause the sentence’s subject: "Her coach, Pavel Dunai, resigned last week", "…, and ends on 1 December 2029"', () => {
    const d = draft('Her coach, Pavel Dunai, resigned last week.\nThe ban runs from 2 December, when she was suspended, and ends on 1 December 2029.', '2026-01-20')
    expect(d.events.map((e) => [e.date, e.label.en])).toEqual([['2026-01-12', 'Pavel Dunai resigned'], ['2025-12-02', 'The ban runs'], ['2029-12-01', 'The ban ends']])
    // Not a reporting verb, nor a participle: "…, their coach said on Monday", "…, starting in October".
    expect(days('Eleven boys were found alive, their coach, Stefan Oru, said on Monday.', '2025-08-19')).toEqual([])
    expect(days('The firm would cut 400 jobs, starting in October.', '2026-08-06').every(([date]) => date! >= '2026-08-06')).toBe(true)
  })
  it('reads a market’s move on a day, and rain "in the 48 hours to Friday morning", as no event', () => {
    expect(days('Shares in Halgreth fell 22% on Tuesday.', '2025-12-10')).toEqual([])
    expect(days('The yield on ten-year bonds fell to 7.1% on Friday from 7.6% a week earlier.', '2026-01-09')).toEqual([])
    expect(days('Up to 340 mm of rain fell in the 48 hours to Friday morning.', '2025-11-08')).toEqual([])
    // A happening with a figure in it still is one.
    expect(days('The plant closed on Tuesday, and 120 workers were sent home.', '2025-12-10')).toEqual([['2025-12-09', 'exact']])
  })
})
