// Every way to put a widget on a page, for one story, widget and set of options: used by
// the workshop (/), by GET /api/embed-codes and, for the iframe, by /oembed, so that each
// code is written in one place.
import type { WidgetModule } from '../widgets/index'
import { optionDefaults } from '../widgets/options'
import type { Story } from '../widgets/story'
import { escapeXml } from '../widgets/svg'

/** Height of the "Get the data" row under the widget on the embed page. */
export const DATA_ROW_HEIGHT = 30

export interface EmbedCodes {
  embedUrl: string
  iframe: string
  script: string
  image: string
  png: string
  card: string
  oembed: string
  amp: string
  csp: string
  data: { csv: string; json: string }
  width: number
  height: number
  alt: string
}

/** The options a page wrote, minus defaults: short URLs that still mean the same thing. */
export function optionQuery(widget: WidgetModule<any>, opts: Record<string, unknown>): URLSearchParams {
  const defaults = optionDefaults(widget.optionSpecs)
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(opts)) {
    if (value === undefined || value === defaults[key]) continue
    query.set(key, Array.isArray(value) ? value.join(',') : String(value))
  }
  return query
}

export function iframeCode(src: string, width: number, height: number, title: string): string {
  return `<iframe src="${escapeXml(src)}" width="${width}" height="${height}" title="${escapeXml(title)}" style="border:0;max-width:100%" scrolling="no" loading="lazy"></iframe>`
}

/**
 * `responsive` leaves the width to the page (no width option in the URLs): the iframe and
 * script fill their column, the image scales down from the widget's default width.
 */
export function embedCodes(origin: string, widget: WidgetModule<any>, story: Story, opts: Record<string, unknown>, responsive: boolean): EmbedCodes {
  const layout = widget.layout(story, opts)
  const shown = { ...opts, ...(responsive ? { width: undefined } : {}) }
  const query = optionQuery(widget, shown).toString()
  const q = query ? `?${query}` : ''
  const width = opts.width as number
  const height = layout.frame.height + DATA_ROW_HEIGHT
  const embedUrl = `${origin}/embed/${story.slug}/${widget.id}${q}`
  const widgetUrl = `${origin}/widgets/${story.slug}/${widget.id}`
  const title = layout.frame.title
  const alt = layout.frame.sentences.join(' ')
  const dataAttrs = [...optionQuery(widget, shown)].map(([k, v]) => ` data-${k}="${escapeXml(v)}"`).join('')
  return {
    embedUrl,
    iframe: iframeCode(embedUrl, width, height, title),
    script: `<div data-factbox="${story.slug}/${widget.id}"${dataAttrs}></div>\n<script async src="${origin}/embed.js"></script>`,
    image: `<img src="${escapeXml(`${widgetUrl}.svg${q}`)}" alt="${escapeXml(alt)}" width="${width}" style="max-width:100%;height:auto">`,
    png: `<img src="${escapeXml(`${widgetUrl}.png?${new URLSearchParams([...optionQuery(widget, shown), ['scale', '2']])}`)}" alt="${escapeXml(alt)}" width="${width}" style="max-width:100%;height:auto">`,
    card: `${widgetUrl}.png?${new URLSearchParams([...optionQuery(widget, { ...shown, width: undefined }), ['preset', 'card']])}`,
    oembed: `${origin}/oembed?${new URLSearchParams({ url: embedUrl, format: 'json' })}`,
    amp:
      `<amp-iframe src="${escapeXml(embedUrl)}" width="${width}" height="${height}" layout="responsive" resizable\n` +
      `    sandbox="allow-scripts allow-same-origin allow-popups" frameborder="0" title="${escapeXml(title)}">\n` +
      `  <div overflow tabindex="0" role="button" aria-label="Show all">Show all</div>\n</amp-iframe>`,
    csp: `frame-src ${origin}; img-src ${origin}; script-src ${origin}`,
    data: { csv: `${widgetUrl}.csv${q}`, json: `${widgetUrl}.json${q}` },
    width,
    height,
    alt,
  }
}
