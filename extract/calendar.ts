// Calendar arithmetic on YYYY-MM-DD strings, in UTC: no clock and no time zone, so a draft
// is the same wherever and whenever it is made.

export interface Ymd {
  y: number
  m: number // 1–12
  d: number
}

export function parseYmd(s: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return undefined
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
  return format(ymd) === s && ymd.m >= 1 && ymd.m <= 12 ? ymd : undefined
}

function toUtc({ y, m, d }: Ymd): Date {
  const date = new Date(Date.UTC(2000, m - 1, d))
  date.setUTCFullYear(y)
  return date
}

function fromUtc(date: Date): Ymd {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() }
}

/** A real calendar date written YYYY-MM-DD (rolls over "31 February" the way Date does). */
export function format(ymd: Ymd): string {
  const { y, m, d } = fromUtc(toUtc(ymd))
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function isValidDay(y: number, m: number, d: number): boolean {
  const r = fromUtc(toUtc({ y, m, d }))
  return r.m === m && r.d === d
}

export function addDays(ymd: Ymd, days: number): Ymd {
  const t = toUtc(ymd)
  t.setUTCDate(t.getUTCDate() + days)
  return fromUtc(t)
}

export function addMonths(ymd: Ymd, months: number): Ymd {
  const total = ymd.y * 12 + (ymd.m - 1) + months
  const y = Math.floor(total / 12)
  const m = (total % 12) + 1
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { y, m, d: Math.min(ymd.d, last) }
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(ymd: Ymd): number {
  return toUtc(ymd).getUTCDay()
}

/** The Monday of the week `ymd` is in (ISO weeks start on Monday). */
export function mondayOf(ymd: Ymd): Ymd {
  return addDays(ymd, -((weekday(ymd) + 6) % 7))
}

export function compare(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d
}
