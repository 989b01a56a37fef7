// Checks a holdout folder's gold files against their articles, the verbatim rule of
// /work/shared/CONTRACT.md (v2): every span occurs in the text after folding whitespace runs
// and curly quotes; a statement's text occurs in its excerpt; a figure's value (and valueMax)
// is written in its excerpt; a weekday named in a dateText is the weekday of the date.
// Usage: node tests/extract/check-holdout.mjs tests/extract/holdout3 (holdout2, holdout4, …)
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

if (!process.argv[2]) {
  console.error('usage: node tests/extract/check-holdout.mjs <folder>')
  process.exit(2)
}
const dir = resolve(process.argv[2])
const fold = (s) => s.replace(/\s+/g, ' ').replace(/[‘’ʼ]/g, "'").replace(/[“”„]/g, '"')
const words = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, dozen: 12 }
const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const qualifiers = [null, 'at least', 'approximately', 'about', 'around', 'more than', 'over', 'nearly',
  'almost', 'up to', 'some', 'fewer than']
const iso = /^\d{4}-\d{2}-\d{2}$/

function written(value, excerpt) {
  const t = excerpt.toLowerCase()
  const digits = t.match(/\d[\d,.]*/g) ?? []
  for (const d of digits) {
    // a comma or full stop right after the digits ends the sentence or clause ("by 219 votes to 190, raises")
    const n = Number(d.replace(/,(?=\d{3})/g, '').replace(/[.,]$/, ''))
    if (n === value) return true
  }
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)\s*(million|billion)/g)) {
    if (Math.round(Number(m[1]) * (m[2] === 'million' ? 1e6 : 1e9)) === value) return true
  }
  // "two dozen" is 24: a number word before "dozen" multiplies it, as the words say.
  for (const [w, n] of Object.entries(words)) {
    if (n * 12 === value && new RegExp(`\\b${w} dozen\\b`).test(t)) return true
  }
  return Object.entries(words).some(([w, n]) => n === value && new RegExp(`\\b${w}\\b`).test(t))
}

let problems = 0
const fail = (name, msg) => { problems++; console.log(`${name}: ${msg}`) }
for (const file of readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort()) {
  const name = file.replace('.expected.json', '')
  const raw = readFileSync(join(dir, `${name}.txt`), 'utf8')
  if (raw.endsWith('\n')) fail(name, 'text ends with a newline')
  const text = fold(raw)
  const gold = JSON.parse(readFileSync(join(dir, file), 'utf8'))
  if (!name.endsWith(gold.published)) fail(name, `published ${gold.published} is not the date in the file name`)
  const has = (where, s) => { if (!text.includes(fold(s))) fail(name, `${where} not in the text: ${s}`) }
  gold.figures.forEach((f, i) => {
    has(`figure ${i} excerpt`, f.excerpt)
    if (!written(f.value, f.excerpt)) fail(name, `figure ${i} value ${f.value} not written in: ${f.excerpt}`)
    if (f.valueMax !== undefined && !written(f.valueMax, f.excerpt)) fail(name, `figure ${i} valueMax ${f.valueMax} not written`)
    if (!qualifiers.includes(f.qualifier)) fail(name, `figure ${i} qualifier ${f.qualifier}`)
    if (!['exact', 'approximate'].includes(f.precision)) fail(name, `figure ${i} precision ${f.precision}`)
    if (!iso.test(f.asOf) || (f.date && !iso.test(f.date))) fail(name, `figure ${i} dates`)
    if (f.qualifier && !fold(f.excerpt).toLowerCase().includes(f.qualifier)) fail(name, `figure ${i} qualifier not in excerpt`)
  })
  gold.notFigures.forEach((s) => has('notFigure', s))
  gold.events.forEach((e, i) => {
    has(`event ${i} excerpt`, e.excerpt)
    if (e.dateText && !fold(e.excerpt).includes(fold(e.dateText))) fail(name, `event ${i} dateText not in excerpt`)
    if (!iso.test(e.date)) fail(name, `event ${i} date`)
    const day = weekdays.find((w) => (e.dateText ?? '').toLowerCase().includes(w))
    if (day && weekdays[new Date(`${e.date}T12:00:00Z`).getUTCDay()] !== day) fail(name, `event ${i} ${e.date} is not a ${day}`)
  })
  gold.statements.forEach((s, i) => {
    has(`statement ${i} excerpt`, s.excerpt)
    if (!fold(s.excerpt).includes(fold(s.text))) fail(name, `statement ${i} text not in its excerpt: ${s.text}`)
    if (!['quote', 'paraphrase'].includes(s.kind)) fail(name, `statement ${i} kind ${s.kind}`)
  })
  const n = raw.split(/\s+/).filter(Boolean).length
  console.log(`${name}: ${n} words, ${gold.figures.length} figures, ${gold.notFigures.length} notFigures, ` +
    `${gold.events.length} events, ${gold.statements.length} statements`)
}
console.log(problems ? `${problems} problem(s)` : 'all spans verbatim')
process.exit(problems ? 1 : 0)
