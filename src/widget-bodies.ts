// What a widget route sends, made from a story version and parsed options: the SVG, the
// JSON, the CSV and the embed page, with the headers each goes with. The routes serve
// them (src/routes/widgets.ts, embed.ts), and publishing stores the default ones for every
// location (src/stored-bodies.ts, src/prerender.ts), so both make them the same way.
import { type WidgetModule, layoutWidget, renderWidget } from '../widgets/index'
import { localeFormat } from '../widgets/locale'
import type { Story } from '../widgets/story'
import { XML_DECLARATION, escapeXml } from '../widgets/svg'
import { palettes } from '../widgets/theme'
import { DATA_ROW_HEIGHT, optionQuery } from './embed-codes'
import { toCsv } from './http/csv'

/** What an SVG may do once loaded: draw itself with inline styles and data: fonts, nothing else. */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:"

/** The formats of /widgets/{slug}/{widget}.{format} made as text, and the embed page. */
export type BodyFormat = 'svg' | 'json' | 'csv' | 'embed'

/** Where a body is made for: the version, and the origin the embed page links back to. */
export interface BodyContext {
  version: number
  /** The request's URL: the embed page's origin and whether it was asked for a fixed width. */
  url: URL
}

/**
 * The body of `format` for `widget` (the widget asked for) as `shown` (itself, or its notice
 * when the story is withdrawn). `opts` are the parsed options, without `version`.
 */
export function widgetBody(format: BodyFormat, widget: WidgetModule<any>, shown: WidgetModule<any>, story: Story, opts: any, at: BodyContext): string {
  if (format === 'svg') return XML_DECLARATION + renderWidget(shown, story, opts)
  if (format === 'json') return JSON.stringify(widgetJson(shown, story, at.version, opts))
  if (format === 'csv') return widgetCsv(widget, shown, story, opts)
  return embedPage(shown, story, opts, at.url)
}

/** What a widget's SVG, JSON or CSV is made from (the code too): also its ETag's parts and its key in this isolate's memory. */
export function widgetParts(revision: string, slug: string, version: number, widgetId: string, format: Exclude<BodyFormat, 'embed'>, normalised: string): (string | number)[] {
  return ['widget', revision, slug, version, widgetId, format, normalised]
}

/** What an embed page is made from: the same, with the origin it links to and whether its width is fixed. */
export function embedParts(revision: string, url: URL, slug: string, version: number, widgetId: string, normalised: string): (string | number)[] {
  return ['embed', revision, url.origin, slug, version, widgetId, normalised, url.searchParams.has('width') ? 'fixed' : 'fluid']
}

/** The headers a body of `format` is sent with. */
export function bodyHeaders(format: BodyFormat, slug: string, widgetId: string, at: BodyContext): Record<string, string> {
  if (format === 'svg') return { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Content-Security-Policy': SVG_CSP }
  if (format === 'json') return { 'Content-Type': 'application/json' }
  if (format === 'csv') return { 'Content-Type': 'text/csv; charset=utf-8; header=present', 'Content-Disposition': `attachment; filename="${slug}-v${at.version}-${widgetId}.csv"` }
  return { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Security-Policy': embedCsp(at.url.origin) }
}

function widgetJson(widget: WidgetModule<any>, story: Story, version: number, opts: any) {
  const { version: _pin, ...options } = opts
  const { frame } = layoutWidget(widget, story, opts)
  const revision = story.revision
  return {
    story: story.slug,
    version,
    asOf: story.asOf,
    published: story.published,
    widget: widget.id,
    options,
    // The picture's <title> and <desc>: ready-made alt text for an <img>.
    title: frame.title,
    description: frame.sentences.join(' '),
    // What the widget tells readers about this version: public notes only, never the history's.
    ...(revision?.withdrawn ? {} : { notes: (revision?.notes ?? []).map((n) => ({ kind: n.kind, date: n.day, note: n.note })) }),
    ...(widget.summary ? widget.summary(story, opts) : {}),
    [widget.itemsKey]: widget.items(story, opts),
  }
}

/** A withdrawn story's CSV keeps the widget's columns and has no rows. */
function widgetCsv(widget: WidgetModule<any>, shown: WidgetModule<any>, story: Story, opts: any): string {
  const items = shown.items(story, opts)
  const header = shown === widget || widget.unavailable?.(story) ? items : widget.items(story, opts)
  const columns = [...new Set(header.flatMap((row) => Object.keys(row)))]
  return toCsv(columns, items)
}

const CSS = `
html,body{margin:0;padding:0}
body{font:13px/20px 'Noto Sans','Noto Sans Arabic','Noto Sans Hebrew',system-ui,-apple-system,'Segoe UI',Arial,sans-serif}
#factbox-widget svg{display:block;max-width:100%;height:auto}
.data{height:${DATA_ROW_HEIGHT}px;box-sizing:border-box;margin:0;padding:4px 16px 6px;display:flex;white-space:nowrap}
.data .label{overflow:hidden;text-overflow:ellipsis;min-width:1em;margin-inline-end:.3em}.data .sep{padding:0 .3em}
.data .corrections{margin-inline-start:auto;padding-inline-start:12px;flex:none}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`
const colours = (p: (typeof palettes)['light']) => `body{background:${p.bg};color:${p.muted}}a{color:${p.fg}}`
const THEME_CSS = {
  light: colours(palettes.light),
  dark: colours(palettes.dark),
  auto: `${colours(palettes.light)}@media (prefers-color-scheme:dark){${colours(palettes.dark)}}`,
}

/** No inline script; scripts, fetches and images only from this origin. */
export function embedCsp(origin: string): string {
  return `default-src 'none'; script-src ${origin}; connect-src ${origin}; img-src ${origin} data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'`
}

// A widget's sentences are shared between its layouts (widgets/common.ts perStory), so the
// page keeps their escaped list and the two-sentence summary once per array.
const spokenCache = new WeakMap<readonly string[], { summary: string; list: string }>()
function spoken(sentences: readonly string[]) {
  let made = spokenCache.get(sentences)
  if (!made) {
    made = { summary: escapeXml(sentences.slice(0, 2).join(' ')), list: sentences.map((s) => `<li>${escapeXml(s)}</li>`).join('') }
    spokenCache.set(sentences, made)
  }
  return made
}

function embedPage(widget: WidgetModule<any>, story: Story, opts: any, url: URL): string {
    const origin = url.origin
    const fmt = localeFormat(opts.locale)
    // One layout for the picture and for the words around it (title, sentences).
    const layout = layoutWidget(widget, story, opts)
    const svg = widget.render(layout as never)
    // The options this page was asked with, minus width: frame.js adds the width it lays out at.
    const query = optionQuery(widget, { ...opts, width: undefined })
    const requestedWidth = new URLSearchParams(url.search).has('width') ? opts.width : ''
    const widgetBase = `${origin}/widgets/${story.slug}/${widget.id}`
    // Built from the parsed options only: parameters a host page adds (Pym.js's childId, …)
    // are not part of this page, its ETag or its cache entry.
    const pageQuery = optionQuery(widget, requestedWidth ? opts : { ...opts, width: undefined }).toString()
    const pageUrl = `${origin}/embed/${story.slug}/${widget.id}${pageQuery ? `?${pageQuery}` : ''}`
    const title = `${layout.frame.title} — factbox`
    const oembed = (format: string) => `${origin}/oembed?${new URLSearchParams({ url: pageUrl, format })}`
    const dataQuery = query.toString() ? `?${query}` : ''
    const cardQuery = new URLSearchParams([...query, ['preset', 'card']]).toString()
    // The story's public record of updates, corrections and a withdrawal (issue #13).
    const corrections = `${origin}/api/stories/${story.slug}/corrections.atom`

    // Written as a template, every value through escapeXml: this page is made for every new
    // width an iframe asks for, and JSX cost several times as much (npm run bench:http).
    const e = escapeXml
    const ogTitle = e(layout.frame.title)
    const { summary, list } = spoken(layout.frame.sentences)
    const card = e(`${widgetBase}.png?${cardQuery}`)
    return (
      `<!doctype html><html lang="${e(fmt.locale)}" dir="${fmt.dir}"><head>` +
      '<meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><link rel="icon" href="data:,"/>' +
      `<title>${e(title)}</title>` +
      `<link rel="alternate" type="application/json+oembed" href="${e(oembed('json'))}" title="${ogTitle}"/>` +
      `<link rel="alternate" type="text/xml+oembed" href="${e(oembed('xml'))}" title="${ogTitle}"/>` +
      `<link rel="alternate" type="application/atom+xml" href="${e(corrections)}" title="${e(fmt.messages.corrections)}"/>` +
      '<meta property="og:type" content="website"/><meta property="og:site_name" content="factbox"/>' +
      `<meta property="og:title" content="${ogTitle}"/><meta property="og:description" content="${summary}"/>` +
      `<meta property="og:url" content="${e(pageUrl)}"/><meta property="og:image" content="${card}"/>` +
      '<meta property="og:image:width" content="1200"/><meta property="og:image:height" content="630"/>' +
      `<meta property="og:image:alt" content="${summary}"/><meta name="twitter:card" content="summary_large_image"/>` +
      `<meta name="twitter:image" content="${card}"/><meta name="twitter:title" content="${ogTitle}"/>` +
      `<meta name="twitter:description" content="${summary}"/>` +
      `<style>${CSS}${THEME_CSS[opts.theme as keyof typeof THEME_CSS]}</style>` +
      `<script src="${e(origin)}/embed/frame.js" defer=""></script></head><body><main>` +
      `<div id="factbox-widget" aria-hidden="true" data-id="${e(`${story.slug}-${widget.id}`)}" data-src="${e(`${widgetBase}.svg${dataQuery}`)}"` +
      ` data-width="${opts.width}" data-requested-width="${requestedWidth}">${svg}</div>` +
      `<h1 class="sr-only">${ogTitle}</h1><ul class="sr-only">${list}</ul>` +
      // At the narrowest widths the words give way (ellipsis), never the links.
      `<p class="data"><span class="label">${e(fmt.messages.getData)}:</span>` +
      `<a href="${e(`${widgetBase}.csv${dataQuery}`)}" target="_blank" rel="noopener" lang="en">CSV</a><span class="sep">·</span>` +
      `<a href="${e(`${widgetBase}.json${dataQuery}`)}" target="_blank" rel="noopener" lang="en">JSON</a>` +
      `<a class="corrections" href="${e(corrections)}" target="_blank" rel="noopener" type="application/atom+xml">${e(fmt.messages.corrections)}</a></p>` +
      '</main></body></html>'
    )
}
