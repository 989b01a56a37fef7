// GET /admin/new — a new story from any article (issues #11 "The editor" and #12 "HTTP and the
// editor"): paste the article, pick each figure, event and statement by selecting its words,
// or let POST /api/drafts propose them and keep the ones that hold; see the three widgets
// drawn live from the unsaved dataset; create. Sign-in is /admin's: /api/me first (Access
// needs nothing typed), else an editor token held in page memory. /admin-new.js does the work
// against the public API; this is its shell.
import { EditorHead, setEditorPageHeaders } from './editor-shell'
import type { Child } from 'hono/jsx'
import adminNewScript from '../client/admin-new.client.js'
import { widgets } from '../../widgets/index'
import { locales } from '../../widgets/locale'
import { qualifiers } from '../../widgets/story'
import { router } from '../env'
import { cacheFor } from '../http/caching'

export const adminNewPageRoutes = router()

const LOCALE_NAMES: Record<string, string> = { en: 'English', ar: 'العربية (Arabic)', he: 'עברית (Hebrew)', fr: 'Français', de: 'Deutsch', es: 'Español' }

// Colours: the /admin palette, plus highlights whose text keeps WCAG AA contrast (1.4.3) in
// both schemes. Two columns from 1000 px, the article beside the form and scrolling on its
// own so that selecting in it never loses the item being filled; one column below.
const CSS = `
:root{--mark:#fde68a;--mark-drop:#eef0f2;--needs:#9a4005}
@media (prefers-color-scheme:dark){:root{--mark:#5c4a10;--mark-drop:#262a30;--needs:#f5a65b}}
.top p{margin:0;color:var(--muted);flex:1 1 320px}.top nav{display:flex;gap:14px}
main{max-width:1500px;margin:0 auto;padding:16px 24px;display:grid;gap:16px}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:14px 16px;min-width:0;margin:0 0 16px}
label,.label{display:block;font-size:13px;font-weight:600;margin:0 0 3px}
input[type=checkbox]{width:auto;margin:0 6px 0 0;vertical-align:middle}
#article{min-height:110px;font-size:13px}
[aria-invalid=true]{border-color:var(--bad);outline:1px solid var(--bad)}
.field{flex:1 1 150px;min-width:0}.field.narrow{flex:0 1 130px}
.field-error{margin:3px 0 0;color:var(--bad);font-size:13px;overflow-wrap:anywhere}
.hint{margin:3px 0 0;color:var(--muted);font-size:13px}.hint.needs{color:var(--needs);font-weight:600}
button.small{font-size:13px;padding:3px 10px}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;align-items:start}
.article-col{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;border-radius:10px}
@media (max-width:1000px){.grid{grid-template-columns:minmax(0,1fr)}.article-col{position:static;max-height:none;overflow:visible}}
@media (max-width:600px){main{padding:10px}.top{padding:12px}.panel{padding:12px}}
.tools{position:sticky;top:0;z-index:1;background:var(--panel);padding:8px 0 4px;border-bottom:1px solid var(--line);margin:0 0 8px}.tools .row{gap:6px}.tools .status{font-size:14px;margin-top:4px}
.row.start{align-items:flex-start}
.field.check label{display:flex;align-items:center;gap:2px;font-size:14px;min-height:36px;margin:0}
.jump{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:4px 14px;padding:8px 12px;margin:0 0 12px;background:var(--panel);border:1px solid var(--line);border-radius:10px;font-size:14px;font-weight:600}
h2[id]{scroll-margin-top:56px}
.view{font-size:15px;line-height:1.7}.view p{margin:0 0 .8em;overflow-wrap:anywhere}.view:empty::before{content:'The article appears here once pasted.';color:var(--muted)}
mark{color:inherit;background:var(--mark);border-radius:2px;padding:1px 0;cursor:pointer}
mark.dropped{background:var(--mark-drop);outline:1px dashed var(--muted);outline-offset:-1px}
mark.needs{box-shadow:inset 0 -3px 0 var(--needs)}mark.flash{outline:3px solid var(--accent)}
.legend{font-size:13px;color:var(--muted);margin:0 0 8px}.legend mark{cursor:default;color:var(--fg)}
.item.dropped{border-style:dashed}.item.dropped .fields{display:none}
.item-head{display:flex;flex-wrap:wrap;gap:6px 12px;align-items:center;margin:0 0 6px}
.item-head h3{margin:0;font-size:15px;flex:1 1 200px;overflow-wrap:anywhere}
.badge{font-size:12px;border:1px solid var(--line);border-radius:999px;padding:0 8px;color:var(--muted)}.badge.needs{border-color:var(--needs);color:var(--needs);font-weight:600}
.excerpt{margin:0 0 6px;color:var(--muted);font-size:13px;overflow-wrap:anywhere}
.problems{margin:6px 0 0;padding-inline-start:20px;font-size:14px}.problems li{overflow-wrap:anywhere}.problems button{padding:0;border:0;background:none;color:var(--accent);text-decoration:underline;font-weight:600}
.previews figure{margin:0 0 14px}.previews img{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:6px}
.previews figcaption{font-size:13px;font-weight:600;margin:0 0 4px}
.links{margin:6px 0 0;padding-inline-start:20px}.links li{overflow-wrap:anywhere}
`

adminNewPageRoutes.get('/admin-new.js', async (c) => {
  const notModified = await cacheFor(c, { parts: ['script', 'admin-new'], pinned: false })
  return notModified ?? c.body(adminNewScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
})

function field(id: string, label: string, control: Child, className = 'field') {
  return (
    <div class={className} data-field={id}>
      <label for={id}>{label}</label>
      {control}
    </div>
  )
}

adminNewPageRoutes.get('/admin/new', (c) => {
  const origin = new URL(c.req.url).origin
  setEditorPageHeaders(c, origin)
  return c.html(
    '<!doctype html>' +
      (
        <html lang="en">
          <EditorHead title="factbox — new story" css={CSS} script={`${origin}/admin-new.js`} />
          <body>
            <header class="top">
              <h1>New story</h1>
              <p>Paste the article, pick its figures, dates and statements from its own words, check the widgets, create. Every excerpt must be the article’s words.</p>
              <nav aria-label="Editor"><a href="/admin">All stories</a><a href="/">Embed workshop</a></nav>
            </header>
            <main>
              <section class="panel" aria-labelledby="access-title">
                <h2 id="access-title">Sign in</h2>
                <p class="who" id="who" hidden></p>
                <form id="access" class="row">
                  <div class="field" id="token-field">
                    <label for="token">Editor token</label>
                    <input id="token" name="token" type="password" autocomplete="off" required />
                  </div>
                  <button type="submit" id="sign-in">Sign in</button>
                </form>
                <p class="status" id="status" role="status" aria-live="polite">The token stays in this page’s memory and is sent only to this server.</p>
              </section>
              <div class="grid" id="editor" data-qualifiers={qualifiers.join('|')} hidden>
                <div class="article-col">
                  <section class="panel" aria-labelledby="article-title">
                    <h2 id="article-title">Article</h2>
                    <div class="field wide" data-field="article">
                      <label for="article">Paste the article: plain text, or the HTML your CMS stores</label>
                      <textarea id="article" spellcheck={false} dir="auto" aria-describedby="article-hint"></textarea>
                      <p class="hint" id="article-hint">HTML is read into paragraphs; scripts, styles, captions and navigation are dropped.</p>
                    </div>
                    <div class="row">
                      <button type="button" id="draft" class="secondary">Draft from the article</button>
                      <button type="button" id="use-text" class="secondary small" hidden>Replace the HTML with its text</button>
                    </div>
                    <p class="hint" id="tools-hint">Select the words in the article below with the mouse, or in the box above with Shift and the arrow keys, then press a button.</p>
                    <div class="tools">
                      <div class="row" role="toolbar" aria-label="Add from the selected words" aria-describedby="tools-hint">
                        <button type="button" id="add-figure" class="small">Add figure from selection</button>
                        <button type="button" id="add-event" class="small">Add event from selection</button>
                        <button type="button" id="add-statement" class="small">Add statement from selection</button>
                      </div>
                      <p class="status" id="work-status" role="status" aria-live="polite"></p>
                    </div>
                    <p class="legend" id="legend" hidden><mark>kept</mark> · <mark class="dropped">drafted, not kept</mark> · <mark class="needs">needs an attribution or a speaker</mark> — click a highlight to go to its item.</p>
                    <div id="article-view" class="view" dir="auto" aria-label="The article as it will be stored"></div>
                  </section>
                </div>
                <div>
                  <nav class="jump" aria-label="Parts of the story">
                    <a href="#story-title">Story</a>
                    <a href="#figures-title">Figures</a>
                    <a href="#events-title">Events</a>
                    <a href="#statements-title">Statements</a>
                    <a href="#duration-heading">Duration</a>
                    <a href="#preview-title">Preview</a>
                    <a href="#create-title">Create</a>
                  </nav>
                  <section class="panel" aria-labelledby="story-title">
                    <h2 id="story-title">Story</h2>
                    <div class="row start">
                      {field('headline', 'Headline (shown on the widgets)', <input id="headline" type="text" maxlength={200} />, 'field wide')}
                      {field('title', 'Article title', <input id="title" type="text" maxlength={300} />, 'field wide')}
                      {field('publisher', 'Publisher', <input id="publisher" type="text" maxlength={200} />)}
                      {field('url', 'Article URL', <input id="url" type="url" placeholder="https://" />)}
                      {field('published', 'Published', <input id="published" type="date" required />, 'field narrow')}
                      {field('as-of', 'Figures as of (default: published)', <input id="as-of" type="date" />, 'field narrow')}
                      {field(
                        'language',
                        'Language of the article',
                        <select id="language">
                          {locales.map((l) => (
                            <option value={l}>{LOCALE_NAMES[l]}</option>
                          ))}
                        </select>,
                        'field narrow',
                      )}
                      {field('slug', 'Slug (optional)', <input id="slug" type="text" placeholder="made from the headline and date" pattern="[a-z0-9]+(-[a-z0-9]+)*" maxlength={64} />)}
                    </div>
                  </section>
                  {(['figures', 'events', 'statements'] as const).map((key) => (
                    <section class="panel" aria-labelledby={`${key}-title`}>
                      <h2 id={`${key}-title`}>{key[0].toUpperCase() + key.slice(1)}</h2>
                      <p class="hint" id={`${key}-count`}></p>
                      <div id={key}></div>
                    </section>
                  ))}
                  <section class="panel" aria-labelledby="duration-heading">
                    <h2 id="duration-heading">Duration</h2>
                    <p class="hint">What the duration widget draws: from one event to another, or to the as-of date.</p>
                    <div class="row">
                      {field('duration-start', 'Starts with the event', <select id="duration-start"></select>)}
                      {field('duration-end', 'Ends with the event (optional)', <select id="duration-end"></select>)}
                      {field('duration-label', 'Label, e.g. “since dockworkers walked out on 23 February”', <input id="duration-label" type="text" maxlength={200} />, 'field wide')}
                      {field('duration-title', 'Title, e.g. “Length of the port strike”', <input id="duration-title" type="text" maxlength={120} />, 'field wide')}
                    </div>
                  </section>
                  <section class="panel previews" id="preview-panel" aria-labelledby="preview-title">
                    <h2 id="preview-title">Preview</h2>
                    <p class="status" id="preview-status" role="status" aria-live="polite"></p>
                    {Object.values(widgets).map((w) => (
                      <figure>
                        <figcaption id={`caption-${w.id}`}>{w.title}</figcaption>
                        <img id={`preview-${w.id}`} data-widget={w.id} alt={`Preview: ${w.title}`} width="640" hidden />
                        <p class="status" id={`preview-${w.id}-status`}></p>
                      </figure>
                    ))}
                  </section>
                  <section class="panel" aria-labelledby="create-title">
                    <h2 id="create-title">Create</h2>
                    <div class="row">
                      {field('note', 'Note for the version history', <input id="note" type="text" maxlength={500} value="First version, from the article" />, 'field wide')}
                      <button type="button" id="create">Create the story</button>
                    </div>
                    <div id="create-result" role="status" aria-live="polite"></div>
                    <ul class="problems" id="problems" aria-label="Problems the server named"></ul>
                  </section>
                </div>
              </div>
            </main>
          </body>
        </html>
      ).toString(),
  )
})
