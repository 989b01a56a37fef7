// GET /admin — the editor page (issue #5): load the live version, change figures and
// statements, write the note, preview every widget with the change, see what changed,
// publish. Behind Cloudflare Access the editor is signed in already (the page asks
// /api/me); otherwise an editor token is typed in and kept in memory only (issue #14).
// /admin.js does the work against the public API; this is its shell.
import { EditorHead, setEditorPageHeaders } from './editor-shell'
import adminScript from '../client/admin.client.js'
import { widgets } from '../../widgets/index'
import { router } from '../env'
import { hasEditorCredentials } from '../http/auth'
import { cacheFor } from '../http/caching'
import { storyPage } from '../stories'

export const adminPageRoutes = router()

const CSS = `
.top p{margin:0;color:var(--muted)}
main{max-width:1400px;margin:0 auto;padding:16px 24px;display:grid;gap:16px}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:14px 16px;min-width:0}
label{display:block;font-size:13px;font-weight:600;margin:0 0 3px}
.field{flex:1 1 160px;min-width:0}
.grid{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:16px}@media (max-width:980px){.grid{grid-template-columns:minmax(0,1fr)}}
.item h3{margin:0 0 8px;font-size:15px}
.previews img{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:6px;margin:0 0 10px;background:#fff}
.diff{font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;margin:0;padding:0;list-style:none}
.diff li{padding:3px 0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}.diff del{color:var(--bad)}.diff ins{color:var(--ok);text-decoration:none}
.problems{margin:6px 0 0;padding-inline-start:20px}
.history{margin:0;padding:0;list-style:none;font-size:14px}.history li{padding:4px 0;border-bottom:1px solid var(--line)}.history .by{font-weight:600}
a.button{display:inline-block;font-weight:600;font-size:14px;padding:7px 14px;border-radius:6px;border:1px solid var(--accent);color:var(--accent);text-decoration:none}
.stories{list-style:none;margin:10px 0 0;padding:0}.stories li{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center;padding:6px 0;border-bottom:1px solid var(--line)}
.stories .headline{flex:1 1 260px;min-width:0;overflow-wrap:anywhere;font-weight:600}.stories .meta{color:var(--muted);font-size:13px;overflow-wrap:anywhere}
.kinds{border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:0}.kinds legend{font-size:13px;font-weight:600;padding:0 4px}
.kinds label{font-weight:400;font-size:14px;margin:4px 0;display:flex;gap:8px;align-items:baseline}.kinds input{width:auto;margin:0}
.hint{margin:4px 0 0;font-size:13px;color:var(--muted)}
`

adminPageRoutes.get('/admin.js', async (c) => {
  const notModified = await cacheFor(c, { parts: ['script', 'admin'], pinned: false })
  return notModified ?? c.body(adminScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
})

adminPageRoutes.get('/admin', async (c) => {
  const stories = (await storyPage(c.env.DB, { limit: 100 }, (await hasEditorCredentials(c)) ? 'editors' : 'readers')).stories
  const origin = new URL(c.req.url).origin
  setEditorPageHeaders(c, origin)
  return c.html(
    '<!doctype html>' +
      (
        <html lang="en">
          <EditorHead title="factbox — publish an update" css={CSS} script={`${origin}/admin.js`} />
          <body>
            <header class="top">
              <h1>factbox editor</h1>
              <p>Update a figure or a statement and publish it to every widget at once. Nothing published is ever overwritten.</p>
              <a href="/admin/new">New story</a>
              <a href="/">Embed workshop</a>
            </header>
            <main>
              <section class="panel" aria-labelledby="access-title">
                <h2 id="access-title">Sign in</h2>
                <p class="who" id="who" hidden></p>
                <form id="access" class="row">
                  <div class="field">
                    <label for="story">Story</label>
                    <select id="story" name="story">
                      {stories.map((s) => (
                        <option value={s.slug}>{s.headline} ({s.slug})</option>
                      ))}
                    </select>
                  </div>
                  <div class="field" id="token-field">
                    <label for="token">Editor token</label>
                    <input id="token" name="token" type="password" autocomplete="off" required />
                  </div>
                  <button type="submit">Load the live version</button>
                </form>
                <p class="status" id="status" role="status" aria-live="polite">The token stays in this page’s memory and is sent only to this server.</p>
              </section>
              <section class="panel" aria-labelledby="stories-title">
                <h2 id="stories-title">Stories</h2>
                <div class="row">
                  <div class="field">
                    <label for="story-search">Search by headline</label>
                    <input id="story-search" type="search" autocomplete="off" />
                  </div>
                  <a class="button" href="/admin/new">New story</a>
                </div>
                <ul class="stories" id="story-list"></ul>
                <p class="status" id="stories-status" role="status" aria-live="polite"></p>
                <button type="button" class="secondary" id="more-stories" hidden>More stories</button>
              </section>
              <div class="grid" id="editor" hidden>
                <div>
                  <section class="panel" aria-labelledby="figures-title">
                    <h2 id="figures-title">Figures</h2>
                    <div id="figures"></div>
                  </section>
                  <section class="panel" aria-labelledby="sources-title">
                    <h2 id="sources-title">Sources</h2>
                    <div id="sources"></div>
                    <button type="button" class="secondary" id="add-source">Add a source (the report a new figure comes from)</button>
                  </section>
                  <section class="panel" aria-labelledby="statements-title">
                    <h2 id="statements-title">Statements</h2>
                    <div id="statements"></div>
                    <button type="button" class="secondary" id="add-statement">Add a statement</button>
                  </section>
                </div>
                <div>
                  <section class="panel" aria-labelledby="publish-title">
                    <h2 id="publish-title">Publish</h2>
                    <p id="live"></p>
                    <div class="row">
                      {/* The kind is chosen every time (issue #13): an update and a correction read differently to readers. */}
                      <fieldset class="field wide kinds" id="kind">
                        <legend>What is this publish?</legend>
                        <label><input type="radio" name="kind" value="update" /> Update: newer reporting; figures whose as-of moved show their change</label>
                        <label><input type="radio" name="kind" value="correction" /> Correction: an error fixed; the figure is marked corrected, never shown as a change</label>
                        <label><input type="radio" name="kind" value="retraction" /> Retraction: withdraw the story; every widget shows only the notice</label>
                      </fieldset>
                      <div class="field wide">
                        <label for="public-note">Note for readers, shown on every widget</label>
                        <textarea id="public-note" maxlength={300} aria-describedby="public-note-hint" placeholder="e.g. An earlier version gave the toll as 52,700; the health ministry reported 52,600."></textarea>
                        <p class="hint" id="public-note-hint">Optional for an update (“Updated {'{date}'}: …”); required for a correction (“Corrected {'{date}'}: …”) and a retraction (“Withdrawn on {'{date}'}: …”). Say what was wrong as well as what is right.</p>
                      </div>
                      <div class="field wide">
                        <label for="note">Note for the version history (editors only, never shown to readers)</label>
                        <textarea id="note" required maxlength={500} placeholder="e.g. Health ministry figure of 7 May"></textarea>
                      </div>
                      <p id="publishing-as"></p>
                      <button type="button" id="publish">Publish</button>
                    </div>
                    <div id="publish-result" role="alert"></div>
                    <p class="hint">Public record of this story: <a id="corrections-json" href="#" target="_blank" rel="noopener">corrections</a> · <a id="corrections-atom" href="#" target="_blank" rel="noopener" type="application/atom+xml">Atom feed</a></p>
                  </section>
                  <section class="panel" aria-labelledby="history-title">
                    <h2 id="history-title">Versions: who published what</h2>
                    <ol class="history" id="history"></ol>
                  </section>
                  <section class="panel" aria-labelledby="changes-title">
                    <h2 id="changes-title">Changes against the live version</h2>
                    <ul class="diff" id="changes"></ul>
                  </section>
                  <section class="panel previews" aria-labelledby="preview-title">
                    <h2 id="preview-title">Preview</h2>
                    <p class="status" id="preview-status"></p>
                    {Object.values(widgets).map((w) => (
                      <img id={`preview-${w.id}`} data-widget={w.id} alt={`Preview: ${w.title}`} width="640" />
                    ))}
                  </section>
                </div>
              </div>
            </main>
          </body>
        </html>
      ).toString(),
  )
})
