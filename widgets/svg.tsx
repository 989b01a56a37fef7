// Markup shared by every widget: the standalone SVG document (CONTRACT.md "Every widget":
// role="img", <title> and <desc> linked by aria-labelledby, no script, nothing external)
// and the few shapes the layouts place. hono/jsx escapes every string it is given; the
// components only copy numbers and words the layout decided.
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { Direction } from './locale'
import type { TextLine } from './text-block'
import { type Theme, themeStyle } from './theme'

export interface Frame {
  /** Prefix of element ids, so that several widgets can be inlined in one page. */
  id: string
  width: number
  height: number
  theme: Theme
  lang: string
  dir: Direction
  title: string
  /** What the picture shows, one sentence per figure, event or statement: the <desc>, alt text and screen-reader list. */
  sentences: string[]
  /** Set for preset=card: the region of the layout shown, and the size it is shown at. */
  view?: { x: number; y: number; width: number; height: number }
  outer?: { width: number; height: number }
}

export function SvgDocument(props: { frame: Frame; children: Child }) {
  const f = props.frame
  const view = f.view ?? { x: 0, y: 0, width: f.width, height: f.height }
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={f.outer?.width ?? f.width}
      height={f.outer?.height ?? f.height}
      viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
      role="img"
      aria-labelledby={`${f.id}-title ${f.id}-desc`}
      lang={f.lang}
      data-dir={f.dir}
    >
      <title id={`${f.id}-title`}>{f.title}</title>
      <desc id={`${f.id}-desc`}>{f.sentences.join(' ')}</desc>
      <style>{raw(themeStyle(f.theme))}</style>
      <rect class="bg" x={view.x} y={view.y} width={view.width} height={view.height} />
      {props.children}
    </svg>
  )
}

export function Text(props: { line: TextLine }) {
  const l = props.line
  return (
    <text
      x={l.x}
      y={l.y}
      font-size={l.size}
      font-weight={l.bold ? 700 : undefined}
      class={l.script ? `${l.role} ${l.script}` : l.role}
      text-anchor={l.anchor === 'start' ? undefined : l.anchor}
      lang={l.lang}
    >
      {l.text}
    </text>
  )
}

export function Texts(props: { lines: TextLine[] }) {
  return <>{props.lines.map((line) => <Text line={line} />)}</>
}

/** The <svg> element as a string, to inline in HTML or to serve after XML_DECLARATION. */
export function svgString(node: { toString(): string | Promise<string> }): string {
  const body = node.toString()
  if (typeof body !== 'string') throw new Error('widget markup must render synchronously')
  return body
}

/** What a standalone .svg file starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
