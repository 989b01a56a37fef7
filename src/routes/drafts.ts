// POST /api/drafts (CONTRACT.md "v2: drafts"): an article in, a draft story out. The article
// comes as text/plain or text/html (with ?published=YYYY-MM-DD&headline=&language=) or as
// JSON { text | html, published, headline?, language? }. Nothing is stored; every item of
// the draft carries the span of the article it was read from, for the editor to keep, edit
// or drop. The extractor is loaded on first use (src/lazy/modules.ts).
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { type AppEnv, router } from '../env'
import { requireEditor } from '../http/auth'
import { ProblemError } from '../http/problem'
import { loadExtractor } from '../lazy/modules'
import { parseYmd } from '../../extract/calendar'
import { locales } from '../../widgets/locale'
import { leaningLabels } from '../../widgets/standalone'
import type { Story } from '../../widgets/story'
import type { InvalidParam } from '../../widgets/common'

// What the editor's page reads from a draft: the dataset with spans, item by item.
export type { DraftStory, DraftFigure, DraftEvent, DraftStatement } from '../../extract/index'

export const MAX_DRAFT_BYTES = 200 * 1024

export const draftRoutes = router()

function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): ProblemError {
  return new ProblemError({ type: 'about:blank', title, status, detail, ...extra })
}

function unprocessable(params: InvalidParam[]): ProblemError {
  return new ProblemError({
    type: '/problems/invalid-params',
    title: 'Unprocessable Content',
    status: 422,
    detail: `The article cannot be drafted: ${params.map((p) => `${p.name} ${p.reason}`).join('; ')}.`,
    'invalid-params': params,
  })
}

interface DraftRequest {
  text?: string
  html?: string
  published?: unknown
  headline?: unknown
  language?: unknown
}

async function readRequest(c: Context<AppEnv>): Promise<DraftRequest> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase()
  const query = { published: c.req.query('published'), headline: c.req.query('headline'), language: c.req.query('language') }
  if (type === 'text/plain') return { text: await c.req.text(), ...query }
  if (type === 'text/html') return { html: await c.req.text(), ...query }
  if (type === 'application/json') {
    let body: unknown
    try {
      body = JSON.parse(await c.req.text())
    } catch {
      throw problem(400, 'Bad Request', 'The body is not valid JSON.')
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unprocessable([{ name: '(body)', reason: 'must be an object with text or html and published' }])
    const b = body as Record<string, unknown>
    const params: InvalidParam[] = []
    if (b.text !== undefined && typeof b.text !== 'string') params.push({ name: 'text', reason: 'must be a string' })
    if (b.html !== undefined && typeof b.html !== 'string') params.push({ name: 'html', reason: 'must be a string' })
    if (typeof b.text === 'string' && typeof b.html === 'string') params.push({ name: 'html', reason: 'send text or html, not both' })
    if (params.length) throw unprocessable(params)
    return { text: b.text as string | undefined, html: b.html as string | undefined, published: b.published, headline: b.headline, language: b.language }
  }
  throw problem(415, 'Unsupported Media Type', 'Send the article as text/plain, text/html or application/json.')
}

const draftBodyLimit = bodyLimit({
  maxSize: MAX_DRAFT_BYTES,
  onError: () => {
    throw problem(413, 'Content Too Large', `An article may be at most ${MAX_DRAFT_BYTES / 1024} KB.`)
  },
})

draftRoutes.post('/api/drafts', requireEditor('stories:create'), draftBodyLimit, async (c) => {
  const req = await readRequest(c)
  const params: InvalidParam[] = []
  const published = req.published
  if (published === undefined || published === '' || published === null) params.push({ name: 'published', reason: 'is required: the article’s publication date, YYYY-MM-DD, which every relative date is read against' })
  else if (typeof published !== 'string' || !parseYmd(published)) params.push({ name: 'published', reason: 'must be a calendar date written YYYY-MM-DD' })
  if (req.headline !== undefined && (typeof req.headline !== 'string' || req.headline.length > 200)) params.push({ name: 'headline', reason: 'must be text of at most 200 characters' })
  const language = req.language === undefined || req.language === '' ? 'en' : req.language
  if (typeof language !== 'string' || !(locales as readonly string[]).includes(language)) params.push({ name: 'language', reason: `must be one of ${locales.join(', ')}` })

  const extractor = await loadExtractor()
  let text = req.text
  let headline = typeof req.headline === 'string' && req.headline.trim() ? req.headline : undefined
  if (req.html !== undefined) {
    const article = extractor.htmlToText(req.html)
    text = article.text
    headline ??= article.headline
  }
  if (text === undefined || !text.trim()) params.push({ name: req.html !== undefined ? 'html' : 'text', reason: 'has no article text' })
  if (params.length) throw unprocessable(params)

  let draft
  try {
    draft = extractor.draftStory({ text: text!, published: published as string, language: language as string, headline })
  } catch (err) {
    // A bug in a rule must not cost the editor the request: say so, and log it to be fixed.
    console.error('draft failed:', err)
    throw new ProblemError({ type: '/problems/draft-failed', title: 'Unprocessable Content', status: 422, detail: 'The extractor could not read this article; nothing was drafted. Enter the story by hand.' })
  }
  // A label the text wrote leaning on a figure before it ("reported the same cases") would be
  // refused at creation: the draft says so on the figure, so the editor page does not keep it
  // as drafted and shows why.
  for (const problem of leaningLabels(draft as unknown as Story)) {
    const figure = draft.figures[Number(problem.path.split('.')[1])]
    if (!figure.draft.needs) figure.draft.needs = []
    if (!figure.draft.needs.includes('label')) figure.draft.needs.push('label')
    figure.draft.labelProblem = problem.message
  }
  c.header('Cache-Control', 'no-store')
  return c.json(draft)
})
