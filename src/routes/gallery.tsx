// GET / — the gallery: every story and widget with a live preview, its examples, and the
// copy-paste <img> code with alt text from the widget's own description. Issue #3 grows
// this page into the embed workshop (options form, iframe and script codes).
import { Hono } from 'hono'
import { raw } from 'hono/html'
import { widgets } from '../../widgets/index'
import { cacheFor } from '../http/caching'
import { loadStory, storySlugs } from '../stories'

export const galleryRoutes = new Hono()

const CSS = `
:root{color-scheme:light dark;--bg:#f4f5f7;--fg:#16181b;--muted:#555a60;--card:#fff;--line:#d5d8dc;--accent:#1f5c8a}
@media (prefers-color-scheme:dark){:root{--bg:#101214;--fg:#eef0f2;--muted:#b3b8bf;--card:#1a1d21;--line:#33383e;--accent:#8cc0ea}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 'Noto Sans',system-ui,-apple-system,'Segoe UI',Arial,sans-serif;background:var(--bg);color:var(--fg)}
header,main{max-width:1240px;margin:0 auto;padding:24px}header h1{margin:0;font-size:28px}header p{margin:4px 0 0;color:var(--muted)}
h2{font-size:22px;margin:8px 0 4px}.meta{color:var(--muted);margin:0 0 16px;font-size:14px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,560px),1fr));gap:20px}
article{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px;display:flex;flex-direction:column;gap:10px;min-width:0}
article h3{margin:0;font-size:18px}article p{margin:0;color:var(--muted);font-size:14px}
.preview{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:6px}
a{color:var(--accent)}nav{display:flex;flex-wrap:wrap;gap:6px 14px;font-size:14px}
label{font-size:13px;color:var(--muted)}textarea{width:100%;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:6px;padding:8px;resize:vertical}
`

galleryRoutes.get('/', async (c) => {
  const origin = new URL(c.req.url).origin
  const stories = await Promise.all(storySlugs().map((slug) => loadStory(slug)))
  const notModified = await cacheFor(c, { parts: ['gallery', origin, ...stories.map((s) => `${s.story.slug}@${s.version}`)], pinned: false })
  if (notModified) return notModified
  return c.html(
    '<!doctype html>' +
      (
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>factbox — sourced widgets</title>
            <style>{raw(CSS)}</style>
          </head>
          <body>
            <header>
              <h1>factbox</h1>
              <p>Embeddable, sourced data-journalism widgets. Every figure carries its source, qualifier and as-of date.</p>
            </header>
            <main>
              {stories.map(({ story, version }) => (
                <section>
                  <h2>{story.headline.en}</h2>
                  <p class="meta">
                    Story <code>{story.slug}</code> · version {version} · as of {story.asOf} ·{' '}
                    <a href={`/api/stories/${story.slug}`}>dataset (JSON)</a>
                  </p>
                  <div class="grid">
                    {Object.values(widgets).map((w) => {
                      const base = `${origin}/widgets/${story.slug}/${w.id}`
                      const defaults = w.options.parse({})
                      const alt = w.layout(story, defaults).frame.desc
                      const code = `<img src="${base}.svg" alt="${alt.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="${defaults.width}" style="max-width:100%;height:auto">`
                      return (
                        <article>
                          <h3>{w.title}</h3>
                          <p>{w.description}</p>
                          <img class="preview" src={`${base}.svg`} alt={alt} width={defaults.width} loading="lazy" />
                          <nav>
                            {w.examples.map((ex) => (
                              <a href={`${base}.svg?${new URLSearchParams(ex.options)}`}>{ex.title}</a>
                            ))}
                            <a href={`${base}.json`}>JSON</a>
                            <a href={`${base}.csv`}>CSV</a>
                          </nav>
                          <label for={`code-${w.id}`}>Image embed code</label>
                          <textarea id={`code-${w.id}`} rows={3} readonly>{code}</textarea>
                        </article>
                      )
                    })}
                  </div>
                </section>
              ))}
            </main>
          </body>
        </html>
      ).toString(),
  )
})
