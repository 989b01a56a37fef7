// What /admin and /admin/new share: the headers of a page only editors open (never cached,
// never framed, scripts and requests to this origin only, previews as blob: images) and its
// <head> with the styles both pages use. Each page adds its own styles and keeps its body.
import type { Context } from 'hono'
import { raw } from 'hono/html'

export function setEditorPageHeaders(c: Context, origin: string): void {
  c.header('Cache-Control', 'no-store')
  c.header('Content-Security-Policy', `default-src 'none'; script-src ${origin}; connect-src ${origin}; img-src ${origin} blob: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`)
  c.header('X-Frame-Options', 'DENY')
}

/** The colours, type, panels, fields, buttons and status lines of every editor page. */
const EDITOR_CSS = `
:root{color-scheme:light dark;--bg:#f3f4f6;--fg:#15171a;--muted:#555a60;--panel:#fff;--line:#d6d9dd;--accent:#1f5c8a;--accent-fg:#fff;--ok:#1b6b3a;--bad:#a4262c}
@media (prefers-color-scheme:dark){:root{--bg:#0f1113;--fg:#eef0f2;--muted:#b3b8bf;--panel:#191c20;--line:#33383e;--accent:#8cc0ea;--accent-fg:#0f1113;--ok:#7fd49b;--bad:#ff9d9d}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 'Noto Sans',system-ui,-apple-system,'Segoe UI',Arial,sans-serif;background:var(--bg);color:var(--fg)}
a{color:var(--accent)}
.top{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:baseline;padding:14px 24px;background:var(--panel);border-bottom:1px solid var(--line)}
.top h1{margin:0;font-size:20px}
.panel h2{margin:0 0 10px;font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.row{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end}
input,select,textarea{font:inherit;font-size:14px;padding:6px 8px;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:var(--fg);width:100%}
textarea{min-height:60px;resize:vertical}
.field.wide{flex-basis:100%}
button{font:inherit;font-weight:600;font-size:14px;padding:7px 14px;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:var(--accent-fg);cursor:pointer}
button.secondary{background:transparent;color:var(--accent)}
button:disabled{opacity:.5;cursor:not-allowed}
.item{border:1px solid var(--line);border-radius:8px;padding:10px 12px;margin:0 0 10px}
.status{margin:0;min-height:1.5em}
.status.error{color:var(--bad)}
.status.ok{color:var(--ok)}
.who{margin:0 0 10px;font-weight:600}
[hidden]{display:none!important}
`

/** `css`: the page's own styles, after the shared ones, so they may refine them. */
export function EditorHead(props: { title: string; css: string; script: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <link rel="icon" href="data:," />
      <title>{props.title}</title>
      <style>{raw(EDITOR_CSS + props.css)}</style>
      <script src={props.script} defer></script>
    </head>
  )
}
