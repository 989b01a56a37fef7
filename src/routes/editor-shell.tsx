// What /admin and /admin/new share: the headers of a page only editors open (never cached,
// never framed, scripts and requests to this origin only, previews as blob: images) and its
// <head>. Each page keeps its own styles and body.
import type { Context } from 'hono'
import { raw } from 'hono/html'

export function setEditorPageHeaders(c: Context, origin: string): void {
  c.header('Cache-Control', 'no-store')
  c.header('Content-Security-Policy', `default-src 'none'; script-src ${origin}; connect-src ${origin}; img-src ${origin} blob: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`)
  c.header('X-Frame-Options', 'DENY')
}

export function EditorHead(props: { title: string; css: string; script: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <link rel="icon" href="data:," />
      <title>{props.title}</title>
      <style>{raw(props.css)}</style>
      <script src={props.script} defer></script>
    </head>
  )
}
