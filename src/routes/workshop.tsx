// GET / — the embed workshop (issue #3): pick a story and widget, set its options, see it
// live, copy any embed code. Works without script (the form submits and the server fills
// in every code); with script, /workshop.js updates preview and codes as options change,
// from GET /api/embed-codes, which newsroom tools can call too.
import type { Context } from 'hono'
import { type AppEnv, router } from '../env'
import { raw } from 'hono/html'
import workshopScript from '../client/workshop.client.js'
import { type WidgetModule, widgets } from '../../widgets/index'
import { optionDefaults } from '../../widgets/options'
import { locales } from '../../widgets/locale'
import { type Story, localize } from '../../widgets/story'
import { type EmbedCodes, embedCodes } from '../embed-codes'
import { cacheFor } from '../http/caching'
import { notFound } from '../http/problem'
import { paramsProblem, parseOptions } from '../http/validation'
import { bundledSlugs, storyPage } from '../stories'
import { resolveWidget } from '../widget-request'

export const workshopRoutes = router()

const LOCALE_NAMES: Record<string, string> = { en: 'English', ar: 'العربية (Arabic)', he: 'עברית (Hebrew)', fr: 'Français', de: 'Deutsch', es: 'Español' }

/** The workshop's query: story, widget, then the widget's own options; repeated keys join with commas. */
function readQuery(c: Context<AppEnv>) {
  const all = c.req.queries()
  const flat: Record<string, string> = {}
  for (const [k, v] of Object.entries(all)) {
    const joined = v.filter(Boolean).join(',')
    if (joined) flat[k] = joined
  }
  return flat
}

async function codesFor(c: Context<AppEnv>, q: Record<string, string>) {
  const slug = q.story ?? bundledSlugs()[0]
  const widgetId = q.widget ?? Object.keys(widgets)[0]
  if (!Object.hasOwn(widgets, widgetId)) throw notFound(`There is no widget "${widgetId}".`)
  const widget = widgets[widgetId]
  const parsed = parseOptions(widget.optionSpecs, widget.options, q)
  if (!parsed.success) throw paramsProblem(parsed.error.issues)
  const req = await resolveWidget(c.env.DB, widget, slug, parsed.data as Record<string, unknown>)
  const origin = new URL(c.req.url).origin
  // A withdrawn story's codes describe its notice (alt text, height), never its figures.
  return { widget, req, codes: embedCodes(origin, req.widget, req.story, req.opts, !q.width) }
}

workshopRoutes.get('/workshop.js', async (c) => {
  const notModified = await cacheFor(c, { parts: ['script', 'workshop'], pinned: false })
  return notModified ?? c.body(workshopScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
})

workshopRoutes.get('/api/embed-codes', async (c) => {
  const { codes, req, widget } = await codesFor(c, readQuery(c))
  const notModified = await cacheFor(c, { parts: ['codes', new URL(c.req.url).origin, req.story.slug, req.version, widget.id, req.normalised, c.req.query('width') ? 'fixed' : 'responsive'], pinned: req.pinned })
  return notModified ?? c.json(codes)
})

const CSS = `
:root{color-scheme:light dark;--bg:#f3f4f6;--fg:#15171a;--muted:#555a60;--panel:#fff;--line:#d6d9dd;--accent:#1f5c8a;--accent-fg:#fff;--code:#f6f7f9}
@media (prefers-color-scheme:dark){:root{--bg:#0f1113;--fg:#eef0f2;--muted:#b3b8bf;--panel:#191c20;--line:#33383e;--accent:#8cc0ea;--accent-fg:#0f1113;--code:#111315}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 'Noto Sans',system-ui,-apple-system,'Segoe UI',Arial,sans-serif;background:var(--bg);color:var(--fg)}
a{color:var(--accent)}
.top{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 16px;padding:16px 24px;border-bottom:1px solid var(--line);background:var(--panel)}
.top h1{margin:0;font-size:22px;letter-spacing:-.01em}.top p{margin:0;color:var(--muted);flex:1 1 320px}.top nav{display:flex;gap:14px;font-size:14px}
.workshop{display:grid;grid-template-columns:minmax(280px,340px) minmax(0,1fr);gap:20px;padding:20px 24px;max-width:1500px;margin:0 auto}
@media (max-width:860px){.workshop{grid-template-columns:minmax(0,1fr);padding:12px}}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:16px 18px;min-width:0}
.panel h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 10px}
form .field{margin:0 0 14px}form label,form legend{display:block;font-weight:600;font-size:14px;margin:0 0 4px}
form .hint{font-size:13px;color:var(--muted);margin:2px 0 0}
select,input[type=number],input[type=date]{width:100%;font:inherit;padding:7px 9px;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:var(--fg)}
fieldset{border:0;padding:0;margin:0 0 14px;min-width:0}
.choices{display:grid;gap:6px}.choice{display:flex;gap:8px;align-items:flex-start;font-weight:400;font-size:14px;border:1px solid var(--line);border-radius:6px;padding:7px 9px;cursor:pointer}
.choice input{margin-top:4px}.choice>div{min-width:0;flex:1}.choice strong{display:block}.choice span{color:var(--muted);font-size:13px}
.choice:has(input:checked){border-color:var(--accent);box-shadow:0 0 0 1px var(--accent)}
.choice .thumb{display:block;position:relative;height:150px;overflow:hidden;margin:0 0 8px;border:1px solid var(--line);border-radius:4px;background:var(--panel)}
.thumb img{display:block;width:100%;height:auto}.thumb::after{content:'';position:absolute;left:0;right:0;bottom:0;height:32px;background:linear-gradient(transparent,var(--panel))}
.segmented{display:flex;border:1px solid var(--line);border-radius:6px;overflow:hidden}.segmented label{flex:1;margin:0;text-align:center;font-weight:400;padding:6px 0;cursor:pointer;border-inline-start:1px solid var(--line)}
.segmented label:first-child{border-inline-start:0}.segmented input{position:absolute;opacity:0;pointer-events:none}.segmented input:checked+span{font-weight:700;color:var(--accent)}
.segmented label:has(input:checked){background:var(--code)}.segmented label:has(input:focus-visible){outline:2px solid var(--accent);outline-offset:-2px}
.checks{max-height:220px;overflow:auto;border:1px solid var(--line);border-radius:6px;padding:6px 9px}.checks label{font-weight:400;font-size:13px;display:flex;gap:6px;margin:3px 0}
button{font:inherit;font-weight:600;font-size:13px;padding:6px 12px;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:var(--accent-fg);cursor:pointer}
button.secondary{background:transparent;color:var(--accent)}
.main{display:grid;gap:20px;min-width:0}
.stage{resize:horizontal;overflow:auto;max-width:100%;min-width:280px;border:1px dashed var(--line);border-radius:6px;padding:0;background:repeating-conic-gradient(var(--code) 0 25%,transparent 0 50%) 0 0/16px 16px}
.stage iframe{display:block;width:100%;border:0;height:500px}
.preview-head{display:flex;justify-content:space-between;align-items:baseline;gap:8px;flex-wrap:wrap}
.codes{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,420px),1fr));gap:14px}
.code{border:1px solid var(--line);border-radius:8px;padding:10px 12px;display:flex;flex-direction:column;gap:6px;min-width:0}
.code-head{display:flex;justify-content:space-between;align-items:center;gap:8px}.code h3{margin:0;font-size:15px}
.code p{margin:0;font-size:13px;color:var(--muted)}
textarea{width:100%;font:12px/1.45 ui-monospace,Menlo,Consolas,monospace;background:var(--code);color:var(--fg);border:1px solid var(--line);border-radius:6px;padding:8px;resize:vertical;min-height:74px}
.status{min-height:1.5em;font-size:13px;color:var(--muted);margin:0}
.error{border:1px solid #b3261e;color:inherit;border-radius:6px;padding:8px 10px;margin:0 0 12px}
`

interface CodeBlock {
  key: keyof EmbedCodes | 'csv'
  title: string
  hint: string
  rows: number
}
const CODE_BLOCKS: CodeBlock[] = [
  { key: 'iframe', title: 'Iframe', hint: 'Works in any CMS. Pym.js, AMP, WordPress and Datawrapper loaders already on your page size it.', rows: 4 },
  { key: 'script', title: 'Script', hint: 'Responsive iframe that keeps its height in step with the content. Include the script once per page.', rows: 3 },
  { key: 'image', title: 'Image (SVG)', hint: 'No script at all: newsletters, apps, strict CMSs. Alt text is written from the data.', rows: 4 },
  { key: 'png', title: 'Image (PNG)', hint: 'For newsletters, print and apps that cannot show SVG; drawn at twice the size for sharp screens.', rows: 4 },
  { key: 'card', title: 'Social card', hint: 'A 1200×630 PNG for Open Graph and X/Twitter; embed pages already point og:image at it.', rows: 2 },
  { key: 'oembed', title: 'oEmbed', hint: 'Or paste the embed URL into WordPress, Ghost or any oEmbed consumer. This is its oEmbed endpoint.', rows: 2 },
  { key: 'amp', title: 'AMP', hint: 'amp-iframe, resized from the page’s own messages.', rows: 4 },
  { key: 'csp', title: 'Content-Security-Policy', hint: 'What a host page with a CSP must allow for these codes.', rows: 2 },
]

function codeText(codes: EmbedCodes, key: CodeBlock['key']): string {
  if (key === 'oembed') return `${codes.embedUrl}\n${codes.oembed}`
  return String(codes[key as keyof EmbedCodes])
}

/** Thumbnails are the widget itself at this width, drawn smaller: its own layout, not a shrunk page. */
const THUMB_WIDTH = 360

/**
 * The chooser's picture of a widget: its SVG for the story at THUMB_WIDTH in the chosen
 * language, theme auto (so it follows the page's light or dark, also inside an <img>).
 */
function thumbnail(origin: string, story: Story, widget: WidgetModule<any>, locale: string | undefined) {
  const lang = locale && (locales as readonly string[]).includes(locale) ? locale : 'en'
  const query = lang === 'en' ? `width=${THUMB_WIDTH}` : `width=${THUMB_WIDTH}&locale=${lang}`
  const height = widget.layout(story, { ...optionDefaults(widget.optionSpecs), width: THUMB_WIDTH, locale: lang } as never).frame.height
  return { src: `${origin}/widgets/${story.slug}/${widget.id}.svg?${query}`, height }
}

function Page(props: { origin: string; stories: { slug: string; headline: string }[]; story: Story; widgetId: string; q: Record<string, string>; codes: EmbedCodes; error?: string }) {
  const { story, widgetId, q, codes } = props
  const theme = q.theme ?? 'auto'
  const storyWidgets = Object.values(widgets).filter((w) => !w.unavailable?.(story))
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
              <link rel="icon" href="data:," />
        <title>factbox — embed workshop</title>
        <style>{raw(CSS)}</style>
        <script src={`${props.origin}/embed.js`} defer></script>
        <script src={`${props.origin}/workshop.js`} defer></script>
      </head>
      <body>
        <header class="top">
          <h1>factbox</h1>
          <p>Sourced widgets for news pages. Every figure shows its source, qualifier and as-of date.</p>
          <nav aria-label="API">
            <a href="/api/widgets">Widgets API</a>
            <a href="/api/stories">Stories API</a>
            <a href="/openapi.json">OpenAPI</a>
          </nav>
        </header>
        <main class="workshop">
          <form id="options" class="panel" method="get" action="/" aria-label="Widget options">
            <h2>Choose</h2>
            {props.error && <p class="error" role="alert">{props.error}</p>}
            <div class="field">
              <label for="story">Story</label>
              <select id="story" name="story">
                {props.stories.map((s) => (
                  <option value={s.slug} selected={s.slug === story.slug}>{s.headline}</option>
                ))}
              </select>
            </div>
            <fieldset>
              <legend>Widget</legend>
              <div class="choices">
                {storyWidgets.map((w) => {
                  const thumb = thumbnail(props.origin, story, w, q.locale)
                  return (
                    <label class="choice">
                      <input type="radio" name="widget" value={w.id} checked={w.id === widgetId} />
                      <div>
                        <span class="thumb">
                          <img src={thumb.src} data-thumb={w.id} width={THUMB_WIDTH} height={thumb.height} alt="" loading="lazy" decoding="async" />
                        </span>
                        <strong>{w.title}</strong>
                        <span>{w.description}</span>
                      </div>
                    </label>
                  )
                })}
              </div>
            </fieldset>
            <h2>Adjust</h2>
            <fieldset>
              <legend>Theme</legend>
              <div class="segmented">
                {(['auto', 'light', 'dark'] as const).map((t) => (
                  <label>
                    <input type="radio" name="theme" value={t} checked={t === theme} />
                    <span>{t === 'auto' ? 'Auto' : t === 'light' ? 'Light' : 'Dark'}</span>
                  </label>
                ))}
              </div>
              <p class="hint">Auto follows the reader’s light or dark setting.</p>
            </fieldset>
            <div class="field">
              <label for="locale">Language</label>
              <select id="locale" name="locale">
                {locales.map((l) => (
                  <option value={l} selected={l === (q.locale ?? 'en')}>{LOCALE_NAMES[l]}</option>
                ))}
              </select>
              <p class="hint">Labels, numbers and dates; quotes stay as published.</p>
            </div>
            <div class="field">
              <label for="width">Width in pixels</label>
              <input id="width" name="width" type="number" min="280" max="1600" step="10" inputmode="numeric" placeholder="Fits the column" value={q.width ?? ''} />
              <p class="hint">Leave empty for iframes that fill their column.</p>
            </div>
            <fieldset data-widget="toll-counter" hidden={widgetId !== 'toll-counter'}>
              <legend>Figures</legend>
              <div class="checks">
                {story.figures.map((f) => (
                  <label>
                    <input type="checkbox" name="figures" value={f.id} checked={(q.figures ? q.figures.split(',') : story.headlineFigures).includes(f.id)} />
                    {f.label.en}
                  </label>
                ))}
              </div>
            </fieldset>
            <div class="field" data-widget="blockade-duration" hidden={widgetId !== 'blockade-duration'}>
              <label for="until">Count until</label>
              <input id="until" name="until" type="date" min={story.events.find((e) => e.id === story.duration?.startEvent)?.date} value={q.until ?? ''} />
              <p class="hint">Defaults to the story’s as-of date, {story.asOf}. Later days are drawn as counted, not reported.</p>
            </div>
            <div class="field" data-widget="statement-grid" hidden={widgetId !== 'statement-grid'}>
              <label for="columns">Columns</label>
              <select id="columns" name="columns">
                {['', '1', '2', '3', '4'].map((n) => (
                  <option value={n} selected={(q.columns ?? '') === n}>{n || 'As many as fit'}</option>
                ))}
              </select>
            </div>
            <fieldset data-widget="statement-grid" hidden={widgetId !== 'statement-grid'}>
              <legend>Statements</legend>
              <div class="checks">
                {story.statements.map((s) => (
                  <label>
                    <input type="checkbox" name="statements" value={s.id} checked={!q.statements || q.statements.split(',').includes(s.id)} />
                    {s.speaker.name.en}: {s.text.slice(0, 48)}{s.text.length > 48 ? '…' : ''}
                  </label>
                ))}
              </div>
            </fieldset>
            <button type="submit" id="apply">Update preview and codes</button>
          </form>
          <div class="main">
            <section class="panel" aria-labelledby="preview-title">
              <div class="preview-head">
                <h2 id="preview-title">Preview</h2>
                <p class="status">Drag the corner to try other widths.</p>
              </div>
              <div class="stage" id="stage" style={q.width ? `width:${Math.min(Number(q.width) + 2, 1602)}px` : ''}>
                <iframe id="preview" src={codes.embedUrl} title="Preview of the embedded widget" height={codes.height}></iframe>
              </div>
            </section>
            <section class="panel" aria-labelledby="codes-title">
              <h2 id="codes-title">Embed</h2>
              <p class="status" id="copy-status" role="status" aria-live="polite"></p>
              <div class="codes">
                {CODE_BLOCKS.map((b) => (
                  <div class="code">
                    <div class="code-head">
                      <h3 id={`title-${b.key}`}>{b.title}</h3>
                      <button type="button" class="secondary" data-copy={`code-${b.key}`} aria-describedby={`title-${b.key}`}>Copy</button>
                    </div>
                    <p>{b.hint}</p>
                    <textarea id={`code-${b.key}`} rows={b.rows} readonly aria-labelledby={`title-${b.key}`}>{codeText(codes, b.key)}</textarea>
                  </div>
                ))}
                <div class="code">
                  <div class="code-head"><h3>Get the data</h3></div>
                  <p>What the widget shows, with sources and excerpts.</p>
                  <p>
                    <a id="data-csv" href={codes.data.csv}>CSV</a> · <a id="data-json" href={codes.data.json}>JSON</a>
                  </p>
                </div>
              </div>
            </section>
          </div>
        </main>
      </body>
    </html>
  )
}

workshopRoutes.get('/', async (c) => {
  const origin = new URL(c.req.url).origin
  const q = readQuery(c)
  // The newest hundred stories to choose from, and the one asked for if it is older.
  const stories: { slug: string; headline: string }[] = (await storyPage(c.env.DB, { limit: 100 }, 'readers')).stories
  let result
  let error: string | undefined
  try {
    result = await codesFor(c, q)
  } catch (e) {
    // A bad option in the workshop's own URL shows the defaults with a note, not an error page.
    error = e instanceof Error ? e.message : 'Those options could not be used.'
    result = await codesFor(c, { story: q.story && stories.some((s) => s.slug === q.story) ? q.story : bundledSlugs()[0] })
  }
  if (!stories.some((s) => s.slug === result.req.story.slug)) stories.push({ slug: result.req.story.slug, headline: localize(result.req.story.headline, result.req.story.language) })
  const { codes, req, widget } = result
  const widgetId = widget.id
  const shown = error ? { story: req.story.slug } : q
  const notModified = await cacheFor(c, { parts: ['workshop', origin, JSON.stringify(shown), ...stories.map((s) => s.slug), req.version], pinned: false })
  if (notModified) return notModified
  c.header('Content-Security-Policy', `default-src 'none'; script-src ${origin}; connect-src ${origin}; frame-src ${origin}; img-src ${origin} data:; style-src 'unsafe-inline'; base-uri 'none'; form-action ${origin}`)
  return c.html('<!doctype html>' + (<Page origin={origin} stories={stories} story={req.story} widgetId={widgetId} q={shown} codes={codes} error={error} />).toString())
})
