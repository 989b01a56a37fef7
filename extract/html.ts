// HTML → article text, for bodies a CMS stores (issue #12). A real HTML parser
// (htmlparser2) reads the markup; block elements become paragraphs (one per line, as the
// extractor expects); scripts, styles, figures and their captions, navigation, headers,
// footers, asides and forms are dropped. When the page carries schema.org JSON-LD with an
// `articleBody`, that is the text: it is what the publisher says the article is.
import { Parser } from 'htmlparser2'

export interface HtmlArticle {
  text: string
  /** From JSON-LD `headline`, when the page has one. */
  headline?: string
  /** Where the text came from. */
  from: 'json-ld' | 'markup'
}

const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'figure', 'figcaption', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'svg', 'iframe', 'object', 'canvas', 'audio', 'video', 'picture', 'head', 'title', 'menu'])
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'tr', 'table', 'dd', 'dt', 'dl', 'br', 'hr', 'body'])

/** The first `articleBody` (and its `headline`) in JSON-LD, searching arrays and @graph. */
function fromJsonLd(json: string): { body: string; headline?: string } | undefined {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    return undefined
  }
  const stack: unknown[] = [data]
  for (let guard = 0; stack.length && guard < 1000; guard++) {
    const node = stack.pop()
    if (Array.isArray(node)) stack.push(...node)
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>
      if (typeof o.articleBody === 'string' && o.articleBody.trim()) {
        return { body: o.articleBody, headline: typeof o.headline === 'string' ? o.headline : undefined }
      }
      if (o['@graph']) stack.push(o['@graph'])
    }
  }
  return undefined
}

function tidy(paragraphs: string[]): string {
  return paragraphs.map((p) => p.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim()).filter(Boolean).join('\n')
}

export function htmlToText(html: string): HtmlArticle {
  const paragraphs: string[] = []
  let current = ''
  let dropDepth = 0
  let inJsonLd = false
  let jsonLd = ''
  const found: { body: string; headline?: string }[] = []
  const breakParagraph = () => {
    if (current.trim()) paragraphs.push(current)
    current = ''
  }
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' && /ld\+json/i.test(attrs.type ?? '')) {
          inJsonLd = true
          jsonLd = ''
        }
        if (DROPPED.has(name) || attrs.hidden !== undefined || attrs['aria-hidden'] === 'true') {
          dropDepth++
          return
        }
        if (!dropDepth && BLOCKS.has(name)) breakParagraph()
      },
      ontext(data) {
        if (inJsonLd) jsonLd += data
        else if (!dropDepth) current += data.replace(/\s+/g, ' ')
      },
      onclosetag(name, implied) {
        if (name === 'script' && inJsonLd) {
          inJsonLd = false
          const ld = fromJsonLd(jsonLd)
          if (ld) found.push(ld)
        }
        if (DROPPED.has(name) && dropDepth > 0) {
          dropDepth--
          return
        }
        if (!dropDepth && BLOCKS.has(name) && !implied) breakParagraph()
        else if (!dropDepth && BLOCKS.has(name)) breakParagraph()
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  )
  parser.write(html)
  parser.end()
  breakParagraph()
  const ld = found[0]
  if (ld) return { text: tidy(ld.body.split(/\n+/)), headline: ld.headline?.trim() || undefined, from: 'json-ld' }
  return { text: tidy(paragraphs), from: 'markup' }
}
