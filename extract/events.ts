// Events: the clause a date sits in is what happened then ("Israel halted all deliveries
// of aid … on 2 March"). Dates that only say as of when a figure counts ("as of Tuesday")
// are no event; an attribution is kept where the sentence gives one ("According to Israeli
// officials, … next week") or where the date sits inside someone's reported speech.
import type { DateMatch } from './dates'
import { mainSubject } from './subjects'
import { type Sentence, sentenceAt } from './segment'
import type { StatementCandidate } from './statements'
import type { Precision, Span } from './types'

export interface EventCandidate {
  label: string
  date: string
  precision: Precision
  dateText?: string
  attribution?: string
  excerpt: Span
  dateSpan: Span
  rule: string
  confidence: number
  dateIndex: number
}

/** The clause around [start, end): between commas, semicolons or dashes, never inside a date. */
function clause(text: string, sentence: Sentence, d: Span, dates: Span[]): Span {
  const isBreak = (i: number) => {
    const c = text[i]
    if (c !== ',' && c !== ';' && c !== '—' && c !== '–' && c !== ':') return false
    if (c === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) return false
    return !dates.some((x) => x.start <= i && i < x.end)
  }
  let s = d.start
  while (s > sentence.start && !isBreak(s - 1)) s--
  let e = d.end
  while (e < sentence.end && !isBreak(e)) e++
  // A clause that is only the date ("On Monday,") takes the next one; at the end of its
  // sentence ("will meet the sports minister, Clara Obando, on Monday."), what the commas
  // set off is a name, and the happening is the sentence before it.
  if (!/[\p{L}]{3,}/u.test(text.slice(s, d.start) + text.slice(d.end, e).replace(/^[\s.]+$/, ''))) {
    if (e < sentence.end && !/^[\s.!?]*$/.test(text.slice(e, sentence.end))) {
      e++
      while (e < sentence.end && !isBreak(e)) e++
    } else s = sentence.start
  }
  // "left at 9:15 p.m. on Saturday and sent a distress call at 11:40 p.m.": two happenings.
  const AND_VERB = /\s+and\s+(?=\p{Ll}+ed\b|(?:sent|left|took|made|went|came|held|met|began|ran|fell|rose|won|lost|hit|struck|said|told|gave|got|saw|set|put|kept|sank|flew|drove|broke|spoke|wrote)\b)/gu
  for (const m of text.slice(s, e).matchAll(AND_VERB)) {
    const at = s + m.index!
    if (at + m[0].length <= d.start) s = at + m[0].length
    else if (at >= d.end) {
      e = at
      break
    }
  }
  while (s < e && /[\s,;:—–]/.test(text[s])) s++
  while (e > s && /[\s,;:.!?—–]/.test(text[e - 1])) e--
  return { start: s, end: e }
}

const LEADING = /^(?:and|but|though|although|while|as|so|yet|then|which|after|before|when)\s+/i

/** What only says who said something, up to its date: "the city said in a statement", "X told reporters". */
const ONLY_SAID = /^(?:[^,;]{0,80}?\s)?(?:said|says|added|noted|stated|wrote|estimated|told\s+(?:reporters|journalists|a\s+news\s+conference|a\s+briefing|(?:the\s+)?[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*\s+news\s+agency))(?:\s+(?:in|at)\s+(?:a|an|its|their)\s+(?:\p{L}+\s+)?(?:statement|report|interview|post|briefing|update|news\s+conference))?$/u

export function findEvents(text: string, sentences: Sentence[], dates: DateMatch[], statements: StatementCandidate[]): EventCandidate[] {
  const out: EventCandidate[] = []
  dates.forEach((d, i) => {
    if (d.lead === 'as of') return
    // A date in someone's own words is theirs to date; the quote is the item.
    if (statements.some((s) => s.kind === 'quote' && s.text.start <= d.start && d.end <= s.text.end && s.rule !== 'quote-unopened-after-verb')) return
    const found = sentenceAt(sentences, d.start)
    const sentence = found && found.start <= d.start ? found : undefined
    if (!sentence) return
    const c = clause(text, sentence, d, dates)
    let excerpt = c
    // "inflation rose to 3.4% in August": the month a rate covers, not an event ("paid
    // $900,000 in March" is one).
    if (d.granularity === 'month' && /\d\s*(?:%|per\s?cent|percent)\s*(?:of\s+(?:its\s+|their\s+|the\s+)?\p{L}+\s+)?(?:in\s+)?$/iu.test(text.slice(Math.max(sentence.start, d.start - 40), d.start)) && (d.lead === 'in' || /^in\s/i.test(text.slice(d.start, d.end)))) return
    // "…, the health ministry said on Wednesday", "the board said on Tuesday that …": when a
    // statement was made is the statement's date, not an event of the story. An announcement,
    // or speaking to parliament or a rally, still is one.
    // So is "Halvard will cut 1,200 jobs, the company said on Thursday": the cuts are the
    // item, dated by their saying (holdouts 5 to 7 decided so; the first holdout had kept the
    // announcement as an event).
    const prefix = text.slice(c.start, d.start).replace(/\s+/g, ' ').trim()
    const suffix = text.slice(d.end, c.end).replace(/\s+/g, ' ').trim()
    // "said on Monday it would hand out …": what follows is the reported speech itself.
    const reportedNext = statements.some((s) => s.kind === 'paraphrase' && s.text.start >= d.end && !/\S/.test(text.slice(d.end, s.text.start).replace(/^\s*(?:morning|afternoon|evening|night)?\s*(?:that)?/, '')))
    if (ONLY_SAID.test(prefix) && (reportedNext || /^(?:(?:morning|afternoon|evening|night)\b\s*)?(?:that\s.*)?$/.test(suffix))) return
    // `“…,” he said after training on Friday`, `“…,” he told parliament on Thursday`: the day
    // of the quote before it.
    if (/^[”"’»]\s*(?:[^,;”"]{0,60}\s)?(?:said|says|added|told|wrote)\b[^,;“”"]{0,60}$/.test(prefix) && !/\S/.test(suffix.replace(/^(?:morning|afternoon|evening|night)\b/, ''))) return
    // "the toll had reached 300 by Tuesday": a figure's date, not an event. So is "had
    // fallen to 61% last year", and the end of a reporting period ("revenue in the three
    // months to 30 September") or a record's start ("their lowest since March 2020").
    const figureInClause = /\d/.test(text.slice(c.start, c.end).replace(text.slice(d.start, d.end), ''))
    if (d.lead === 'by' && !d.future && figureInClause) return
    if (d.rule === 'date-year' && figureInClause) return
    // "Shares in Halgreth fell 22% on Tuesday", "the yield fell to 7.1% on Friday from 7.6% a
    // week earlier": a market's move is a figure with its day, not a happening.
    if (figureInClause && /\b(?:fell|rose|dropped|jumped|climbed|slumped|gained|lost|slipped|surged|plunged|edged\s+(?:up|down)|soared|tumbled|closed)\s+(?:by\s+|to\s+|more\s+than\s+|about\s+|nearly\s+)*[\d.,]+\s?%/i.test(text.slice(c.start, c.end))) return
    // "up from 1.21 million a year before", "up from 720 ketals in January": the base a figure
    // is compared with, not a happening.
    if (/\b(?:up|down|rising|falling|increased|decreased|rose|fell)\s+(?:\p{L}+\s+)?from\s+(?:about\s+|some\s+|nearly\s+)?[\d.,]+(?:\s+[\p{L}()]+){0,3}\s+(?:in\s+|on\s+)?$/iu.test(text.slice(Math.max(sentence.start, d.start - 60), d.start))) return
    // A price on its day: "Helmark’s closing price of TVN 33.70 on Friday", "a kilogram of
    // maize flour sold for 1,450 ketals on Wednesday".
    if (figureInClause && /\b(?:clos(?:ing|ed)\s+(?:price\s+)?(?:of|at)|(?:sold|traded|cost|costs|fetched|priced)\s+(?:for|at))\s+[^,;]{0,30}\d(?:[^,;]|,(?=\d))*$/i.test(text.slice(c.start, d.start))) return
    // "rescued 212 people at sea between Thursday and Saturday": the window a count covers.
    if (figureInClause && (/\bbetween\s+$/i.test(text.slice(Math.max(sentence.start, d.start - 10), d.start)) || /\bbetween\s+(?:[\p{L}\d]+\s+){1,3}and\s+$/iu.test(text.slice(Math.max(sentence.start, d.start - 40), d.start)))) return
    // "More than 1,300 people reached the island in the past week": the window a count covers.
    if (/\bpast\s+(?:week|month)\b/i.test(text.slice(d.start, d.end)) && figureInClause) return
    // "have lost some 30,000 cattle since February", "its third increase since September": the
    // start of what a count or an ordinal adds up, not a happening ("on strike since 23
    // February" is one).
    if (/^since\s/i.test(text.slice(d.start, d.end)) || d.lead === 'since') {
      // The count is in the date's own clause: before it, or after "Since January,".
      const opens = !/\S/.test(text.slice(sentence.start, d.start))
      const noGrouping = (s: string) => s.replace(/(?<=\d),(?=\d{3}\b)/g, '')
      const after = noGrouping(text.slice(d.end, sentence.end))
      const rest = opens ? after : (noGrouping(text.slice(sentence.start, d.start)).split(/[,;:—]/).pop() ?? '') + after.split(/[,;:—]/)[0]
      const counted = rest.replace(/\b(?:1[89]|20)\d{2}\b|\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b\.?/gi, '')
      if (/\d/.test(counted) || /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:[\p{L}-]+\s+){0,2}?(?:since\s+)?$/iu.test(text.slice(Math.max(sentence.start, d.start - 40), d.start))) return
    }
    const ownLead = /^(to|since|in|on|by|from|until|ending|ended)\s/iu.exec(text.slice(d.start, d.end))?.[1]
    const leading = text.slice(Math.max(sentence.start, d.start - 40), d.start) + (ownLead ? `${ownLead} ` : '')
    if (/\b(?:months?|weeks?|quarter|half|year|hours|days)\s+(?:to|ended|ending)\s+$/i.test(leading) || /\b(?:lowest|highest|largest|smallest|biggest|worst|best|fewest|most|least)\s+(?:\p{L}+\s+)?since\s+$/iu.test(leading)) return
    let label = (text.slice(c.start, d.start) + text.slice(d.end, c.end)).replace(/\s+/g, ' ').replace(/\s+([,.;])/g, '$1').trim()
    const lead = LEADING.exec(label)
    // "the new season, which begins on August 16": the happening is the season beginning.
    const antecedent = lead && /^wh/i.test(lead[0]) ? /.*\b((?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+[^,;:]{1,60}?|[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*)\s*,\s*$/dsu.exec(text.slice(sentence.start, c.start)) : null
    if (lead && antecedent) {
      const at = sentence.start + antecedent.indices![1][0]
      label = `${antecedent[1]} ${label.slice(lead[0].length)}`
      excerpt = { start: at, end: c.end }
    } else if (lead) {
      label = label.slice(lead[0].length)
      excerpt = { start: c.start + (text.slice(c.start, c.end).startsWith(lead[0]) ? lead[0].length : 0), end: c.end }
      // "…, and resumed its offensive two weeks later": the sentence's subject did it.
      if (/^[\p{Ll}]+(?:ed|d)\b/u.test(label)) {
        const subject = mainSubject(text, sentence, c.start)
        if (subject) label = `${text.slice(subject.start, subject.end)} ${label}`
      }
    }
    label = label.replace(/\s+(?:on|in|at|by|since|from|until)$/i, '').replace(/^(?:on|in)\s+/i, '').replace(/^[\s,;:—–]+/, '').replace(/[\s,;:—–]+$/, '')
    // "Ostrova’s coach, Pavel Dunai, resigned last week", "…, and ends on 1 December 2029": a
    // verb alone in its clause; who or what did it is the sentence's subject.
    if (/^(?:\p{Ll}+(?:ed|s)|won|lost|left|quit|fell|rose|began|met|went|came|died|sank|struck|broke)$/u.test(label) && !/^(?:said|says|added|adds|stated|noted|warned|claimed|reported|announced|confirmed|denied|insisted|argued|estimated|is|was|has|does|as|its|this|thus|plus|less|unless)$/.test(label)) {
      // "Her B sample, tested two weeks later, confirmed …": a noun phrase alone before it.
      const alone = /^\s*((?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}’'-]+\s+){0,3}?[\p{L}’'-]+)\s*,\s*$/du.exec(text.slice(sentence.start, c.start))
      const subject = mainSubject(text, sentence, c.start) ?? (alone ? { start: sentence.start + alone.indices![1][0], end: sentence.start + alone.indices![1][1] } : undefined)
      if (subject && subject.end <= c.start) {
        // The noun phrase only: "The ban runs from 2 December" is "The ban".
        const np = /^((?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}’'-]+\s+){0,3}?[\p{L}’'-]+?)\s+(?:\p{Ll}+(?:s|ed)|was|were|is|are|has|had|will|would)\b/u.exec(text.slice(subject.start, subject.end))
        label = `${(np ? np[1] : text.slice(subject.start, subject.end)).replace(/\s+/g, ' ')} ${label}`
        excerpt = { start: subject.start, end: excerpt.end }
      }
    }
    if (label.split(/\s+/).length < 2) return
    const host = statements.find((s) => s.kind === 'paraphrase' && s.speaker && s.text.start <= d.start && d.end <= s.text.end)
    const according = /\baccording to\s+(?:the\s+)?([^,.;]+)/i.exec(text.slice(sentence.start, sentence.end))
    const attribution = host?.speaker?.name ?? according?.[1]
    if (out.some((e) => e.date === d.date && e.excerpt.start < excerpt.end && excerpt.start < e.excerpt.end)) return
    out.push({
      label: label[0].toUpperCase() + label.slice(1),
      date: d.date,
      precision: d.precision,
      dateText: d.relative ? text.slice(d.start, d.end) : undefined,
      attribution,
      excerpt,
      dateSpan: { start: d.start, end: d.end },
      rule: d.rule,
      confidence: d.confidence,
      dateIndex: i,
    })
  })
  return out
}
