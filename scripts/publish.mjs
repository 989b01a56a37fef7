// npm run publish -- --url URL --story SLUG --file story.json --note "…" [--author NAME]
//   [--kind update|correction|retraction] [--public-note "the sentence readers see"]
// Publishes a new version of a story from a newsroom script. The token comes from the
// environment (FACTBOX_ADMIN_TOKEN); the version edited is whatever is live now, so a
// publish made meanwhile by someone else is refused (412) rather than overwritten.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:8787' },
    story: { type: 'string' },
    file: { type: 'string' },
    note: { type: 'string' },
    author: { type: 'string' },
    kind: { type: 'string' },
    'public-note': { type: 'string' },
    'if-match': { type: 'string' },
  },
})
const token = process.env.FACTBOX_ADMIN_TOKEN
function fail(message) {
  console.error(`publish: ${message}`)
  process.exit(1)
}
if (!values.story || !values.file || !values.note) fail('usage: npm run publish -- --url URL --story SLUG --file story.json --note "what changed and why" [--author NAME]')
if (!token) fail('set FACTBOX_ADMIN_TOKEN to the admin token')

const base = values.url.replace(/\/$/, '')
const storyUrl = `${base}/api/stories/${encodeURIComponent(values.story)}`
let dataset
try {
  dataset = JSON.parse(readFileSync(values.file, 'utf8'))
} catch (err) {
  fail(`cannot read ${values.file}: ${err.message}`)
}
// With the token: a withdrawn story answers readers with its notice, editors with its data.
const live = await fetch(storyUrl, { headers: { Authorization: `Bearer ${token}` } })
if (!live.ok) fail(`${storyUrl} answered ${live.status}`)
const ifMatch = values['if-match'] ?? live.headers.get('ETag')

const res = await fetch(storyUrl, {
  method: 'PUT',
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': ifMatch },
  body: JSON.stringify({
    ...dataset, note: values.note, ...(values.author ? { author: values.author } : {}),
    ...(values.kind ? { kind: values.kind } : {}), ...(values['public-note'] ? { publicNote: values['public-note'] } : {}),
  }),
})
const body = await res.json().catch(() => ({}))
if (res.ok) {
  console.log(`published ${values.story} version ${body.version} (${body.publishedAt})`)
} else {
  console.error(`publish: ${res.status} ${body.title ?? ''}: ${body.detail ?? ''}`)
  for (const p of body['invalid-params'] ?? []) console.error(`  ${p.name}: ${p.reason}`)
  process.exit(1)
}
