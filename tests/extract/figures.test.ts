// Figures in short wire passages: what is a figure, its qualifier, what it counts, its source.
import { describe, expect, it } from 'vitest'
import { draft, figure, values } from './helpers'

describe('figures', () => {
  it('reads grouped digits with their qualifier: "at least 52,567 people" is 52567, at least, exact', () => {
    const d = draft('According to the health ministry, at least 52,567 people have been killed in the territory.')
    expect(figure(d, 52567)).toMatchObject({ qualifier: 'at least', precision: 'exact', label: { en: 'people killed in the territory' } })
  })

  it('reads a decimal with million as a rounded figure: "2.1 million residents" is 2100000, approximate', () => {
    expect(figure(draft('Officials said most of the city’s 2.1 million residents had fled.'), 2100000)).toMatchObject({ precision: 'approximate' })
  })

  it('reads number words: "Forty-seven container ships" is 47 and "a dozen boats" 12, approximate', () => {
    const d = draft('Forty-seven container ships were anchored offshore. A dozen fishing boats joined the search, the coast guard said.')
    expect(figure(d, 47)).toMatchObject({ precision: 'exact' })
    expect(figure(d, 12)).toMatchObject({ precision: 'approximate' })
  })

  it('reads a range as its low and high values: "50-60 lorries"', () => {
    expect(figure(draft('Aid agencies said 50-60 lorries were on their way.'), 50)).toMatchObject({ valueMax: 60, precision: 'approximate' })
  })

  it('reads a change and the level it reached as two figures, not a range: "rose 3.1% to 1.92 billion francs", "climbed 17% to $684 million"', () => {
    const d = draft('Group sales rose 3.1% to 1.92 billion francs, the company said. Sales in the United States climbed 17% to $684 million.')
    expect(values(d)).toEqual(expect.arrayContaining([3.1, 1920000000, 17, 684000000]))
    for (const f of d.figures) expect(f).not.toHaveProperty('valueMax')
    expect(figure(d, 3.1)!.excerpt).toMatch(/rose 3\.1%$/)
  })

  it('dates a figure by the report, the window or the statement that gives it: "in its previous report on 5 March", "in the week to 14 March", "officials said on Wednesday"', () => {
    const d = draft('The ministry reported 318 new cases in the week to 14 March. The WHO put the total at more than 1,700, up from 1,020 in its previous report on 5 March. At least 22 cases have been linked to four schools, city officials said on Wednesday.', '2026-03-20')
    expect(figure(d, 318)?.asOf).toBe('2026-03-14')
    expect(figure(d, 1020)?.asOf).toBe('2026-03-05')
    expect(figure(d, 22)?.asOf).toBe('2026-03-18')
  })

  it('reads francs as money: "rose 3.1% to 1.92 billion Swiss francs" counts group sales, in Swiss francs', () => {
    const d = draft('Group sales rose 3.1% to 1.92 billion Swiss francs, the company said. Net profit was 168 million francs, it said.')
    expect(figure(d, 1920000000)).toMatchObject({ unit: 'CHF', label: { en: 'Group sales, in Swiss francs' } })
    expect(figure(d, 168000000)).toMatchObject({ unit: 'CHF', label: { en: 'Net profit, in francs' } })
  })

  it('keeps a range of percentages a range: "a margin of 14% to 15%"', () => {
    expect(figure(draft('The company expects an operating margin of 14% to 15% this year, it said.'), 14)).toMatchObject({ valueMax: 15 })
  })

  it('flags "tens of thousands" and "dozens" as vague quantities, not figures', () => {
    const d = draft('Tens of thousands of people slept outdoors and dozens of homes collapsed.')
    expect(d.figures).toEqual([])
    expect(d.draft.skipped.map((s) => s.excerpt)).toEqual(['Tens of thousands', 'dozens'])
  })

  it('does not take a year, a date or a time for a figure', () => {
    const d = draft('The plant was built in 1994 and inspected on 3 June at 9:15 p.m. Since 2000, 63 people have died there.')
    expect(values(d)).toEqual([63])
  })

  it('does not take an age for a figure: "Castagnet, 61," and "a 34-year-old chemist"', () => {
    expect(values(draft('Yves Castagnet, 61, was fined. A 34-year-old chemist and children under five were treated.'))).toEqual([])
  })

  it('does not take a magnitude, an ordinal or a score for a figure', () => {
    expect(values(draft('The magnitude 6.8 quake was the third to hit the valley. The home side won 3-1 in the final.'))).toEqual([])
  })

  it('does not take a length of time for a figure, but a prison sentence is one', () => {
    expect(values(draft('The trial heard evidence over 11 weeks and the dockers stayed out for two months.'))).toEqual([])
    expect(figure(draft('The court sentenced him to four years in prison, two of them suspended.'), 4)).toBeDefined()
  })

  it('keeps percentages and money with their unit', () => {
    const d = draft('The Civic Alliance won 38.4% of the vote. The company was fined €2.8 million and the fund holds $48 million.')
    expect(figure(d, 38.4)).toMatchObject({ unit: '%' })
    expect(figure(d, 2800000)).toMatchObject({ unit: 'EUR' })
    expect(figure(d, 48000000)).toMatchObject({ unit: 'USD' })
  })

  it('keeps the unit of money in what the figure counts: "25 million euros in emergency aid"', () => {
    const d = draft('The European Union pledged 25 million euros in emergency aid. The operator was fined $3.5 million for the spill.')
    expect(figure(d, 25000000)).toMatchObject({ unit: 'EUR', label: { en: 'euros in emergency aid' } })
    expect(figure(d, 3500000)?.label.en).toMatch(/^dollars\b/)
  })

  it('takes number words that a sentence reports for figures: "Four planes", "Two residents …, died", "two more water bombers", "two in a serious condition"', () => {
    const d = draft([
      'Four planes and 11 helicopters dropped water on the eastern flank.',
      'Two residents of the village, a man aged 71 and his wife, died on Sunday.',
      'Two more water bombers from a neighbouring country are due to arrive.',
      'Seventeen people were taken to hospital, two in a serious condition, the ambulance service said.',
    ].join('\n'))
    expect(values(d)).toEqual([4, 11, 2, 2, 17, 2])
    expect(d.figures.at(-1)?.attribution).toEqual({ en: 'the ambulance service' })
  })

  it('does not take a number that describes a noun, a reading on an index, or a span of years for a figure', () => {
    expect(values(draft('The 52,000-seat stadium was close to full. A 12-member panel met. The UV index stood at 9.'))).toEqual([])
    expect(values(draft('Heat-related admissions rose by 41% between 2015 and 2024.'))).toEqual([41])
  })

  it('takes a small number in passing for no figure: "two quays normally kept for cruise ships"', () => {
    expect(values(draft('The overflow berths, two quays normally kept for cruise ships, are full.'))).toEqual([])
  })

  it('gives each figure the source its sentence names: "according to", "X said", "the agency reported"', () => {
    const d = draft([
      'Some 1,400 containers are stuck on the quays, according to the Hallsford Chamber of Commerce.',
      'More than 1,900 people were injured, the agency reported.',
      'Coast guard spokesman Aris Pell said 287 people had been rescued.',
    ].join('\n'))
    expect(figure(d, 1400)?.attribution).toEqual({ en: 'Hallsford Chamber of Commerce' })
    expect(figure(d, 1900)?.attribution).toEqual({ en: 'the agency' })
    expect(figure(d, 287)?.attribution).toEqual({ en: 'Aris Pell' })
  })

  it('gives a figure in a "while" clause the source of the report it continues, unless the clause names its own', () => {
    const d = draft('The interior ministry said 312 prisoners had been released, while 148 soldiers were handed over by the rebels. Monitors counted 309, while the rebels said 276 had crossed.')
    expect(figure(d, 148)?.attribution).toEqual({ en: 'the interior ministry' })
    expect(figure(d, 276)?.attribution).toEqual({ en: 'the rebels' })
  })

  it('gives a figure the speaker whose partly quoted words it is in: said it had received only 276 … and that the remaining 36 “are still in cells”', () => {
    const d = draft('Its spokesman, Idris Kalan, said it had received only 276 of its members and that the remaining 36 “are still in cells nobody will show us”.')
    expect(figure(d, 276)?.attribution).toEqual({ en: 'Idris Kalan' })
    expect(figure(d, 36)?.attribution).toEqual({ en: 'Idris Kalan' })
    // The partial quote, and the reported speech around it (holdout 5's convention).
    expect(d.statements.map((s) => [s.kind, s.text])).toEqual([
      ['paraphrase', 'it had received only 276 of its members and that the remaining 36 “are still in cells nobody will show us”'],
      ['quote', 'are still in cells nobody will show us'],
    ])
  })

  it('reads a count a verb takes as its object as a figure, not a statement: "Hospitals admitted more than 1,900 people", "had reported 31 deaths"', () => {
    const d = draft('Hospitals in Salvora admitted more than 1,900 people with heat illness in the seven days to Saturday, the health ministry said on Sunday.', '2025-07-20')
    expect(figure(d, 1900)?.attribution).toEqual({ en: 'the health ministry' })
    expect(d.statements.map((s) => s.speaker?.name.en)).toEqual(['the health ministry'])
    const r = draft('The ministry had reported 31 deaths on Friday but corrected the figure on Saturday.', '2025-07-20')
    expect(figure(r, 31)?.attribution).toEqual({ en: 'the ministry' })
    expect(r.statements).toEqual([])
    // "reported 31 people were missing" is reported speech.
    expect(draft('The coastguard reported 31 people were missing.').statements.map((s) => s.kind)).toEqual(['paraphrase'])
  })

  it('resolves "the ministry" after "At least 23 deaths …, according to the ministry’s daily bulletin" to the ministry named before, never to "according to …"', () => {
    const d = draft('Hospitals admitted 1,900 people, the health ministry said on Sunday. At least 23 deaths have been linked to the heat, according to the ministry’s daily bulletin, most of them people over 75. The ministry had reported 31 deaths on Friday.', '2025-07-20')
    expect([23, 31].map((v) => figure(d, v)?.attribution)).toEqual([{ en: 'the health ministry' }, { en: 'the health ministry' }])
  })

  it('dates a figure by the period it counts: the first nine months, a year earlier, last year, the week to Friday, the seven days to Saturday', () => {
    const steel = draft('Imports rose to 2.3 million tonnes in the first nine months of the year, up from 1.4 million a year earlier, according to the trade ministry.', '2026-11-05')
    expect([2300000, 1400000].map((v) => figure(steel, v)?.asOf)).toEqual(['2026-09-30', '2025-09-30'])
    expect(figure(draft('Those goods were worth about 870 million euros last year, according to the customs service.', '2026-11-05'), 870000000)?.asOf).toBe('2025-12-31')
    expect(figure(draft('Water use rose 18% in the week to Friday, the water company said.', '2025-07-20'), 18)?.asOf).toBe('2025-07-18')
    expect(figure(draft('Hospitals admitted 1,900 people in the seven days to Saturday, the ministry said on Sunday.', '2025-07-20'), 1900)?.asOf).toBe('2025-07-19')
  })

  it('dates a figure by "in a statement on Monday" after it and "wrote to the league on Wednesday" before it', () => {
    expect(figure(draft('The group first valued the company at $2.4 billion in a statement on Monday.', '2026-03-17'), 2400000000)?.asOf).toBe('2026-03-16')
    expect(figure(draft('His former agent, Lars Hedin, wrote to the league on Wednesday claiming 10% of any fee.', '2025-08-29'), 10)?.asOf).toBe('2025-08-27')
  })

  it('dates a figure by the reporting clause before it, and gives "up from 241" the source of the count it compares', () => {
    const d = draft('The city council said on Monday it would hand out 1.5 million litres of bottled water this week.', '2026-02-18')
    expect(figure(d, 1500000)?.asOf).toBe('2026-02-16')
    const m = draft('The health ministry reported 318 new measles cases in the week to 14 March, up from 241 the week before.', '2026-03-20')
    expect(figure(m, 241)?.attribution).toEqual({ en: 'the health ministry' })
  })

  it('labels a figure without cutting a number in it or ending on the preposition of a date: "closing price of TVN 33.70", "TVN 39 a share on 9 December"', () => {
    const d = draft('The bid values the company at 2.1 billion tovens (TVN), 38% more than the closing price of TVN 33.70 on Friday. The board turned down an approach at TVN 39 a share on 9 December.', '2026-03-17')
    expect(figure(d, 38)?.label.en).toContain('TVN 33.70')
    expect(figure(d, 39)?.label.en).toMatch(/a share$/)
  })

  it('resolves "the agency" to the agency the article named before it', () => {
    const d = draft('The National Disaster Management Agency reported new deaths on Monday.\nAt least 143 people were killed, the agency said.')
    expect(figure(d, 143)?.attribution).toEqual({ en: 'National Disaster Management Agency' })
  })

  it('asks for a source instead of guessing when the sentence names none', () => {
    const f = figure(draft('On 14 November 2020, 63 people died when the ferry caught fire.'), 63)
    expect(f?.attribution).toBeUndefined()
    expect(f?.draft.needs).toEqual(['attribution'])
    expect(f?.date).toBe('2020-11-14')
  })

  it('dates a count to the day its sentence gives: "the 86 deaths it had confirmed on Tuesday evening"', () => {
    const d = draft('The toll has risen to at least 143, the agency said on Wednesday, up from the 86 deaths it had confirmed on Tuesday evening.', '2025-11-19')
    expect(figure(d, 143)).toMatchObject({ asOf: '2025-11-19', qualifier: 'at least' })
    expect(figure(d, 86)).toMatchObject({ asOf: '2025-11-18' })
  })

  it('gives a restated figure the source of the one it restates: "$4.2 billion, or 3.9% of output"', () => {
    const d = draft('He pledged to cut a deficit that the finance ministry put at $4.2 billion, or 3.9% of economic output, last year.')
    expect(figure(d, 4200000000)?.attribution).toEqual({ en: 'the finance ministry' })
    expect(figure(d, 3.9)?.attribution).toEqual({ en: 'the finance ministry' })
  })

  it('reads every age as no figure: "aged 24 and 31", "a boy of seven and the oldest a man of 66"', () => {
    expect(values(draft('Six people were still missing, among them two volunteer firefighters, aged 24 and 31, whose boat overturned.'))).toEqual([6])
    expect(values(draft('The coastguard said the youngest survivor was a boy of seven and the oldest a man of 66.'))).toEqual([])
  })

  it('reads a vote as two figures, for and against: "by a vote of 212–198", "by 219 votes to 190"', () => {
    const d = draft('Parliament approved the budget by a vote of 212–198 on Thursday. The amendment passed by 219 votes to 190.')
    expect(d.figures.map((f) => [f.value, f.label.en])).toEqual([[212, 'votes for'], [198, 'votes against'], [219, 'votes for'], [190, 'votes against']])
  })

  it('gives money the code of a currency the article names: "948.2 billion dravas (DRV)", then "31.4 billion dravas"', () => {
    const d = draft('The budget totals 948.2 billion dravas (DRV), up 4.5%. Defence gets 31.4 billion dravas. A fine of 300 dinars was waived.')
    expect(d.figures.map((f) => [f.value, f.unit])).toEqual([[948200000000, 'DRV'], [4.5, '%'], [31400000000, 'DRV'], [300, undefined]])
  })

  it('dates a statistic for a month as of its last day, and labels it by the reported clause’s subject: "said inflation rose to 3.4% in August"', () => {
    const d = draft('The statistics office said inflation rose to 3.4% in August from 3.1% in July. Inflation peaked at 9.8% in January 2023.', '2025-09-25')
    expect(figure(d, 3.4)).toMatchObject({ asOf: '2025-08-31', label: { en: 'inflation' }, attribution: { en: 'the statistics office' } })
    expect(figure(d, 3.1)?.asOf).toBe('2025-07-31')
    expect(figure(d, 9.8)?.asOf).toBe('2023-01-31')
  })

  it('takes the source out of "according to" results it published, and none from "according to past postal voting"', () => {
    const d = draft('The Civic Union won 34.2% of the vote, according to preliminary results the regional electoral commission published on Monday evening.\nTurnout was 63.4%, the commission said.\nA count by the broadcaster, which shares out the ballots still to be counted according to past postal voting, puts the Civic Union on 33 seats.', '2025-11-25')
    expect(figure(d, 34.2)?.attribution).toEqual({ en: 'the regional electoral commission' })
    expect(figure(d, 63.4)?.attribution).toEqual({ en: 'the regional electoral commission' })
    expect(figure(d, 33)?.attribution?.en).not.toBe('past postal voting')
  })

  it('gives a count "the ministry said on Friday it had recorded" to the ministry, and "the company" to the maker named two paragraphs up', () => {
    expect(figure(draft('The ministry said on Friday it had recorded 1,146 confirmed cases.', '2026-03-20'), 1146)?.attribution).toEqual({ en: 'the ministry' })
    const d = draft('Talvora Group, the Lindmatt-based maker of medical packaging, said on Wednesday its net profit fell 12%.\nNet profit was 168 million francs a year earlier.\nGroup sales rose 3.1% to 1.92 billion francs, the company said.', '2025-08-06')
    expect(figure(d, 1920000000)?.attribution).toEqual({ en: 'Talvora Group' })
  })

  it('reads a currency code written before the amount, when the article names it or it is a common ISO code, and never takes the code for a source', () => {
    const d = draft('Halden Rail reported a loss of 40 million korins (KRN) for the year. Sales in the six months to 30 June fell to KRN 1.2 billion, the company said. Its Swiss arm made CHF 12 million.', '2026-07-21')
    expect(figure(d, 1200000000)).toMatchObject({ unit: 'KRN', asOf: '2026-06-30' })
    expect(figure(d, 1200000000)?.attribution?.en).not.toBe('KRN')
    expect(figure(d, 12000000)).toMatchObject({ unit: 'CHF' })
    // Three capital letters the text never calls a currency stay no unit.
    expect(figure(draft('The NHS treated 300 patients.', '2026-07-21'), 300)?.unit).toBeUndefined()
  })

  it('dates a figure of a reporting period as of its last day, and one "a year earlier" a year before that', () => {
    const d = draft('Revenue in the three months to 30 June rose to 410 million euros. A year earlier it made a profit of 18 million euros.', '2026-07-21')
    expect(figure(d, 410000000)?.asOf).toBe('2026-06-30')
    expect(figure(d, 18000000)?.asOf).toBe('2025-06-30')
  })

  it('dates counts as of the day the document giving them came out, sources them to it, and gives "N of them" the same source', () => {
    // 12 June 2026 is a Friday; published the Monday after.
    const d = draft('The agency’s weekly report, published on Friday, counted 812 flooded homes, 97 of them destroyed.', '2026-06-15')
    // A document is its issuer's.
    expect(figure(d, 812)).toMatchObject({ asOf: '2026-06-12', attribution: { en: 'the agency' } })
    expect(figure(d, 97)).toMatchObject({ asOf: '2026-06-12', attribution: { en: 'the agency' }, label: { en: 'flooded homes: destroyed' } })
    // The day is when it was recorded, not who recorded it.
    expect(figure(draft('The flood agency’s report on Friday recorded 812 flooded homes.', '2026-06-15'), 812)?.attribution?.en).toBe('the flood agency')
    expect(figure(draft('At least 40 people were hurt, 12 of them seriously, police said.', '2026-06-15'), 12)?.attribution?.en).toBe('police')
    // Nor is what a relative clause says of the source.
    expect(figure(draft('The Red Crescent, which runs the two field hospitals, put the number of wounded at more than 300.', '2026-06-15'), 300)?.attribution?.en).toBe('Red Crescent')
  })

  it('dates a figure for "the year to March" as of the month’s last day, labels it by what rose, and sources it to figures "published last week by" an office', () => {
    const d = draft('Average rents in the city rose 14.5% in the year to March, to 1,920 solvars (SVR) a month, according to figures published last week by the national statistics office.', '2026-05-30')
    expect(figure(d, 14.5)).toMatchObject({ asOf: '2026-03-31', label: { en: 'Average rents in the city' }, attribution: { en: 'the national statistics office' } })
    expect(figure(d, 1920)).toMatchObject({ asOf: '2026-03-31', label: { en: 'Average rents in the city' } })
    expect(d.events.map((e) => e.dateText)).not.toContain('to March')
  })

  it('dates "in the same period last year" a year before the period, and labels a change "from a year earlier" by what changed', () => {
    const d = draft('Revenue in the three months to September fell 9% from a year earlier to 1.2 billion euros, and the group made a loss of 86 million euros against a profit of 12 million euros in the same period last year.', '2026-10-29')
    expect(figure(d, 9)).toMatchObject({ asOf: '2026-09-30', label: { en: 'Revenue in the three months to September' } })
    expect(figure(d, 86000000)?.asOf).toBe('2026-09-30')
    expect(figure(d, 12000000)?.asOf).toBe('2025-09-30')
  })

  it('labels a figure by the quantity named before it: "the case fatality rate of 1.8%", "a fine of 48,000", "raised its main interest rate … to 6.25%", "saying inflation of 8.4%"', () => {
    expect(figure(draft('The case fatality rate of 1.8% is well above the regional average.', '2026-01-09'), 1.8)?.label?.en).toBe('case fatality rate')
    expect(figure(draft('The inspectorate proposed a fine of 48,000 euros.', '2026-01-09'), 48000)?.label?.en).toMatch(/^fine\b/)
    const d = draft('The bank raised its main interest rate by half a percentage point to 6.25% on Tuesday, saying inflation of 8.4% was too high.', '2026-01-09')
    expect(figure(d, 6.25)?.label?.en).toBe('main interest rate')
    expect(figure(d, 8.4)?.label?.en).toBe('inflation')
  })

  it('takes a year before "was", an address and a time of day for no figure', () => {
    expect(values(draft('A fine proposed in 2023 was never paid.', '2025-12-10'))).toEqual([])
    expect(values(draft('She spoke to the crowd at 12 Harbour Road. The union rents offices at 40 Quay Street.', '2025-12-10'))).toEqual([])
    expect(values(draft('“He texted at ten to say the shift was quiet,” she said.', '2025-12-10'))).toEqual([])
    // A count stays one.
    expect(values(draft('The crowd grew to 2023 people, and police held them at two sites.', '2025-12-10'))).toEqual([2023, 2])
  })

  it('takes a case number and the age of the youngest or oldest victim for no figure', () => {
    expect(values(draft('Prosecutors opened case 3318/26 on Monday.', '2026-07-21'))).toEqual([])
    expect(values(draft('Nine people died. The oldest of the victims was 84.', '2026-07-21'))).toEqual([9])
  })
})
