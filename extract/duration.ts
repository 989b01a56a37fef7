// Duration candidate: a length of time the article gives to something ("a two-month
// blockade", "the 11-week strike", "lasted 48 hours"), tied to the event that started it:
// for an ongoing one, the event nearest to (published − length); for one that ended, an
// event whose words share the noun ("the strike began on 12 March").
import { addDays, addMonths, parseYmd } from './calendar'
import { parseWords } from './numbers'
import type { EventCandidate } from './events'
import type { Sentence } from './segment'
import type { Span } from './types'

export interface DurationCandidate {
  noun: string
  startEvent: number
  endEvent?: number
  excerpt: Span
  confidence: number
}

const DURATION = /\b(?:a|an|the|its|their)?\s*(?<n>\d+|[a-z]+(?:-[a-z]+)?)[-\s](?<unit>day|week|month|year)(?:s)?(?:-long)?\s+(?<noun>(?:[a-z]+\s+)?(?:blockade|siege|strike|ceasefire|truce|war|conflict|campaign|lockdown|closure|shutdown|occupation|standoff|stand-off|walkout|dispute|drought|outage|protest|protests|offensive|detention|trial|search|operation|ban|freeze|embargo|curfew|suspension))\b|\b(?<noun2>blockade|siege|strike|ceasefire|truce|war|lockdown|closure|shutdown|walkout|dispute|protest|trial|search|embargo|curfew)\b[^.]{0,40}?\blast(?:ed|ing)\s+(?<n2>\d+|[a-z]+)\s+(?<unit2>day|week|month|year)s?/gi

function amount(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : parseWords(s.replace(/-/g, ' '))
}

export function findDuration(text: string, sentences: Sentence[], events: EventCandidate[], published: string): DurationCandidate | undefined {
  const ref = parseYmd(published)
  if (!ref) return undefined
  DURATION.lastIndex = 0
  for (let m = DURATION.exec(text); m; m = DURATION.exec(text)) {
    const g = m.groups!
    const n = amount(g.n ?? g.n2)
    if (!n) continue
    const unit = (g.unit ?? g.unit2).toLowerCase()
    const noun = (g.noun ?? g.noun2).toLowerCase().split(/\s+/).pop()!
    const sentence = sentences.find((s) => s.start <= m!.index && m!.index < s.end)
    if (!sentence) continue
    const days = unit === 'day' ? n : unit === 'week' ? 7 * n : 0
    const months = unit === 'month' ? n : unit === 'year' ? 12 * n : 0
    const ended = /\blast(?:ed)\b|\bended\b|\bfollowing the collapse\b|\bafter\b/i.test(text.slice(sentence.start, sentence.end))
    let startEvent = events.findIndex((e) => new RegExp(`\\b${noun}`, 'i').test(e.label))
    if (startEvent < 0 && !ended) {
      // Ongoing ("has already led to"): it started about `length` before the article.
      const expected = months ? addMonths(ref, -months) : addDays(ref, -days)
      const target = Date.UTC(expected.y, expected.m - 1, expected.d)
      const span = (months * 30 + days) * 86400000
      let best = -1
      let bestGap = Infinity
      events.forEach((e, i) => {
        const d = parseYmd(e.date)!
        const gap = Math.abs(Date.UTC(d.y, d.m - 1, d.d) - target)
        if (gap < bestGap && gap <= span * 0.35) {
          best = i
          bestGap = gap
        }
      })
      startEvent = best
    }
    if (startEvent < 0) continue
    return { noun, startEvent, excerpt: { start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length }, confidence: 0.5 }
  }
  return undefined
}
