// Date finder. chrono-node reads absolute dates and simple deictics against the published
// date ("on 2 March", "7 October 2023", "on Monday", "three months ago"); our own finders
// take over where it misreads news copy (notes/anchors-v2.md): "two weeks later" counts
// from the event before it, not from the published date; "last week" is a week, not a day;
// "By May, 53,000" is May and a figure, not 1953; a bare month ("since May") is a month.
// Weekdays and years left out are resolved by tense: news reports the past unless the
// sentence speaks of the future ("will", "is due to", "next").
import { casual } from 'chrono-node/en'
import { type Ymd, addDays, addMonths, compare, format, isValidDay, mondayOf, parseYmd, weekday } from './calendar'
import { countWord } from './numbers'
import type { Precision, Span } from './types'

export type Granularity = 'day' | 'week' | 'month'

export interface DateMatch extends Span {
  date: string
  precision: Precision
  granularity: Granularity
  /** The date is written relative to another ("on Monday", "two weeks later"): keep the words. */
  relative: boolean
  rule: string
  confidence: number
  future: boolean
  /** The preposition before it, lower case: "on", "by", "since", "as of", "until", "in"… */
  lead?: string
  /** For "X later": the index in the result of the date it counts from. */
  anchor?: number
}

interface Candidate extends Span {
  rule: string
  own: boolean
  resolve(ctx: Context): Omit<DateMatch, 'start' | 'end' | 'rule' | 'future' | 'lead'> | undefined
}

interface Context {
  published: Ymd
  future: boolean
  approximate: boolean
  /** The last date resolved before this one, for "X later". */
  previous?: { match: DateMatch; index: number }
  /** Every date resolved before this one, for "two days after the quake". */
  earlier: DateMatch[]
  sentenceOf: (at: number) => Span
  sameParagraph: boolean
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const MONTH_ABBR: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 }
/** A month's name or abbreviation, in any case. */
const MONTH_WORD = new RegExp(`\\b(?:${[...MONTHS, ...Object.keys(MONTH_ABBR)].join('|')})\\b`, 'gi')

// ("planned" only with what it is planned for: "waiting for planned treatment" is no plan.)
const FUTURE = /\b(?:will|’ll|'ll|shall|(?:is|are) due|(?:is|are|was|were) (?:set|expected|scheduled|likely|forecast|predicted|projected|slated|poised)|scheduled|(?<!\b(?:a|the|its|their|his|her|our|new)\s)plans?\s+(?:to|a|an)\b|planned\s+(?:for|to|on)\b|intends? to|(?:expects?|hopes?|aims?)\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[a-z]+\s+){0,2}?to\s+[a-z]+|upcoming|is to|are to|could begin|could start|(?<!\b(?:its|the|a|their|his|her|our|new|latest|revised)\s)(?:forecast|predicted|expected|slated)\s+(?:to|for|on|by))\b/i
/**
 * Reported speech looks ahead from when it was said: "said on Tuesday that a decision would be
 * taken by Friday". "would have" is the past it was not.
 */
const WOULD = /\bwould\s+(?!have\b)(?:not\s+)?\p{L}/iu
/** A subject and its past verb: "she won", "that it signed", "which had closed". */
const PAST_CLAUSE = /\b(?:he|she|it|they|we|I|who|which|that)\s+(?:had\s+|was\s+|were\s+)?(?:\p{Ll}+ed|won|lost|made|took|gave|went|came|saw|left|ran|began|got|held|told|wrote|sold|paid|led|met|built|set up|broke|fell|rose|shot|hit|struck|fought|brought|bought|caught|chose|drove|flew|grew|knew|threw|spent|sent|lent)\b/u
/**
 * The present tense of a timetable: "talks resume on Monday", "the season, which begins on
 * August 16". Past events are told in the past tense, so these look ahead. Base forms only
 * where they are not an infinitive after a past verb ("agreed on Sunday to resume talks").
 */
const SCHEDULE = /\b(?:begins|resumes|reopens|convenes|meets|expires|starts|ends|opens|closes|arrives|departs|returns|runs|lasts|kicks off|takes place|gets under way|comes into force|goes ahead|(?<!\b(?:to|did|had|not)\s)(?:resume|reopen|convene|meet|expire|arrive|begin|kick off|take place|get under way|come into force|go ahead|open\s+(?:the|their|its)\s+(?:season|campaign|tournament|league\s+season)))\b/iu
/** Any word that says what will be (FUTURE, WOULD, SCHEDULE), to find the last one in a clause. */
const AHEAD_CUE = new RegExp(`${FUTURE.source}|${WOULD.source}|${SCHEDULE.source}`, 'giu')
/** A budget or plan for a year to come: "for the fiscal year beginning 1 April". */
const YEAR_AHEAD = /\bfor\s+the\s+(?:(?:fiscal|financial|tax|budget|school|academic|coming|new)\s+)?year\s+(?:beginning|starting|from)\s+$/i
/** A provision told in the present: what it raises, cuts or applies to, from a day on. */
const PROVISION = /\b(?:raises|lowers|lifts|increases|reduces|cuts|freezes|caps|go(?:es)? up|go(?:es)? down|rises?|falls?|takes? effect|appl(?:y|ies)|(?:is|are) (?:raised|lowered|cut|frozen|capped|increased|reduced))\b/i
const HEDGE_BEFORE = /\b(?:early|mid|late|around|about|nearly|almost|roughly|approximately|some|the end of|the start of|the beginning of|the middle of)[\s-]*$/i
/** Hedges that make a day approximate; "late on Saturday" is still Saturday. */
const DAY_HEDGE = /\b(?:around|about|nearly|almost|roughly|approximately|some)[\s-]*$/i
const LEAD = /\b(on|by|since|as of|until|till|from|in|before|after|through|during|starting|beginning)\s+(?:(?:early|mid|late|the end of|the start of|the beginning of|the middle of)[\s-]*)?$/i

function hedgeDay(hedge: string | undefined): number {
  if (!hedge) return 1
  if (/mid|middle/i.test(hedge)) return 15
  if (/late|end/i.test(hedge)) return 25
  return 1
}

/** The last day of a month. */
function lastDay(y: number, m: number): number {
  return addDays({ y: m === 12 ? y + 1 : y, m: m === 12 ? 1 : m + 1, d: 1 }, -1).d
}

const WEEKDAY_NAME = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i
/** "in the week to 14 March", "the seven days ending 3 May": a window told by its last day. */
const WINDOW = /^(?:in\s+|during\s+|over\s+)?the\s+(?:week|seven days)\s+(?:to|ending|up to)\s+/i

/** "on the night of 15 August": chrono reads the part of the day and leaves the date unknown. */
const PART_OF_DAY = /^(?:the\s+)?(?:night|morning|afternoon|evening)\s+of\s+/i

type Reading = Pick<ReturnType<typeof casual.parse>[number], 'index' | 'text' | 'start' | 'tags'> & {
  /** The end of a range ("until Friday" after "from Monday"): a weekday falls after its start. */
  rangeEnd?: boolean
}

/**
 * chrono's readings, with the date after "the night of" read as the date it is, and each end
 * of a range ("will strike from Monday until Friday") as a date of its own.
 */
function readings(text: string, instant: Date): Reading[] {
  return casual.parse(text, { instant, timezone: 0 }).flatMap((r): Reading[] => {
    // (chrono reads "from 3 May to 9 May" as from 3 o'clock: each end is read again alone.)
    const range = r.end && !WINDOW.test(r.text) ? /^((?:from\s+)?)(.+?)(\s+(?:until|till|to|through)\s+)(.+)$/i.exec(r.text) : null
    if (range) {
      const from = casual.parse(range[2], { instant, timezone: 0 })[0]
      const to = casual.parse(range[4], { instant, timezone: 0 })[0]
      if (from?.index === 0 && to?.index === 0) {
        return [
          { index: r.index + range[1].length, text: from.text, start: from.start, tags: () => from.tags() },
          { index: r.index + range[1].length + range[2].length + range[3].length, text: to.text, start: to.start, tags: () => to.tags(), rangeEnd: true },
        ]
      }
    }
    return [r]
  }).map((r) => {
    // "raised the number to 19 on Monday": chrono takes the count for a day of the month.
    const count = /^\d{1,2}\s+(?=on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)/i.exec(r.text)
    const part = count ?? PART_OF_DAY.exec(r.text)
    if (!part || (!count && r.start.isCertain('day'))) return r
    const rest = casual.parse(r.text.slice(part[0].length), { instant, timezone: 0 })[0]
    if (!rest || rest.index !== 0) return r
    return { index: r.index + part[0].length, text: rest.text, start: rest.start, tags: () => rest.tags() }
  })
}

/** chrono's readings, minus those notes/anchors-v2.md shows it getting wrong in news copy. */
function chronoCandidates(text: string, published: Ymd): Candidate[] {
  const instant = new Date(Date.UTC(published.y, published.m - 1, published.d, 12))
  const out: Candidate[] = []
  for (const r of readings(text, instant)) {
    const start = r.index
    // chrono keeps a comma after "On Sunday,"; the clause break is not the date's.
    const end = r.index + r.text.replace(/[\s,.;:]+$/, '').length
    const c = r.start
    // "parliament would vote in six months": a point that far ahead, where the sentence says
    // what will be; elsewhere "in three weeks" is a length of time.
    const span = /^in\s+(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(week|month|year)s?$/i.exec(r.text.replace(/[\s,.;:]+$/, ''))
    if (span && /\b(?:will|would|[’']ll|(?:is|are|was|were)\s+(?:due|expected|set)\s+to)\b[^.;!?]*$/i.test(text.slice(Math.max(0, start - 100), start))) {
      const n = countWord(span[1])!
      const unit = span[2].toLowerCase()
      out.push({
        start, end, rule: 'date-ahead', own: true,
        resolve(ctx) {
          const ymd = unit === 'week' ? addDays(ctx.published, 7 * n) : addMonths(ctx.published, unit === 'year' ? 12 * n : n)
          return { date: format(ymd), precision: 'approximate', granularity: unit === 'week' ? 'week' : 'month', relative: true, confidence: 0.6 }
        },
      })
      continue
    }
    // Month-only readings are ours (a bare month, "By May, 53,000"); so are "X later" and weeks.
    if (c.isCertain('month') && !c.isCertain('day') && !/\bago\b/i.test(r.text)) continue
    if (/\b(?:later|earlier|after|before|afterwards|following)\b/i.test(r.text)) continue
    if (/\b(?:next|last|this|past|coming)\b/i.test(r.text) && !/\bago\b/i.test(r.text) && !c.isCertain('weekday')) continue
    // A two-digit "year" taken from a figure that follows ("May 5, 53,000").
    if (/\d{1,2}$/.test(r.text) && /^[,.]\d/.test(text.slice(end, end + 2))) continue
    if (/^(?:now|currently)$/i.test(r.text.trim())) continue
    // "A second march is planned for 20 June": English writes a month with a capital; a
    // lower-case "march" or "may" is a word, never the month (chrono reads "second march" as 2 March).
    if ([...r.text.matchAll(MONTH_WORD)].some((w) => /^\p{Ll}/u.test(w[0]))) continue
    // Lengths of time, not dates: "in three weeks", "for five weeks", "within 20 minutes".
    const lead = text.slice(Math.max(0, start - 8), start)
    // (chrono marks the weekday of "for three days" certain: it is the weekday's name that counts.)
    if ((/^(?:in|for|within|over)\s/i.test(r.text) || /\b(?:in|for|within|over)\s+$/i.test(lead) || /^(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?|hours?|minutes?)$/i.test(r.text)) && !WEEKDAY_NAME.test(r.text) && !/\d{4}|january|february|march|april|may|june|july|august|september|october|november|december/i.test(r.text)) continue
    if (/weekend/i.test(r.text)) continue
    const window = WINDOW.exec(r.text)
    if (window) {
      // chrono reads "in the week" as a week from now. The window's last day is the date
      // written after it; the window is dated from its first day, as "since early March" is
      // 1 March, approximate.
      const last = casual.parse(r.text.slice(window[0].length), { instant, timezone: 0 })[0]?.start
      // "in the week to Friday": the week that ended on the last Friday (the publication day itself).
      if (last?.isCertain('weekday') && !last.isCertain('day')) {
        const wd = last.get('weekday')!
        out.push({
          start, end, rule: 'date-window', own: true,
          resolve(ctx) {
            return { date: format(addDays(resolveWeekday(ctx.published, wd, 'before', true), -6)), precision: 'approximate', granularity: 'week', relative: true, confidence: 0.7 }
          },
        })
        continue
      }
      if (!last?.isCertain('day') || !last.isCertain('month')) continue
      const m = last.get('month')!
      const d = last.get('day')!
      const year = last.isCertain('year') ? last.get('year')! : undefined
      out.push({
        start, end, rule: 'date-window', own: true,
        resolve(ctx) {
          const ymd = year !== undefined ? { y: year, m, d } : inferYear(ctx.published, m, d, ctx.future)
          return { date: format(addDays(ymd, -6)), precision: 'approximate', granularity: 'week', relative: false, confidence: 0.7 }
        },
      })
      continue
    }
    const yearCertain = c.isCertain('year')
    const day = c.isCertain('day') ? { m: c.get('month')!, d: c.get('day')!, y: c.get('year')! } : undefined
    const wd = c.isCertain('weekday') && !c.isCertain('day') ? c.get('weekday')! : undefined
    const relative = r.tags().has('result/relativeDate') || /\b(?:yesterday|today|tonight|tomorrow|ago)\b/i.test(r.text)
    const agoUnit = /\b(week|month|year)s?\s+ago\b/i.exec(r.text)?.[1]?.toLowerCase()
    const timeOnly = !c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month') && !relative
    // "at 22" is a number; a time is written as one (":", "p.m.", "midnight").
    if (timeOnly && !/[:.]\d|\b(?:a\.m\.|p\.m\.|am|pm|o[’']clock|noon|midnight|morning|afternoon|evening|night|dawn|dusk)\b/i.test(r.text)) continue
    out.push({
      start, end, rule: wd !== undefined ? 'date-weekday' : relative ? 'date-deictic' : 'date-absolute', own: false,
      resolve(ctx) {
        // A time alone ("at 11:40 p.m."): the day of the date before it in the same paragraph.
        if (timeOnly) {
          // "said on Saturday that … would keep them open until midnight": a time ahead of
          // the day before it is no day of its own.
          if (ctx.future) return undefined
          const prev = ctx.previous
          if (!prev || !ctx.sameParagraph || prev.match.granularity !== 'day') return undefined
          return { date: prev.match.date, precision: prev.match.precision, granularity: 'day', relative: true, anchor: prev.index, confidence: 0.6 }
        }
        if (agoUnit === 'year') return undefined
        if (agoUnit === 'month') {
          // "nearly three months ago" is less than three months: the month after, from its first day.
          const m = /\b(\w+)\s+months?\s+ago/i.exec(r.text)
          const n = (m && countWord(m[1])) ?? NaN
          if (!Number.isFinite(n)) return undefined
          let first = addMonths({ ...ctx.published, d: 1 }, -n)
          if (ctx.approximate && ctx.published.d > 1) first = addMonths(first, 1)
          return { date: format(first), precision: 'approximate', granularity: 'month', relative: true, confidence: 0.7 }
        }
        if (wd !== undefined) {
          const last = /\blast\s+\w+day\b/i.test(r.text)
          const next = /\b(?:next|this coming)\s+\w+day\b/i.test(r.text)
          // "will strike from Monday until Friday": the Friday after that Monday. A past range's
          // end is left to its excerpt ("ran from Tuesday to Thursday" is dated by its Tuesday).
          if (r.rangeEnd && !ctx.future) return undefined
          const start = r.rangeEnd && ctx.previous?.match.granularity === 'day' ? parseYmd(ctx.previous.match.date) : undefined
          const date = start ? resolveWeekday(start, wd, 'after', false) : resolveWeekday(ctx.published, wd, next || (!last && ctx.future) ? 'after' : 'before', !last && !next && !ctx.future)
          return { date: format(date), precision: ctx.approximate ? 'approximate' : 'exact', granularity: 'day', relative: true, confidence: 0.85 }
        }
        if (day) {
          let ymd: Ymd = { y: day.y, m: day.m, d: day.d }
          if (!yearCertain) ymd = inferYear(ctx.published, day.m, day.d, ctx.future)
          if (!isValidDay(ymd.y, ymd.m, ymd.d)) return undefined
          const approx = ctx.approximate || Boolean(agoUnit) || /\b(?:about|around|nearly|almost|some)\b/i.test(r.text)
          const granularity: Granularity = agoUnit === 'month' || agoUnit === 'year' ? 'month' : agoUnit === 'week' ? 'week' : 'day'
          return { date: format(ymd), precision: approx ? 'approximate' : 'exact', granularity, relative, confidence: yearCertain || relative ? 0.9 : 0.8 }
        }
        return undefined
      },
    })
  }
  return out
}

function resolveWeekday(published: Ymd, wd: number, direction: 'before' | 'after', sameDay: boolean): Ymd {
  const diff = (weekday(published) - wd + 7) % 7
  if (direction === 'before') return addDays(published, diff === 0 && !sameDay ? -7 : -diff)
  const ahead = (wd - weekday(published) + 7) % 7
  return addDays(published, ahead === 0 ? 7 : ahead)
}

/** A day and month without a year: the nearest past one, or the next one if the sentence looks ahead. */
function inferYear(published: Ymd, m: number, d: number, future: boolean): Ymd {
  const same = { y: published.y, m, d }
  if (future) return compare(same, published) < 0 ? { y: published.y + 1, m, d } : same
  // A day after the published date, with nothing looking ahead, was last year's.
  return compare(same, addDays(published, 1)) > 0 ? { y: published.y - 1, m, d } : same
}

const MONTH_RE = /\b(?:(?<hedge>early|mid|late|the end of|the start of|the beginning of|the middle of)[\s-]+)?(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)(?:,?\s+(?<year>(?:19|20)\d{2})\b)?/g

/** A month without a day: "in March", "since early May", "By May, 53,000", "October 2023". */
function monthCandidates(text: string): Candidate[] {
  const out: Candidate[] = []
  MONTH_RE.lastIndex = 0
  for (let m = MONTH_RE.exec(text); m; m = MONTH_RE.exec(text)) {
    const g = m.groups!
    const end = m.index + m[0].length
    const after = text.slice(end, end + 8)
    // A day follows ("March 12", "March 12th"): chrono's, unless it opens a grouped figure.
    if (!g.year && /^,?\s+\d{1,2}(?:st|nd|rd|th)?\b(?![,.]\d)/.test(after)) continue
    // A day before it ("2 March"): chrono's.
    if (/\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$/.test(text.slice(Math.max(0, m.index - 8), m.index))) continue
    // "May" is a month only where a preposition or a hedge says so.
    // "in the year to March": the end of a reporting period.
    const lead = LEAD.exec(text.slice(Math.max(0, m.index - 20), m.index)) ?? /(?<=\b(?:months?|quarter|half|year)\s+)(to|ending|ended)\s+$/i.exec(text.slice(Math.max(0, m.index - 20), m.index))
    const name = g.month.toLowerCase().replace(/\.$/, '')
    const month = MONTHS.indexOf(name) + 1 || MONTH_ABBR[name]
    // "had an engine replaced last March": the last March before this month; "next May" the
    // next one after it.
    const which = !g.hedge && !g.year ? /\b(last|next)\s+$/i.exec(text.slice(Math.max(0, m.index - 6), m.index)) : null
    if (which) {
      const ahead = which[1].toLowerCase() === 'next'
      out.push({
        start: m.index - which[0].length, end, rule: 'date-month', own: true,
        resolve(ctx) {
          const y = ahead ? (month > ctx.published.m ? ctx.published.y : ctx.published.y + 1) : month < ctx.published.m ? ctx.published.y : ctx.published.y - 1
          return { date: format({ y, m: month, d: 1 }), precision: 'approximate', granularity: 'month', relative: true, confidence: 0.7 }
        },
      })
      continue
    }
    if (g.month === 'May' && !g.hedge && !g.year && !lead) continue
    if (!lead && !g.hedge && !g.year) continue
    const year = g.year ? Number(g.year) : undefined
    // The words "since early March" are the date's, preposition included, as chrono writes "on 2 March".
    const leadStart = lead && !g.hedge ? m.index - (text.slice(Math.max(0, m.index - 20), m.index).length - lead.index) : m.index
    const hedgeLead = g.hedge ? /\b(?:since|in|by|until|from|through|before|after|during)\s+$/i.exec(text.slice(Math.max(0, m.index - 12), m.index)) : null
    out.push({
      start: hedgeLead ? m.index - hedgeLead[0].length : leadStart, end, rule: 'date-month', own: true,
      resolve(ctx) {
        let y = year ?? ctx.published.y
        if (year === undefined) {
          if (!ctx.future && month > ctx.published.m) y -= 1
          if (ctx.future && month < ctx.published.m) y += 1
        }
        // "until the end of September", and a deadline ahead ("by June 2027"): the last day of
        // the month, as a window that closes.
        // A month with its year after publication is ahead whatever the tense ("froze its rents until March 2027").
        const laterMonth = year !== undefined && (year > ctx.published.y || (year === ctx.published.y && month > ctx.published.m))
        const closes = /end/i.test(g.hedge ?? '') || ((ctx.future || laterMonth) && !g.hedge && /\b(?:by|until|till)\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index)))
        const d = closes ? lastDay(y, month) : hedgeDay(g.hedge)
        return { date: format({ y, m: month, d }), precision: 'approximate', granularity: 'month', relative: year === undefined, confidence: 0.75 }
      },
    })
  }
  return out
}

const PERIOD_RE = /\b(?:(?<which>last|next|this|past|coming|previous)\s+(?<unit>week|month|weekend|quarter)|(?<when>earlier|later)\s+this\s+(?<unit2>week|month))\b/gi

/** "last week", "next week", "earlier this month": the week or month, approximate. */
function periodCandidates(text: string): Candidate[] {
  const out: Candidate[] = []
  PERIOD_RE.lastIndex = 0
  for (let m = PERIOD_RE.exec(text); m; m = PERIOD_RE.exec(text)) {
    const g = m.groups!
    const unit = (g.unit ?? g.unit2).toLowerCase()
    const which = (g.which ?? 'this').toLowerCase()
    const step = which === 'last' || which === 'past' || which === 'previous' ? -1 : which === 'next' || which === 'coming' ? 1 : 0
    const later = g.when?.toLowerCase() === 'later'
    out.push({
      start: m.index, end: m.index + m[0].length, rule: 'date-period', own: true,
      resolve(ctx) {
        // "later this week": what is left of it, from the day after publication (the first day
        // of its span, as "since early March" is 1 March); never a day already past.
        if (later) {
          const next = addDays(ctx.published, 1)
          const sameSpan = unit === 'month' ? next.m === ctx.published.m : compare(mondayOf(next), mondayOf(ctx.published)) === 0
          return { date: format(sameSpan ? next : ctx.published), precision: 'approximate', granularity: 'day', relative: true, confidence: 0.75 }
        }
        // "will meet this week": the rest of the week, not its Monday if that has passed
        // ("earlier this week" is the part that has).
        const notBefore = (ymd: Ymd) => (step === 0 && !g.when && ctx.future && compare(ymd, ctx.published) < 0 ? ctx.published : ymd)
        // "in the past week": the seven days up to publication, not the calendar week before.
        if (which === 'past' && (unit === 'week' || unit === 'month')) {
          const from = unit === 'week' ? addDays(ctx.published, -7) : addMonths(ctx.published, -1)
          return { date: format(from), precision: 'approximate', granularity: unit === 'week' ? 'week' : 'month', relative: true, confidence: 0.75 }
        }
        if (unit === 'month') {
          const first = addMonths({ ...ctx.published, d: 1 }, step)
          return { date: format(notBefore(first)), precision: 'approximate', granularity: 'month', relative: true, confidence: 0.8 }
        }
        if (unit === 'quarter') {
          // "warned last quarter": the calendar quarter before this one, from its first day.
          const first = addMonths({ y: ctx.published.y, m: ctx.published.m - ((ctx.published.m - 1) % 3), d: 1 }, 3 * step)
          return { date: format(notBefore(first)), precision: 'approximate', granularity: 'month', relative: true, confidence: 0.7 }
        }
        if (unit === 'weekend') {
          const saturday = addDays(mondayOf(ctx.published), 5 + 7 * step)
          return { date: format(notBefore(saturday)), precision: 'approximate', granularity: 'day', relative: true, confidence: 0.75 }
        }
        const monday = addDays(mondayOf(ctx.published), 7 * step)
        return { date: format(notBefore(monday)), precision: 'approximate', granularity: 'week', relative: true, confidence: 0.85 }
      },
    })
  }
  return out
}

const LATER_RE = /\b(?:(?<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<unit>day|week|month|year)s?\s+(?<dir>later|earlier|afterwards?|on|before(?=\s*[,.;]|$)|after(?=\s*[,.;]|$))\b|the\s+(?:next|following)\s+(?<unit2>day|week|month|morning|evening|night)\b|the\s+(?<unit3>day|week|month|night)\s+(?<dir3>before|after)(?=\s*[,.;]|$)|(?<same>(?:later\s+|earlier\s+)?that\s+(?:afternoon|evening|night|morning|day)|the\s+same\s+day))/gi

/** "fell 14% from a year earlier", "up 5% on a year earlier": the base of a comparison, no date. */
const COMPARED = /\b(?:from|than|on|over|versus|vs\.?|compared\s+(?:with|to)|against)\s+$/i

/** `n` days, weeks, months or years from `from` (anything else counts as days: "the next morning"). */
function shiftBy(from: Ymd, unit: string, n: number): Ymd {
  if (unit === 'month') return addMonths(from, n)
  if (unit === 'year') return addMonths(from, 12 * n)
  return addDays(from, unit === 'week' ? 7 * n : n)
}

function granularityOf(unit: string): Granularity {
  return unit === 'month' || unit === 'year' ? 'month' : unit === 'week' ? 'week' : 'day'
}

/** "two weeks later", "a day earlier", "the following week": counted from the date before it. */
function laterCandidates(text: string): Candidate[] {
  const out: Candidate[] = []
  LATER_RE.lastIndex = 0
  for (let m = LATER_RE.exec(text); m; m = LATER_RE.exec(text)) {
    const g = m.groups!
    if (g.dir && /^(?:earlier|before)$/i.test(g.dir) && COMPARED.test(text.slice(Math.max(0, m.index - 16), m.index))) continue
    const unit = (g.unit ?? g.unit2 ?? g.unit3 ?? 'day').toLowerCase()
    const n = g.same ? 0 : g.n ? countWord(g.n)! : 1
    const dir = (g.dir ?? g.dir3 ?? 'later').toLowerCase()
    const sign = /^(?:earlier|before)$/.test(dir) ? -1 : 1
    out.push({
      start: m.index, end: m.index + m[0].length, rule: 'date-after-event', own: true,
      resolve(ctx) {
        const anchor = ctx.previous
        if (!anchor) return undefined
        if (g.same && anchor.match.granularity !== 'day') return undefined
        const ymd = shiftBy(parseYmd(anchor.match.date)!, unit, sign * n)
        const exact = (unit === 'day' || unit === 'morning' || unit === 'evening' || unit === 'night') && anchor.match.precision === 'exact' && !ctx.approximate
        return { date: format(ymd), precision: exact ? 'exact' : 'approximate', granularity: granularityOf(unit), relative: true, anchor: anchor.index, confidence: 0.75 }
      },
    })
  }
  return out
}

const COUNTED_RE = /\b(?:(?<within>within)\s+)?(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<unit>day|week|month|year)s?\s+(?<dir>after|before|of)\s+(?:(?<np>(?:the|a|an|its|their|his|her)\s+(?:[\p{L}’'-]+\s+){0,3}?(?<head>[\p{L}’'-]{3,}))(?=\s*(?:[,.;]|$))|(?=(?:the\s+)?(?:[\p{Lu}][\p{L}’'-]*\s+){1,4}?(?:of\s+(?:[\p{Lu}][\p{L}’'-]*\s+){1,3})?(?:\p{Ll}+(?:s|ed)|met|won|lost|held|began|struck|fell|rose|voted)\b))/giu

/**
 * "were still working in the area two days after the quake": counted from the day the text
 * gave that happening, the nearest date before it whose clause names it ("A magnitude 6.3
 * earthquake struck … late on Friday"), not from one that only counts from it ("30 hours
 * after the quake struck"). And "marched on Saturday, three days before parliament votes on
 * a bill": the clause after "before" is the happening, counted from its sentence's date.
 */
function countedCandidates(text: string): Candidate[] {
  const out: Candidate[] = []
  COUNTED_RE.lastIndex = 0
  for (let m = COUNTED_RE.exec(text); m; m = COUNTED_RE.exec(text)) {
    const g = m.groups!
    const n = countWord(g.n)!
    const unit = g.unit.toLowerCase()
    // "is due within 30 days of the landing": a deadline, counted from the landing, approximate.
    const within = g.within !== undefined
    if (g.dir.toLowerCase() === 'of' && (!within || !g.np)) continue
    const after = g.dir.toLowerCase() !== 'before'
    const at = m.index
    const end = m.index + m[0].length
    const shift = (from: Ymd, sign: number) => shiftBy(from, unit, sign * n)
    const granularity = granularityOf(unit)
    if (g.np) {
      const head = g.head.toLowerCase()
      if (/^(?:one|other|same|start|end|beginning|first|last|next|previous|day|week|month|year)$/.test(head)) continue
      const names = new RegExp(`\\p{L}*${head.replace(/[’']/g, '.')}`, 'iu')
      out.push({
        start: at, end, rule: 'date-after-happening', own: true,
        resolve(ctx) {
          for (let k = ctx.earlier.length - 1; k >= 0; k--) {
            const d = ctx.earlier[k]
            const sentence = ctx.sentenceOf(d.start)
            // The date's own clause: from the break before it to the break after it.
            const before = text.slice(sentence.start, d.start).replace(/(?<=\d),(?=\d{3}\b)/g, ' ')
            const from = sentence.start + before.search(/[^,;:—]*$/)
            const rest = text.slice(d.end, sentence.end).search(/[,;:—]/)
            const own = text.slice(from, rest < 0 ? sentence.end : d.end + rest)
            const hit = names.exec(own)
            if (!hit || /\b(?:after|before|since|until)\s+(?:the\s+|a\s+|its\s+)?(?:\p{L}+\s+)?$/iu.test(own.slice(0, hit.index))) continue
            const exact = unit === 'day' && d.precision === 'exact' && d.granularity === 'day' && !within
            return { date: format(shift(parseYmd(d.date)!, after ? 1 : -1)), precision: exact ? 'exact' : 'approximate', granularity, relative: true, anchor: k, confidence: 0.65 }
          }
          return undefined
        },
      })
    } else {
      // The happening is the clause that follows; the sentence dates what it is counted from.
      const words = text.slice(at, end).replace(/\s+$/, '')
      out.push({
        start: at, end: at + words.length, rule: 'date-before-happening', own: true,
        resolve(ctx) {
          const prev = ctx.previous
          if (!prev || prev.match.granularity !== 'day' || /[.!?]\s/.test(text.slice(prev.match.end, at))) return undefined
          const exact = unit === 'day' && prev.match.precision === 'exact'
          return { date: format(shift(parseYmd(prev.match.date)!, after ? -1 : 1)), precision: exact ? 'exact' : 'approximate', granularity, relative: true, anchor: prev.index, confidence: 0.6 }
        },
      })
    }
  }
  return out
}

const CLOSE_RE = /\b(?:(?<lead>by|before|until|till|through)\s+)?the\s+end\s+of\s+(?<which>the|this|next)\s+(?<unit>month|year)\b/gi
const YEAR_RE = /\b(?:(?<lead>from|in|by|until|since|during)\s+)?(?<which>next|last)\s+year\b(?![’']s)/gi
const WITHIN_RE = /\bwithin\s+(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<unit>hour|day|week)s?\b/gi

/**
 * Windows that close, and years named from this one: "by the end of the year" (its last
 * day), "next year" and "last year" (1 January of that year), and a deadline ahead
 * "within 72 hours" or "within 10 days", counted from the day the sentence dates (its
 * saying), else from publication. All approximate: the text gives no day.
 */
function windowCandidates(text: string): Candidate[] {
  const out: Candidate[] = []
  CLOSE_RE.lastIndex = 0
  for (let m = CLOSE_RE.exec(text); m; m = CLOSE_RE.exec(text)) {
    const g = m.groups!
    const year = g.unit.toLowerCase() === 'year'
    const step = g.which.toLowerCase() === 'next' ? 1 : 0
    out.push({
      start: m.index, end: m.index + m[0].length, rule: 'date-window-end', own: true,
      resolve(ctx) {
        const { y, m: month } = year ? { y: ctx.published.y + step, m: 12 } : addMonths({ ...ctx.published, d: 1 }, step)
        return { date: format({ y, m: month, d: lastDay(y, month) }), precision: 'approximate', granularity: 'month', relative: true, confidence: 0.7 }
      },
    })
  }
  YEAR_RE.lastIndex = 0
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) {
    // "up 5% on last year", "in the same quarter last year": the base of a comparison.
    const lead = text.slice(Math.max(0, m.index - 24), m.index)
    if (COMPARED.test(lead) || /\bsame\s+(?:\p{L}+\s+){1,2}$/iu.test(lead)) continue
    const step = m.groups!.which.toLowerCase() === 'next' ? 1 : -1
    out.push({
      start: m.index, end: m.index + m[0].length, rule: 'date-year', own: true,
      resolve(ctx) {
        return { date: format({ y: ctx.published.y + step, m: 1, d: 1 }), precision: 'approximate', granularity: 'month', relative: true, confidence: 0.6 }
      },
    })
  }
  WITHIN_RE.lastIndex = 0
  for (let m = WITHIN_RE.exec(text); m; m = WITHIN_RE.exec(text)) {
    const g = m.groups!
    const n = countWord(g.n)!
    const unit = g.unit.toLowerCase()
    const days = unit === 'hour' ? Math.ceil(n / 24) : unit === 'week' ? 7 * n : n
    const at = m.index
    // "within 30 days of the landing" counts from a happening the words name, not a date.
    if (/^\s+of\b/i.test(text.slice(at + m[0].length, at + m[0].length + 4))) continue
    out.push({
      start: m.index, end: m.index + m[0].length, rule: 'date-within', own: true,
      resolve(ctx) {
        // Only a deadline still to come: "had to leave within 48 hours" dates nothing new.
        if (!ctx.future || !Number.isFinite(days)) return undefined
        const prev = ctx.previous
        const sameSentence = prev && !/[.!?]\s/.test(text.slice(prev.match.end, at)) && prev.match.granularity === 'day'
        const from = sameSentence ? parseYmd(prev.match.date)! : ctx.published
        return { date: format(addDays(from, days)), precision: 'approximate', granularity: 'day', relative: true, ...(sameSentence ? { anchor: prev.index } : {}), confidence: 0.6 }
      },
    })
  }
  return out
}

/**
 * Whether the clause a date sits in speaks of the future: "will not commence until … next
 * week" does, "announced on Monday that its aim is to launch" does not (the verb that the
 * date belongs to is "announced"; what follows "that" is another clause).
 */
function looksAhead(text: string, sentence: Span, start: number, end: number): boolean {
  // The comma of "PNT 2,500" is no clause break (a thin space keeps the offsets).
  const before = text.slice(sentence.start, start).replace(/(?<=\d),(?=\d{3}\b)/g, '\u2009')
  const reported = before.search(/(?:\bthat\b|\bsaid\b)(?!.*\b(?:that|said)\b)[^,;:—]*$/)
  const cut = Math.max(before.search(/[^,;:—]*$/), reported + 4)
  let clause = before.slice(cut > 0 ? cut : 0)
  // "will meet the sports minister, Clara Obando, on Monday": commas that set off a name
  // leave the date's own clause with nothing but its preposition; its verb is before them.
  if (/^\s*(?:on|by|at|in|from|until|till|before|after)?\s*$/i.test(clause)) clause = before.slice(Math.max(0, reported >= 0 ? reported + 4 : 0))
  const afterRaw = text.slice(end, Math.min(sentence.end, end + 40))
  // What follows "and" or "when" is a clause of its own: "released aid on Saturday and said
  // it would decide on Monday", "collapsed in early September when Forward quit". So is
  // what follows "said on Tuesday": "said on Tuesday it would cut 2,400 jobs" is dated by
  // its saying, and the cuts are the reported clause's.
  const saidOn = /\b(?:said|says|announced|told\s+[\p{L} ]{1,40}?|warned|added|confirmed|declared)\s+(?:(?:late|early)\s+)?(?:on\s+)?$/iu.test(before)
  const after = saidOn ? '' : afterRaw.split(/[,;:—]|\b(?:that|and|when|after|before)\b/)[0]
  // "will keep the world title she won in Asmara in August": a past clause of its own
  // between what will be and the date.
  const ahead = (s: string) => {
    const cue = [...s.matchAll(AHEAD_CUE)].pop()
    return cue !== undefined && !PAST_CLAUSE.test(s.slice(cue.index + cue[0].length))
  }
  // "The ban runs from 2 December, when she was provisionally suspended": a day gone by.
  if (/^,?\s+when\s+(?:[\p{L}’'-]+\s+){0,4}?(?:was|were|had|did|\p{Ll}+ed)\b/u.test(afterRaw)) return false
  // "results from 14 November onwards would be annulled": since a day gone by.
  if (/\bfrom\s+$/i.test(before) && /^\s+onwards?\b/i.test(afterRaw)) return false
  // "The road stays closed until Monday", "two schools have closed until 27 March", "has
  // banned all outdoor burning until the end of September": a state that lasts until a day
  // is still to end. So is one the sentence says will last: "teams will work from schools,
  // churches and market stalls until 22 February".
  const untilLead = /\b(?:until|till)\s+(?:at\s+least\s+)?(?:(?:the\s+(?:end|start|beginning|middle)\s+of|early|mid|late)[\s-]+)?$/i.test(before)
  const until = (untilLead || /^(?:until|till)\s/i.test(text.slice(start, end))) && (/\b(?:is|are|remains?|stays?|has|have)\b/i.test(clause) || ahead(before.slice(Math.max(0, reported + 4))))
  // "the fiscal year beginning 1 April", "raises the pension by 3% from July", "wages go up
  // by 4% from April": when a provision takes effect, told in the present.
  const takesEffect = (/\b(?:beginning|starting|from|effective)\s+$/i.test(before) || /^(?:beginning|starting|from|effective)\s/i.test(text.slice(start, end))) && (YEAR_AHEAD.test(clause) || PROVISION.test(clause))
  // "A wider shaft could reach them by Saturday": what may yet happen, by a day.
  const possible = /\b(?:by|before)\s+$/i.test(before) && /\b(?:could|may|might|should|must|can)\s+(?!have\b)\p{Ll}/iu.test(clause)
  // "if no budget is in force by 1 April": a deadline for a state that does not hold yet.
  const deadline = /\bby\s+$/i.test(before) && /\b(?:is|are|isn[’']t|aren[’']t)\b/i.test(clause) && !/\b(?:was|were|had|has|have)\b/i.test(clause)
  // "set a hearing for 14 April", "adjourned the case until 3 May": an appointment.
  const appointed = /\b(?:set|fixed|scheduled|booked|called|adjourned|postponed|deferred|moved|put back|pushed back)\b.*\b(?:for|until|to)\s+$/i.test(clause)
  return ahead(clause) || ahead(after) || until || appointed || takesEffect || deadline || possible || /\b(?:next|coming|tomorrow)\b/i.test(text.slice(start, end))
}

/** Keeps one candidate per stretch of text: ours over chrono's, then the longer. */
function removeOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Candidate[] = []
  for (const c of sorted) {
    const last = out[out.length - 1]
    if (last && c.start < last.end) {
      const better = c.own !== last.own ? c.own : c.end - c.start > last.end - last.start
      if (better) out[out.length - 1] = c
      continue
    }
    out.push(c)
  }
  return out
}

/**
 * Every date in the text, resolved against `published` (YYYY-MM-DD) and, for dates counted
 * from another, against the nearest date before them. `sentenceOf` gives the span of the
 * sentence around an offset: its tense decides past or future for weekdays and bare months.
 */
export function findDates(text: string, published: string, sentenceOf: (at: number) => Span): DateMatch[] {
  const ref = parseYmd(published)
  if (!ref) return []
  const candidates = removeOverlaps([...chronoCandidates(text, ref), ...monthCandidates(text), ...periodCandidates(text), ...laterCandidates(text), ...countedCandidates(text), ...windowCandidates(text)])
  const out: DateMatch[] = []
  for (const c of candidates) {
    const sentence = sentenceOf(c.start)
    const clauseBefore = text.slice(sentence.start, c.start)
    const words = text.slice(c.start, c.end)
    const future = looksAhead(text, sentence, c.start, c.end)
    const hedge = HEDGE_BEFORE.exec(clauseBefore)
    let start = c.start
    if (hedge && c.rule !== 'date-month') start = c.start - hedge[0].length
    const previous = out.length ? { match: out[out.length - 1], index: out.length - 1 } : undefined
    const sameParagraph = previous ? !/\n/.test(text.slice(previous.match.end, c.start)) : false
    const approximate = c.rule === 'date-absolute' || c.rule === 'date-weekday' ? DAY_HEDGE.test(clauseBefore) : Boolean(hedge)
    const ctx: Context = { published: ref, future, approximate, previous, sameParagraph, earlier: out, sentenceOf }
    const resolved = c.resolve(ctx)
    if (!resolved) continue
    const leadMatch = /^(on|by|since|as of|until|from|in)\s/i.exec(words) ?? LEAD.exec(text.slice(Math.max(sentence.start, start - 24), start))
    out.push({ start, end: c.end, rule: c.rule, future, lead: leadMatch?.[1].toLowerCase(), ...resolved })
  }
  return out
}
