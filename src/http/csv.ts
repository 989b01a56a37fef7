// CSV for "Get the data" links (RFC 4180: CRLF rows, quoted fields, doubled quotes).
// A text cell that starts like a formula is prefixed with an apostrophe so spreadsheets
// show it instead of running it (OWASP "CSV injection").
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map(cell).join(',')]
  for (const row of rows) lines.push(columns.map((col) => cell(row[col])).join(','))
  return lines.join('\r\n') + '\r\n'
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  let s = String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
