// GET /embed/{story}/{widget}: the page made for an <iframe> (CONTRACT.md "Embedding"), and
// the two scripts: /embed/frame.js, which runs inside that page, and /embed.js, the loader
// a host page includes. The page works without script: the widget is inline SVG, and a
// visually hidden list gives screen readers every item with its source.
import type { Context } from 'hono'
import { type AppEnv, router } from '../env'
import frameScript from '../client/embed-frame.client.js'
import loaderScript from '../client/embed-loader.client.js'
import { type WidgetModule, layoutWidget, widgets } from '../../widgets/index'
import type { Story } from '../../widgets/story'
import { localeFormat } from '../../widgets/locale'
import { escapeXml } from '../../widgets/svg'
import { palettes } from '../../widgets/theme'
import { cacheFor } from '../http/caching'
import { cachedRender } from '../http/render-cache'
import { validateOptions } from '../http/validation'
import { DATA_ROW_HEIGHT, optionQuery } from '../embed-codes'
import { resolveWidget } from '../widget-request'

export const embedRoutes = router()


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
function embedCsp(origin: string): string {
  return `default-src 'none'; script-src ${origin}; connect-src ${origin}; img-src ${origin} data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'`
}

async function script(c: Context<AppEnv>, name: string, source: string) {
  const notModified = await cacheFor(c, { parts: ['script', name], pinned: false })
  if (notModified) return notModified
  return c.body(source, 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
}

embedRoutes.get('/embed.js', (c) => script(c, 'loader', loaderScript))
embedRoutes.get('/embed/frame.js', (c) => script(c, 'frame', frameScript))

for (const widget of Object.values(widgets)) {
  embedRoutes.get(`/embed/:slug/${widget.id}`, validateOptions(widget.optionSpecs, widget.options), async (c) => {
    const url = new URL(c.req.url)
    const origin = url.origin
    const { widget: shown, story, version, opts, normalised, pinned, stale } = await resolveWidget(c.env.DB, widget, c.req.param('slug'), c.req.valid('query'))
    const parts = ['embed', origin, story.slug, version, widget.id, normalised, new URLSearchParams(url.search).has('width') ? 'fixed' : 'fluid']
    const notModified = await cacheFor(c, { parts, pinned, stale })
    if (notModified) return notModified
    c.header('Content-Security-Policy', embedCsp(origin))
    return c.html(cachedRender(parts.join('|'), () => embedPage(shown, story, opts, url, origin)))
  })
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

function embedPage(widget: WidgetModule<any>, story: Story, opts: any, url: URL, origin: string): string {
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
