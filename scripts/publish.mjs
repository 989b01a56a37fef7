// npm run publish -- --url URL --story SLUG --file story.json --note "…"
//   [--kind update|correction|retraction] [--public-note "the sentence readers see"]
// npm run publish -- --new --file dataset.json --article article.txt [--title … --publisher … --source-url …] --note "…"
// Publishes a new version of a story from a newsroom script, or with --new creates one: the
// dataset file's figures, events and statements, and the article file as its first source
// (the verbatim rule checks every excerpt against it). The token comes from the environment
// (FACTBOX_ADMIN_TOKEN: an editor token with stories:publish / stories:create, or
// ADMIN_TOKEN), and the version's author is whoever the token names. The version edited is
// whatever is live now, so a publish made meanwhile by someone else is refused (412).
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.FACTBOX_URL ?? 'http://127.0.0.1:8787' },
    story: { type: 'string' },
    file: { type: 'string' },
    note: { type: 'string' },
    // Accepted so that older scripts keep working; the worker names the token's editor instead.
    author: { type: 'string' },
    'if-match': { type: 'string' },
    kind: { type: 'string' },
    'public-note': { type: 'string' },
    new: { type: 'boolean', default: false },
    article: { type: 'string' },
    title: { type: 'string' },
    publisher: { type: 'string' },
    'source-url': { type: 'string' },
  },
})
const token = process.env.FACTBOX_ADMIN_TOKEN
function fail(message) {
  console.error(`publish: ${message}`)
  process.exit(1)
}
const usage = 'usage: npm run publish -- --url URL --story SLUG --file story.json --note "what changed and why"\n' +
  '       npm run publish -- --url URL --new --file dataset.json --article article.txt --note "first version" [--story SLUG --title T --publisher P --source-url U]'
if (!values.file || !values.note || (!values.new && !values.story) || (values.new && !values.article)) fail(usage)
if (!token) fail('set FACTBOX_ADMIN_TOKEN to an editor token (npm run token), or the admin token')

function read(file, parse) {
  try {
    const text = readFileSync(file, 'utf8')
    return parse ? JSON.parse(text) : text
  } catch (err) {
    fail(`cannot read ${file}: ${err.message}`)
  }
}

const base = values.url.replace(/\/$/, '')
const dataset = read(values.file, true)
const extra = {
  note: values.note,
  ...(values.kind ? { kind: values.kind } : {}),
  ...(values['public-note'] ? { publicNote: values['public-note'] } : {}),
}

/** Prints the answer: the version made, or every problem the server named. */
async function report(res, what) {
  const body = await res.json().catch(() => ({}))
  if (res.ok) {
    console.log(`${what} ${body.slug} version ${body.version} (${body.publishedAt}) as ${body.author}`)
    if (values.author && values.author !== body.author) console.log('(--author is ignored: a version names the editor its token belongs to)')
    return
  }
  console.error(`publish: ${res.status} ${body.title ?? ''}: ${body.detail ?? ''}`)
  for (const p of body['invalid-params'] ?? []) console.error(`  ${p.name}: ${p.reason}`)
  process.exit(1)
}

if (values.new) {
  const text = read(values.article, false)
  const first = {
    id: 'article',
    title: values.title ?? Object.values(dataset.headline ?? {})[0] ?? values.article,
    ...(values.publisher ? { publisher: values.publisher } : {}),
    ...(values['source-url'] ? { url: values['source-url'] } : {}),
    published: dataset.published,
    language: dataset.language ?? 'en',
    text,
  }
  // The article is the first source; any others the dataset lists follow it.
  const sources = [first, ...(dataset.sources ?? []).filter((s) => s.id !== 'article')]
  const res = await fetch(`${base}/api/stories`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...dataset, ...(values.story ? { slug: values.story } : {}), sources, ...extra }),
  })
  await report(res, 'created')
} else {
  const storyUrl = `${base}/api/stories/${encodeURIComponent(values.story)}`
  // With the token: a withdrawn story answers readers with its notice, editors with its data.
  const live = await fetch(storyUrl, { headers: { Authorization: `Bearer ${token}` } })
  if (!live.ok) fail(`${storyUrl} answered ${live.status}`)
  const ifMatch = values['if-match'] ?? live.headers.get('ETag')
  const res = await fetch(storyUrl, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': ifMatch },
    body: JSON.stringify({ ...dataset, ...extra }),
  })
  await report(res, 'published')
}
