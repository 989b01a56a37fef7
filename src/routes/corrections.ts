// GET /api/stories/{slug}/corrections and /corrections.atom (CONTRACT.md "v2: updates,
// corrections, retractions"; issue #13): the story's public record of what changed, which
// readers and other newsrooms check first. Every version after the first, newest first,
// with its date (the story's calendar day), kind, the sentence readers were given, and each
// figure it changed, before and after, with as-of. Never the version history's note.
//
// The Atom feed follows RFC 4287: feed id, title, updated, author and a self link; one entry
// per version, its id the version's permanent URL. A retraction is its own entry, titled
// "Withdrawn" with the category "retraction": RFC 6721 tombstones (at:deleted-entry) say
// that a feed *entry* was removed, and no entry is; the story is what is withdrawn.
// Once a story is withdrawn the record stays, without the figures' values and labels,
// which are part of what was withdrawn.
import type { Context } from 'hono'
import { type AppEnv, router } from '../env'
import { cacheFor } from '../http/caching'
import { recall, remember } from '../http/render-cache'
import { loadStory, storyHistory, type StoryVersion } from '../stories'
import { type FigureChange, type FigureState, DEFAULT_TIME_ZONE, figureChanges, localDay } from '../../widgets/revision'
import { localeFormat } from '../../widgets/locale'
import { escapeXml } from '../../widgets/svg'

export const correctionRoutes = router()

interface CorrectionRecord {
  version: number
  publishedAt: string
  date: string
  kind: StoryVersion['kind']
  /** An update published right after a retraction: the story restored. */
  restores: boolean
  publicNote: string | null
  figures: FigureChange[]
}

/** Every version after the first, newest first, as the record gives it. */
async function corrections(c: Context<AppEnv>, latest: StoryVersion): Promise<{ history: StoryVersion[]; corrections: CorrectionRecord[] }> {
  const withdrawn = latest.story.revision?.withdrawn !== undefined
  const history = await storyHistory(c.env.DB, latest.story.slug, { through: latest.version })
  const timeZone = latest.story.timeZone ?? DEFAULT_TIME_ZONE
  const records: CorrectionRecord[] = []
  for (let i = history.length - 1; i >= 1; i--) {
    const v = history[i]
    records.push({
      version: v.version,
      publishedAt: v.publishedAt,
      date: localDay(v.publishedAt, timeZone),
      kind: v.kind,
      restores: v.kind !== 'retraction' && history[i - 1].kind === 'retraction',
      publicNote: v.publicNote,
      figures: withdrawn || v.kind === 'retraction' ? [] : figureChanges(history[i - 1].story, v.story),
    })
  }
  return { history, corrections: records }
}

/**
 * The record of the latest version, as JSON or Atom: made once per isolate and version, and
 * not at all for a request whose ETag still matches.
 */
function recordRoute(format: 'json' | 'atom', type: string, make: (origin: string, latest: StoryVersion, made: Awaited<ReturnType<typeof corrections>>) => string) {
  return async (c: Context<AppEnv>) => {
    const latest = await loadStory(c.env.DB, c.req.param('slug') as string)
    const origin = new URL(c.req.url).origin
    const parts = ['corrections', format, origin, latest.story.slug, latest.version]
    const notModified = await cacheFor(c, { parts, pinned: false, stale: latest.stale })
    if (notModified) return notModified
    const key = parts.join('|')
    const body = recall<string>(key) ?? remember(key, make(origin, latest, await corrections(c, latest)))
    return c.body(body, 200, { 'Content-Type': type })
  }
}

correctionRoutes.get(
  '/api/stories/:slug/corrections',
  recordRoute('json', 'application/json', (origin, latest, { corrections: records }) =>
    JSON.stringify({
      story: latest.story.slug,
      status: latest.story.revision?.withdrawn ? 'withdrawn' : 'published',
      atom: `${origin}/api/stories/${latest.story.slug}/corrections.atom`,
      corrections: records.map(({ restores: _r, ...r }) => r),
    }),
  ),
)

correctionRoutes.get(
  '/api/stories/:slug/corrections.atom',
  recordRoute('atom', 'application/atom+xml; charset=utf-8', (origin, latest, { history, corrections: records }) => atomFeed(origin, latest.story.slug, latest, history[0], records)),
)

const TITLES: Record<CorrectionRecord['kind'], string> = { update: 'Update', correction: 'Correction', retraction: 'Withdrawn' }
const SAID: Record<CorrectionRecord['kind'], 'updated' | 'corrected' | 'withdrawn'> = { update: 'updated', correction: 'corrected', retraction: 'withdrawn' }

function atomFeed(origin: string, slug: string, latest: StoryVersion, first: StoryVersion, corrections: CorrectionRecord[]): string {
  const e = escapeXml
  const fmt = localeFormat('en')
  const base = `${origin}/api/stories/${slug}`
  const state = (s: FigureState | null) =>
    s === null ? '(none)' : `${s.qualifier ? `${s.qualifier} ` : ''}${fmt.integer(s.value)}, as of ${fmt.longDate(s.asOf)}${s.date ? `, counting ${fmt.longDate(s.date)}` : ''}`
  const entries = corrections.map((r) => {
    const said = r.publicNote ? fmt.messages[SAID[r.kind]](fmt.longDate(r.date), r.publicNote) : `${TITLES[r.kind]}, ${fmt.longDate(r.date)}.`
    const lines = [said, ...r.figures.map((f) => `${f.label} (${f.id}): ${state(f.before)} → ${state(f.after)}`)]
    const title = `${r.restores ? 'Restored' : TITLES[r.kind]} (version ${r.version})`
    return (
      `<entry><id>${e(`${base}/versions/${r.version}`)}</id><title>${e(title)}</title>` +
      `<updated>${e(r.publishedAt)}</updated>` +
      `<link rel="alternate" type="application/json" href="${e(`${base}/versions/${r.version}`)}"/>` +
      `<category term="${r.kind}" label="${e(TITLES[r.kind])}"/>` +
      `<content type="text">${e(lines.join('\n'))}</content></entry>`
    )
  })
  const withdrawn = latest.story.revision?.withdrawn !== undefined
  const headline = latest.story.headline[latest.story.language] ?? slug
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(latest.story.language)}">` +
    `<id>${e(`${base}/corrections`)}</id>` +
    // A withdrawn story's headline may be what had to be withdrawn: the feed names its slug.
    `<title>${e(`Updates and corrections: ${withdrawn ? slug : headline}`)}</title>` +
    `<updated>${e(corrections[0]?.publishedAt ?? first.publishedAt)}</updated>` +
    '<author><name>factbox</name></author>' +
    `<link rel="self" type="application/atom+xml" href="${e(`${base}/corrections.atom`)}"/>` +
    `<link rel="alternate" type="application/json" href="${e(`${base}/corrections`)}"/>` +
    entries.join('') +
    '</feed>\n'
  )
}
