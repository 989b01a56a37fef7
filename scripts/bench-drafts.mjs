// npm run bench:drafts — the draft extractor (extract/) over every gold article in
// tests/extract/articles and the bundled story's article, scored per item kind against the
// hand-made *.expected.json files; then the same over tests/extract/holdout (articles written
// after the rules by someone who had not read them), as a table of its own; then timed on a
// ~2,000-word article in Node.
//   GAZA_ARTICLE=path   where the bundled story's article is (default: ../shared/source/article.txt
//                       beside the repo, or sources[0].text of data/gaza-2025-05-06.json)
//   RUNS=n              timing runs (default 200)
// Matching: a figure by its value (and the nearest excerpt when values repeat); an event by
// its date and an overlapping excerpt; a quote by its exact words; a paraphrase when its
// words cover at least half of the gold words; a speaker by name (case, "the", possessive
// and one side's extra words aside, or the same surname).
import { build } from 'esbuild'
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(mkdtempSync(join(tmpdir(), 'factbox-drafts-')), 'extract.mjs')
await build({ entryPoints: [join(repo, 'extract/index.ts')], bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], outfile: out, logLevel: 'error' })
const { draftStory } = await import(pathToFileURL(out).href)

function gazaText() {
  const candidates = [process.env.GAZA_ARTICLE, join(repo, '../shared/source/article.txt'), join(repo, '../../shared/source/article.txt')].filter(Boolean)
  for (const c of candidates) if (existsSync(c)) return readFileSync(c, 'utf8')
  const data = JSON.parse(readFileSync(join(repo, 'data/gaza-2025-05-06.json'), 'utf8'))
  return data.sources?.[0]?.text
}
const load = (dir) => readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort().map((f) => {
  const name = f.replace(/\.expected\.json$/, '')
  const gold = JSON.parse(readFileSync(join(dir, f), 'utf8'))
  const text = existsSync(join(dir, `${name}.txt`)) ? readFileSync(join(dir, `${name}.txt`), 'utf8') : name === 'gaza-2025-05-06' ? gazaText() : undefined
  return { name, gold, text }
}).filter((a) => {
  if (typeof a.text !== 'string') console.warn(`skipped ${a.name}: no article text`)
  return typeof a.text === 'string'
})
const articles = load(join(repo, 'tests/extract/articles'))
const holdout = load(join(repo, 'tests/extract/holdout'))
const holdout2 = load(join(repo, 'tests/extract/holdout2'))
const holdout3 = load(join(repo, 'tests/extract/holdout3'))
const holdout4 = load(join(repo, 'tests/extract/holdout4'))
const holdout5 = load(join(repo, 'tests/extract/holdout5'))
const holdout6 = load(join(repo, 'tests/extract/holdout6'))
const holdout7 = load(join(repo, 'tests/extract/holdout7'))

const fold = (s) => (s ?? '').replace(/[‘’]/g, "'").replace(/[“”„«»]/g, '"').replace(/\s+/g, ' ').trim()
const norm = (s) => fold(s).toLowerCase().replace(/^(?:the|a|an)\s+/, '').replace(/'s\b/g, '').replace(/[.,;:]+$/, '').trim()
function sameName(a, b) {
  if (!a || !b) return !a && !b
  const x = norm(a)
  const y = norm(b)
  if (x === y) return true
  const xs = new Set(x.split(/\s+/))
  const ys = new Set(y.split(/\s+/))
  if ([...xs].every((w) => ys.has(w)) || [...ys].every((w) => xs.has(w))) return true
  const lastA = fold(a).split(/\s+/).pop()
  const lastB = fold(b).split(/\s+/).pop()
  return /^[A-Z]/.test(lastA) && lastA === lastB
}
const sameAttribution = (a, b) => (a == null || a === '' ? b == null : b != null && sameName(a, b))
const overlap = (a, b) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
function locate(text, s, near = 0) {
  if (!s) return undefined
  const f = fold(text)
  // Offsets in the folded text equal the raw ones where whitespace runs are single (gold files are).
  let i = text.indexOf(s)
  if (i < 0) i = f.indexOf(fold(s))
  if (i < 0) return undefined
  let best = i
  for (let j = i; j >= 0; j = text.indexOf(s, j + 1)) if (Math.abs(j - near) < Math.abs(best - near)) best = j
  return { start: best, end: best + s.length }
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
function writtenIn(value, excerpt) {
  // "4.50%" writes 4.5, as the story schema reads it.
  const forms = [String(value), value.toLocaleString('en-US'), ...(Number.isInteger(value) ? [] : [value.toFixed(2), value.toFixed(3)])]
  // "8.0 billion" writes 8,000,000,000 as the story schema reads it (widgets/verbatim.ts).
  for (const [scale, word] of [[1e9, 'billion'], [1e6, 'million']]) if (value >= scale) forms.push(`${+(value / scale).toFixed(3)} ${word}`, `${(value / scale).toFixed(1)} ${word}`, `${(value / scale).toFixed(2)} ${word}`)
  if (Number.isInteger(value) && value < 100) forms.push(value < 20 ? UNITS[value] : TENS[Math.floor(value / 10)] + (value % 10 ? '-' + UNITS[value % 10] : ''))
  if (value === 12) forms.push('dozen')
  if (Number.isInteger(value) && value % 12 === 0 && value / 12 > 1 && value / 12 < 20) forms.push(`${UNITS[value / 12]} dozen`)
  return forms.some((s) => new RegExp(`(?<![\\d.,\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d\\p{L}]|[.,]\\d)`, 'iu').test(excerpt))
}

function score(title, articles) {
const t = { fig: [0, 0, 0], q: [0, 0], a: [0, 0], asOf: [0, 0], unit: [0, 0], ev: [0, 0, 0], wrong: 0, quote: [0, 0, 0], spk: [0, 0], abstain: 0, spkRecall: [0, 0], para: [0, 0], bad: 0 }
const rows = []
for (const { name, gold, text } of articles) {
  const d = draftStory({ text, published: gold.published, language: gold.language, headline: gold.headline })
  let bad = 0
  for (const item of [...d.figures, ...d.events, ...d.statements]) {
    const before = bad
    if (item.excerpt !== text.slice(item.draft.start, item.draft.end) || !text.includes(item.excerpt)) bad++
    if ('value' in item && (!writtenIn(item.value, item.excerpt) || (item.valueMax !== undefined && !writtenIn(item.valueMax, item.excerpt)))) bad++
    if ('kind' in item && (!item.excerpt.includes(item.text) || item.text !== text.slice(item.draft.text.start, item.draft.text.end))) bad++
    if (bad > before && process.env.VERBOSE) console.log(`  NOT VERBATIM ${name}: ${'value' in item ? item.value : ''} «${item.excerpt.slice(0, 100)}»`)
  }
  // Figures by value, one to one, nearest excerpt first.
  const used = new Set()
  const pairs = new Map()
  let fm = 0, qok = 0, aok = 0, asok = 0, uok = 0, uall = 0
  for (const g of gold.figures) {
    const at = locate(text, g.excerpt)
    const cands = d.figures.map((f, i) => ({ f, i })).filter(({ f, i }) => !used.has(i) && f.value === g.value)
    cands.sort((x, y) => Math.abs(x.f.draft.start - (at?.start ?? 0)) - Math.abs(y.f.draft.start - (at?.start ?? 0)))
    const m = cands[0]
    if (!m) continue
    used.add(m.i)
    pairs.set(g, m.f)
    fm++
    if ((m.f.qualifier ?? null) === (g.qualifier ?? null)) qok++
    if (sameAttribution(g.attribution, m.f.attribution?.[gold.language])) aok++
    if (m.f.asOf === g.asOf) asok++
    // Money and percentages must keep their unit: "25 million" alone is not the figure.
    if (g.unit === '%' || /^[A-Z]{3}$/.test(g.unit ?? '')) {
      uall++
      if (m.f.unit === g.unit) uok++
    }
  }
  // Events by date and overlapping excerpt; direction from the published date.
  const usedE = new Set()
  let em = 0, wrong = 0
  for (const g of gold.events) {
    const at = locate(text, g.excerpt)
    const near = d.events.map((e, i) => ({ e, i })).filter(({ e }) => at && overlap(at, e.draft) > 0)
    const m = near.find(({ e, i }) => !usedE.has(i) && e.date === g.date)
    if (m) {
      usedE.add(m.i)
      em++
    } else if (near.some(({ e }) => Math.sign(e.date.localeCompare(gold.published)) * Math.sign(g.date.localeCompare(gold.published)) < 0)) wrong++
  }
  // Statements.
  const goldQuotes = gold.statements.filter((s) => s.kind === 'quote')
  const ourQuotes = d.statements.filter((s) => s.kind === 'quote')
  const qm = ourQuotes.filter((s) => goldQuotes.some((g) => norm(g.text) === norm(s.text))).length
  const qr = goldQuotes.filter((g) => ourQuotes.some((s) => norm(g.text) === norm(s.text))).length
  let spOk = 0, spAll = 0, abstain = 0
  const paraHit = new Set()
  for (const s of d.statements) {
    const span = s.draft.text
    const g = gold.statements.find((g) => {
      const at = locate(text, g.text, span.start)
      return at && (g.kind === 'quote' && s.kind === 'quote' ? norm(g.text) === norm(s.text) : overlap(at, span) >= 0.5 * (at.end - at.start))
    })
    if (!g) continue
    if (g.kind === 'paraphrase') paraHit.add(g)
    if (!s.speaker) {
      abstain++
      continue
    }
    spAll++
    if (sameName(g.speaker, s.speaker.name[gold.language])) spOk++
  }
  const goldSpeakers = [...new Map(gold.statements.map((s) => [norm(s.speaker), s.speaker])).values()]
  const found = goldSpeakers.filter((g) => d.statements.some((s) => s.speaker && sameName(g, s.speaker.name[gold.language])))
  const paras = gold.statements.filter((s) => s.kind === 'paraphrase')
  t.fig[0] += fm; t.fig[1] += d.figures.length; t.fig[2] += gold.figures.length
  t.q[0] += qok; t.a[0] += aok; t.asOf[0] += asok; t.q[1] += fm; t.a[1] += fm; t.asOf[1] += fm
  t.unit[0] += uok; t.unit[1] += uall
  t.ev[0] += em; t.ev[1] += d.events.length; t.ev[2] += gold.events.length; t.wrong += wrong
  t.quote[0] += qm; t.quote[1] += ourQuotes.length; t.quote[2] += goldQuotes.length; t.quote[3] = (t.quote[3] ?? 0) + qr
  t.spk[0] += spOk; t.spk[1] += spAll; t.abstain += abstain
  t.spkRecall[0] += found.length; t.spkRecall[1] += goldSpeakers.length
  t.para[0] += paraHit.size; t.para[1] += paras.length
  t.bad += bad
  rows.push({ article: name, figures: `${fm}/${gold.figures.length} (${d.figures.length} out)`, events: `${em}/${gold.events.length} (${d.events.length} out)`, quotes: `${qr}/${goldQuotes.length} (${ourQuotes.length} out)`, speakers: `${found.length}/${goldSpeakers.length}`, paraphrases: `${paraHit.size}/${paras.length}`, 'not verbatim': bad })
  if (process.env.VERBOSE) {
    const missF = gold.figures.filter((g) => !d.figures.some((f) => f.value === g.value)).map((g) => g.value)
    const extraF = d.figures.filter((f) => !gold.figures.some((g) => g.value === f.value)).map((f) => `${f.value} «${f.excerpt.slice(0, 60)}»`)
    console.log(`\n## ${name}\n missing figures: ${missF.join(', ')}\n extra figures: ${extraF.join(' | ')}`)
    for (const g of gold.figures) {
      const f = pairs.get(g)
      if (f && (g.unit === '%' || /^[A-Z]{3}$/.test(g.unit ?? '')) && f.unit !== g.unit) console.log(`  fig ${g.value}: unit ${f.unit}/${g.unit}`)
      if (f && ((f.qualifier ?? null) !== (g.qualifier ?? null) || !sameAttribution(g.attribution, f.attribution?.en) || f.asOf !== g.asOf)) console.log(`  fig ${g.value}: q ${f.qualifier}/${g.qualifier} a «${f.attribution?.en}»/«${g.attribution}» asOf ${f.asOf}/${g.asOf}`)
    }
    for (const g of gold.events) if (!d.events.some((e) => e.date === g.date && overlap(locate(text, g.excerpt) ?? { start: 0, end: 0 }, e.draft) > 0)) console.log(`  missing event ${g.date} «${g.excerpt}»`)
    for (const e of d.events) if (!gold.events.some((g) => g.date === e.date && overlap(locate(text, g.excerpt) ?? { start: 0, end: 0 }, e.draft) > 0)) console.log(`  extra event ${e.date} «${e.excerpt}»`)
    for (const g of goldQuotes) if (!ourQuotes.some((s) => norm(g.text) === norm(s.text))) console.log(`  missing quote «${g.text}»`)
    for (const s of ourQuotes) if (!goldQuotes.some((g) => norm(g.text) === norm(s.text))) console.log(`  extra quote «${s.text}»`)
    for (const g of goldSpeakers) if (!found.includes(g)) console.log(`  missing speaker ${g}`)
    for (const g of paras) if (!paraHit.has(g)) console.log(`  missing paraphrase ${g.speaker}: «${g.text.slice(0, 70)}»`)
    for (const s of d.statements) {
      const g = gold.statements.find((g) => { const at = locate(text, g.text, s.draft.text.start); return at && overlap(at, s.draft.text) >= 0.5 * (at.end - at.start) })
      if (g && s.speaker && !sameName(g.speaker, s.speaker.name.en)) console.log(`  wrong speaker ${s.speaker.name.en} (gold ${g.speaker}): «${s.text.slice(0, 50)}»`)
      if (g && !s.speaker) console.log(`  abstained (gold ${g.speaker}): ${s.draft.reason}`)
    }
  }
}

const pct = (a, b) => (b ? (a / b).toFixed(2) : '–')
const f1 = (p, r) => (p + r ? ((2 * p * r) / (p + r)).toFixed(2) : '–')
console.log(`\n${title}`)
console.table(rows)
const qp = t.quote[0] / t.quote[1]
const qr = t.quote[3] / t.quote[2]
console.table({
  figures: { precision: pct(t.fig[0], t.fig[1]), recall: pct(t.fig[0], t.fig[2]), note: `qualifier ${pct(t.q[0], t.q[1])}, attribution ${pct(t.a[0], t.a[1])}, asOf ${pct(t.asOf[0], t.asOf[1])} of ${t.fig[0]} matched; unit ${t.unit[0]}/${t.unit[1]} in money and %` },
  events: { precision: pct(t.ev[0], t.ev[1]), recall: pct(t.ev[0], t.ev[2]), note: `${t.wrong} resolved in the wrong direction` },
  'quotes (exact span)': { precision: qp.toFixed(2), recall: qr.toFixed(2), note: `F1 ${f1(qp, qr)}` },
  speakers: { precision: pct(t.spk[0], t.spk[1]), recall: pct(t.spkRecall[0], t.spkRecall[1]), note: `precision = accuracy on the ${t.spk[1]} matched statements with a speaker; ${t.abstain} abstained` },
  paraphrases: { precision: '', recall: pct(t.para[0], t.para[1]), note: '' },
  'excerpts or values not in the text': { precision: '', recall: '', note: String(t.bad) },
})

}

score('development: the articles the rules were written on', articles)
score('holdout: written after the rules, by someone who had not read them', holdout)
score('holdout 2: written later still, by someone who had not read the rules or the code', holdout2)
score('holdout 3: six new kinds of story, by someone who had read neither the rules nor the code', holdout3)
score('holdout 4: five more new kinds of story, by someone who had read neither the rules nor the code', holdout4)
score('holdout 5: five more new kinds of story, by someone who had read neither the rules nor the code', holdout5)
score('holdout 6: five more, written after holdout 5 by someone who had read neither the rules nor the code', holdout6)
score('holdout 7: five more, written after holdout 6 by someone who had read neither the rules nor the code', holdout7)

// Timing: about 2,000 words of the articles, end to end, in this Node process.
const words = []
const paragraphs = articles.flatMap((a) => a.text.split('\n'))
for (const p of paragraphs) {
  if (words.join(' ').split(/\s+/).length >= 2000) break
  words.push(p)
}
const long = words.join('\n')
const RUNS = Number(process.env.RUNS ?? 200)
for (let i = 0; i < 20; i++) draftStory({ text: long, published: '2025-10-13' })
const times = []
for (let i = 0; i < RUNS; i++) {
  const t0 = process.cpuUsage()
  draftStory({ text: long, published: '2025-10-13' })
  const t1 = process.cpuUsage(t0)
  times.push((t1.user + t1.system) / 1000)
}
times.sort((a, b) => a - b)
console.table({ [`${long.split(/\s+/).length} words, Node ${process.version} CPU ms`]: { median: times[Math.floor(RUNS / 2)].toFixed(2), p90: times[Math.floor(RUNS * 0.9)].toFixed(2), first: 'after 20 warm-up runs' } })
