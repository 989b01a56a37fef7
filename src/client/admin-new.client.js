// The new-story page (/admin/new). The article pasted in (plain text, or a CMS's HTML read
// into paragraphs with DOMParser) is the story's first source; every figure, event and
// statement is a span of it, picked by selecting words in the shown text (or in the paste
// box, with the keyboard) or proposed by POST /api/drafts. The three widgets are drawn live
// from the unsaved dataset (POST /api/stories/{slug}/preview), and the problems the server
// names in a 422 are shown at the fields they name; "Create" POSTs /api/stories. Sign-in is
// /admin's: /api/me first (behind Cloudflare Access nothing is typed), else an editor token
// held in this closure only: no cookie, no storage.
(function () {
  'use strict'
  const $ = (id) => document.getElementById(id)

  let token = ''
  let editor = null // { id, via, scopes, slugs? } from /api/me
  const QUALIFIERS = [''].concat($('editor').dataset.qualifiers.split('|'))
  // Qualifiers that make a figure a rough one; "at least", "more than", "up to" bound an exact count.
  const ROUGH = ['about', 'approximately', 'around', 'roughly', 'some', 'nearly', 'almost']
  const WIDGETS = Array.prototype.map.call(document.querySelectorAll('.previews img'), (img) => img.dataset.widget)
  const KINDS = { figure: 'figures', event: 'events', statement: 'statements' }
  // A drafted item is kept at first when the extractor is this sure of it (its rules give
  // 0.6 for a guess and 0.85–0.9 for a plain pattern) and nothing is missing from it.
  const KEEP_CONFIDENCE = 0.8

  const state = {
    text: '', // the article as stored: what every excerpt and offset refers to
    html: false, // the paste box holds HTML, so its offsets are not the text's
    items: [], // { uid, kind, id, keep, draft, start, end, data }
    selection: null, // { start, end } in text: the words last selected
    drawn: {}, // widget id → true, or why the last preview drew nothing
  }
  let nextUid = 1
  let fields = {} // uid + '.' + field name → { wrap, control }, for the server's problems

  // ---------------------------------------------------------------- talking to the server

  function request(url, options) {
    options = Object.assign({}, options)
    const headers = Object.assign({}, options.headers)
    if (token) headers.Authorization = 'Bearer ' + token
    options.headers = headers
    options.cache = 'no-store'
    return fetch(url, options)
  }

  function postJson(url, body) {
    return request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  }

  function say(text, kind, el) {
    el = el || $('work-status')
    el.textContent = text
    el.className = 'status' + (kind ? ' ' + kind : '')
  }

  // ---------------------------------------------------------------- sign-in, as on /admin

  const VIA = { access: 'through Cloudflare Access', token: 'with an editor token', 'admin-token': 'with the owner’s admin token' }

  function signedIn() {
    $('who').hidden = false
    $('who').textContent = 'Signed in as ' + editor.id + ' ' + VIA[editor.via] + (editor.slugs ? ', for ' + editor.slugs.join(', ') + ' only' : '') + '.'
    $('access').hidden = true
    $('editor').hidden = false
    if (editor.scopes.indexOf('stories:create') < 0) say(editor.id + ' may not create stories: that needs the scope stories:create.', 'error', $('status'))
    else say('Paste the article to begin.', 'ok', $('status'))
  }

  function whoAmI() {
    return request('/api/me')
      .then((res) => (res.ok ? res.json() : null))
      .then((me) => {
        if (me && me.signedIn) {
          editor = me.editor
          signedIn()
        }
      })
      .catch(() => {})
  }

  function signIn(event) {
    event.preventDefault()
    token = $('token').value.trim()
    request('/api/me')
      .then((res) => res.json().then((body) => ({ res, body })))
      .then(({ res, body }) => {
        if (res.ok && body.signedIn) {
          editor = body.editor
          signedIn()
          $('article').focus()
          return
        }
        token = ''
        say(res.status === 429 ? body.detail : 'The token is not valid.', 'error', $('status'))
      })
      .catch(() => say('The server did not answer.', 'error', $('status')))
  }

  // ---------------------------------------------------------------- the article

  // Markup a CMS stores: a tag of these names means the paste is HTML, not text about HTML.
  const HTML_TAG = /<\/?(p|div|br|h[1-6]|article|section|span|a|em|strong|b|i|ul|ol|li|blockquote|figure|figcaption|body|html|head|script|style|nav)\b[^>]*>/i
  // Not the article's words: code, captions, navigation and page furniture.
  const DROPPED = 'script,style,noscript,template,figcaption,nav,aside,header,footer,iframe,svg,form,button,select'
  const BLOCKS = ['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'FIGURE', 'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'UL', 'OL', 'HR']

  /** The paragraphs of an HTML body, one per block, separated by a blank line. */
  function htmlToText(html) {
    const doc = new DOMParser().parseFromString(html, 'text/html')
    doc.querySelectorAll(DROPPED).forEach((n) => n.remove())
    const paragraphs = []
    let words = ''
    const flush = () => {
      const p = words.replace(/\s+/g, ' ').trim()
      if (p) paragraphs.push(p)
      words = ''
    }
    const walk = (node) => {
      node.childNodes.forEach((child) => {
        if (child.nodeType === Node.TEXT_NODE) words += child.data
        else if (child.nodeType === Node.ELEMENT_NODE) {
          if (child.tagName === 'BR') return flush()
          const block = BLOCKS.indexOf(child.tagName) >= 0
          if (block) flush()
          walk(child)
          if (block) flush()
        }
      })
    }
    walk(doc.body)
    flush()
    return paragraphs.join('\n\n')
  }

  /** Each line with words in it: [start, end) in the text. */
  function paragraphsOf(text) {
    const out = []
    const line = /[^\n]+/g
    let m
    while ((m = line.exec(text))) if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length })
    return out
  }

  function readArticle() {
    const pasted = $('article').value
    state.html = HTML_TAG.test(pasted)
    state.text = state.html ? htmlToText(pasted) : pasted
    state.selection = null
    const n = paragraphsOf(state.text).length
    $('article-hint').textContent = !pasted.trim()
      ? 'HTML is read into paragraphs; scripts, styles, captions and navigation are dropped.'
      : state.html
        ? 'Read as HTML: ' + n + (n === 1 ? ' paragraph' : ' paragraphs') + ' below. Select in the text below, or replace the HTML with its text to select with the keyboard.'
        : 'Plain text: ' + n + (n === 1 ? ' paragraph.' : ' paragraphs.')
    $('use-text').hidden = !state.html
    renderView()
    schedulePreview()
  }

  // ---------------------------------------------------------------- highlights

  /** Where an item's excerpt is in the text: its own span while that still reads the excerpt. */
  function spanOf(item) {
    const excerpt = item.data.excerpt
    if (!excerpt) return null
    if (item.start != null && state.text.slice(item.start, item.end) === excerpt) return { start: item.start, end: item.end }
    const at = state.text.indexOf(excerpt)
    return at < 0 ? null : { start: at, end: at + excerpt.length }
  }

  /** What a kept item still lacks that the text did not give: who said or attributed it. */
  function lacking(item) {
    if (item.kind === 'statement') return item.data.speaker.trim() ? '' : 'a speaker'
    if (!item.data.attribution.trim()) return 'an attribution'
    // The drafted label leans on another figure (the server said so); any rewrite clears the
    // badge, and the server checks the new words when the story is created.
    const leaning = item.kind === 'figure' && item.draft && item.draft.needs.indexOf('label') >= 0 && item.data.label === item.draft.draftedLabel
    return leaning ? 'a label that stands alone' : ''
  }

  function title(item) {
    const kind = item.kind[0].toUpperCase() + item.kind.slice(1)
    const name = item.kind === 'statement' ? (item.data.speaker ? item.data.speaker + ': ' : '') + item.data.text : item.data.label
    return kind + ': ' + (name.trim() ? (name.length > 90 ? name.slice(0, 88) + '…' : name) : '(' + item.id + ')')
  }

  function renderView() {
    const view = $('article-view')
    view.textContent = ''
    const spans = []
    state.items.forEach((item) => {
      const span = spanOf(item)
      if (span) spans.push({ start: span.start, end: span.end, item })
    })
    paragraphsOf(state.text).forEach((p) => {
      const el = document.createElement('p')
      el.dir = 'auto'
      el.dataset.start = p.start
      const inside = spans.filter((s) => s.start < p.end && s.end > p.start)
      const cuts = [p.start, p.end]
      inside.forEach((s) => cuts.push(Math.max(s.start, p.start), Math.min(s.end, p.end)))
      const points = cuts.filter((x, i) => cuts.indexOf(x) === i).sort((a, b) => a - b)
      for (let i = 0; i < points.length - 1; i++) {
        const a = points[i]
        const b = points[i + 1]
        const words = state.text.slice(a, b)
        const over = inside.filter((s) => s.start <= a && s.end >= b)
        if (!over.length) {
          el.appendChild(document.createTextNode(words))
          continue
        }
        const mark = document.createElement('mark')
        const kept = over.filter((s) => s.item.keep)
        mark.className = (kept.length ? '' : 'dropped') + ((kept.length ? kept : over).some((s) => lacking(s.item)) ? ' needs' : '')
        mark.dataset.items = (kept.length ? kept : over).map((s) => s.item.uid).join(' ')
        mark.title = over.map((s) => (s.item.keep ? '' : '(not kept) ') + title(s.item)).join('\n')
        mark.textContent = words
        el.appendChild(mark)
      }
      view.appendChild(el)
    })
    $('legend').hidden = !spans.length
  }

  // A click on a highlight (not the end of a drag that selected words) goes to its item.
  function followMark(event) {
    const mark = event.target.closest && event.target.closest('mark')
    if (!mark || !document.getSelection().isCollapsed) return
    const card = document.querySelector('.item[data-uid="' + mark.dataset.items.split(' ')[0] + '"]')
    if (!card) return
    card.scrollIntoView({ block: 'center', behavior: 'smooth' })
    const first = card.querySelector('input,select,textarea,button')
    if (first) first.focus({ preventScroll: true })
  }

  function showInArticle(item) {
    const mark = document.querySelector('mark[data-items~="' + item.uid + '"]')
    if (!mark) {
      say('The excerpt of ' + title(item) + ' is not in the article text as it stands.', 'error')
      return
    }
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' })
    mark.classList.add('flash')
    setTimeout(() => mark.classList.remove('flash'), 1500)
  }

  // ---------------------------------------------------------------- selection

  /** A boundary point of a selection in the shown text, as an offset into the text. */
  function offsetOf(node, offset) {
    const view = $('article-view')
    if (node === view) {
      const child = view.childNodes[offset]
      return child ? Number(child.dataset.start) : state.text.length
    }
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode
    const p = el.closest('p[data-start]')
    if (!p || !view.contains(p)) return null
    const range = document.createRange()
    range.setStart(p, 0)
    range.setEnd(node, offset)
    return Number(p.dataset.start) + range.toString().length
  }

  function trimmed(span) {
    let start = span.start
    let end = span.end
    while (start < end && /\s/.test(state.text[start])) start++
    while (end > start && /\s/.test(state.text[end - 1])) end--
    return end > start ? { start, end } : null
  }

  function noteViewSelection() {
    const sel = document.getSelection()
    if (!sel.rangeCount) return
    const view = $('article-view')
    const range = sel.getRangeAt(0)
    if (!view.contains(range.startContainer) || !view.contains(range.endContainer)) return
    if (sel.isCollapsed) {
      state.selection = null
      return
    }
    const start = offsetOf(range.startContainer, range.startOffset)
    const end = offsetOf(range.endContainer, range.endOffset)
    if (start != null && end != null) state.selection = trimmed({ start, end })
  }

  // In the paste box the offsets are the text's own, as long as it holds plain text.
  function noteBoxSelection() {
    const box = $('article')
    if (state.html || box.selectionStart === box.selectionEnd || box.value !== state.text) return
    state.selection = trimmed({ start: box.selectionStart, end: box.selectionEnd })
  }

  // ---------------------------------------------------------------- guesses from the words

  const MULTIPLIERS = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, thousand: 1e3 }
  const NUMBER = /(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?:\.(\d+))?(?:\s*(million|billion|bn|thousand|m)\b)?/i
  const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

  /** The first number written in digits, its qualifier and the words after it. */
  function guessFigure(words) {
    const m = NUMBER.exec(words)
    const guess = { label: '', value: '', qualifier: '', precision: 'exact', attribution: '' }
    if (m) {
      const whole = m[1].replace(/[,\u00a0\u202f ]/g, '')
      guess.value = Number(whole + (m[2] ? '.' + m[2] : '')) * (m[3] ? MULTIPLIERS[m[3].toLowerCase()] : 1)
      const before = words.slice(0, m.index).toLowerCase().replace(/[$€£]\s*$/, '').trim()
      guess.qualifier = QUALIFIERS.filter((q) => q && (before === q || before.endsWith(' ' + q)))[0] || ''
      guess.precision = ROUGH.indexOf(guess.qualifier) >= 0 ? 'approximate' : 'exact'
      const after = words.slice(m.index + m[0].length).split(/[,.;:(]|\s(?:have|has|had|were|was|are|is|according)\s/)[0].trim()
      guess.label = after.split(/\s+/).slice(0, 8).join(' ')
    }
    guess.attribution = guessAttribution(words)
    return guess
  }

  function guessAttribution(words) {
    const m = /according to ([^,.;]+)/i.exec(words)
    return m ? m[1].trim() : ''
  }

  /** An absolute date the words give ("23 February", "February 23, 2026"), in the article's years. */
  function guessDate(words) {
    const published = $('published').value
    const dm = new RegExp('\\b(\\d{1,2})\\s+(' + MONTHS.join('|') + ')(?:\\s+(\\d{4}))?', 'i').exec(words)
    const md = new RegExp('\\b(' + MONTHS.join('|') + ')\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?', 'i').exec(words)
    const m = dm ? { day: dm[1], month: dm[2], year: dm[3] } : md ? { day: md[2], month: md[1], year: md[3] } : null
    if (!m) return ''
    const month = MONTHS.indexOf(m.month.toLowerCase()) + 1
    let year = m.year ? Number(m.year) : published ? Number(published.slice(0, 4)) : new Date().getFullYear()
    // Without a year, a month after the article's is last year's ("on 28 December" in January).
    if (!m.year && published && month > Number(published.slice(5, 7))) year--
    const pad = (n) => String(n).padStart(2, '0')
    const iso = year + '-' + pad(month) + '-' + pad(Number(m.day))
    return isNaN(Date.parse(iso)) ? '' : iso
  }

  /** Words inside quotation marks are a quote; anything else is reported speech. */
  function guessStatement(words) {
    const m = /[“"«„‘'‹]([^]*)[”"»“’'›]/.exec(words)
    // The comma before "she said" is the sentence's, not the speaker's.
    const quoted = m && m[1].trim().replace(/[,;:]$/, '')
    return { kind: quoted ? 'quote' : 'paraphrase', text: quoted || words }
  }

  // ---------------------------------------------------------------- items

  function uniqueId(kind, base) {
    base = (base || kind).toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '') || kind
    const taken = (id) => state.items.some((i) => i.kind === kind && i.id === id)
    let id = base
    for (let n = 2; taken(id); n++) id = base + '-' + n
    return id
  }

  function newItem(kind, span) {
    const excerpt = state.text.slice(span.start, span.end)
    const asOf = $('as-of').value || $('published').value
    let data
    if (kind === 'figure') {
      data = Object.assign({ asOf, date: '', excerpt, headline: false }, guessFigure(excerpt))
    } else if (kind === 'event') {
      data = { label: '', date: guessDate(excerpt), precision: 'exact', dateText: '', attribution: guessAttribution(excerpt), excerpt }
    } else {
      data = Object.assign({ speaker: '', role: '', date: '', datePrecision: 'exact', dateText: '', excerpt }, guessStatement(excerpt))
    }
    const base = kind === 'figure' ? data.label : kind === 'event' ? '' : ''
    return { uid: nextUid++, kind, id: uniqueId(kind, base || kind + '-' + (state.items.filter((i) => i.kind === kind).length + 1)), keep: true, draft: null, start: span.start, end: span.end, data }
  }

  function addFromSelection(kind) {
    const span = state.selection
    if (!span) {
      say('Select the words of the ' + kind + ' in the article first (with the mouse in the text, or with Shift and the arrow keys in the paste box).', 'error')
      return
    }
    const item = newItem(kind, span)
    state.items.push(item)
    state.selection = null
    document.getSelection().removeAllRanges()
    renderList(item.kind)
    renderView()
    schedulePreview()
    const card = document.querySelector('.item[data-uid="' + item.uid + '"]')
    const empty = Array.prototype.filter.call(card.querySelectorAll('.fields input:not([type=checkbox]),.fields textarea'), (el) => !el.value)[0]
    ;(empty || card.querySelector('.fields input')).focus()
    say('Added ' + title(item) + '. ' + (kind === 'figure' ? 'Its value and qualifier are guessed from the words: check them.' : 'Fill in what the words do not say.'), 'ok')
  }

  // ---------------------------------------------------------------- item cards

  function control(tag, type, value, onChange) {
    const el = document.createElement(tag)
    if (tag === 'input') el.type = type
    if (type === 'checkbox') {
      el.checked = !!value
      el.addEventListener('change', () => onChange(el.checked))
    } else {
      el.value = value == null ? '' : value
      el.addEventListener(tag === 'select' ? 'change' : 'input', () => onChange(el.value))
    }
    return el
  }

  function options(select, values, names) {
    values.forEach((v, i) => {
      const o = document.createElement('option')
      o.value = v
      o.textContent = names ? names[i] : v || '(none)'
      select.appendChild(o)
    })
    return select
  }

  function card(item) {
    const box = document.createElement('div')
    box.className = 'item' + (item.keep ? '' : ' dropped')
    box.dataset.uid = item.uid
    const head = document.createElement('div')
    head.className = 'item-head'
    const h = document.createElement('h3')
    h.id = 'item-' + item.uid
    h.textContent = title(item)
    const refresh = () => {
      h.textContent = title(item)
      needs.hidden = !lacking(item)
      needs.textContent = 'needs ' + lacking(item)
    }
    if (item.draft) {
      const keep = document.createElement('label')
      // Not drawn again: the checkbox keeps the focus of whoever is going down the list.
      const checkbox = control('input', 'checkbox', item.keep, (on) => {
        item.keep = on
        box.classList.toggle('dropped', !on)
        changed(item.kind, false)
      })
      checkbox.className = 'keep'
      checkbox.setAttribute('aria-describedby', h.id)
      keep.appendChild(checkbox)
      keep.appendChild(document.createTextNode('Keep'))
      head.appendChild(keep)
    }
    head.appendChild(h)
    const badge = document.createElement('span')
    badge.className = 'badge'
    badge.textContent = item.draft ? 'drafted, confidence ' + item.draft.confidence.toFixed(2) : 'picked by hand'
    if (item.draft) badge.title = 'rule: ' + item.draft.rule + (item.draft.reason ? ' — ' + item.draft.reason : '')
    head.appendChild(badge)
    const needs = document.createElement('span')
    needs.className = 'badge needs'
    head.appendChild(needs)
    const show = document.createElement('button')
    show.type = 'button'
    show.className = 'small secondary'
    show.textContent = 'Show in the article'
    show.setAttribute('aria-describedby', h.id)
    show.addEventListener('click', () => showInArticle(item))
    head.appendChild(show)
    if (!item.draft) {
      const remove = document.createElement('button')
      remove.type = 'button'
      remove.className = 'small secondary'
      remove.textContent = 'Remove'
      remove.setAttribute('aria-describedby', h.id)
      remove.addEventListener('click', () => {
        state.items.splice(state.items.indexOf(item), 1)
        changed(item.kind, true)
        say('Removed ' + title(item) + '.', 'ok')
        $('add-' + item.kind).focus()
      })
      head.appendChild(remove)
    }
    box.appendChild(head)
    const excerpt = document.createElement('p')
    excerpt.className = 'excerpt'
    excerpt.dir = 'auto'
    excerpt.textContent = '“' + item.data.excerpt + '”'
    excerpt.hidden = item.keep
    box.appendChild(excerpt)
    const row = document.createElement('div')
    row.className = 'fields row'
    box.appendChild(row)

    const d = item.data
    const add = (name, label, el, className, hint) => {
      const wrap = document.createElement('div')
      wrap.className = className || 'field'
      const id = 'f' + item.uid + '-' + name
      el.id = id
      const l = document.createElement('label')
      l.htmlFor = id
      l.textContent = label
      if (el.type === 'checkbox') {
        wrap.classList.add('check')
        l.insertBefore(el, l.firstChild)
        wrap.appendChild(l)
      } else {
        wrap.appendChild(l)
        wrap.appendChild(el)
      }
      if (hint) {
        const p = document.createElement('p')
        p.className = 'hint' + (hint.needs ? ' needs' : '')
        p.id = id + '-hint'
        p.textContent = hint.text
        el.setAttribute('aria-describedby', p.id)
        wrap.appendChild(p)
      }
      row.appendChild(wrap)
      fields[item.uid + '.' + name] = { wrap, control: el }
      return el
    }
    const set = (name, opts) => (v) => {
      d[name] = v
      if (opts && opts.view) scheduleView()
      if (name === 'excerpt') excerpt.textContent = '“' + v + '”'
      refresh()
      if (opts && opts.durations) renderDurations()
      schedulePreview()
    }
    const text = (name, v) => control('input', 'text', v, set(name, { view: name === 'attribution' || name === 'speaker', durations: name === 'label' && item.kind === 'event' }))
    const date = (name) => control('input', 'date', d[name], set(name))
    const area = (name) => {
      const el = control('textarea', null, d[name], set(name, { view: true }))
      el.dir = 'auto'
      return el
    }
    const precision = (name) => options(control('select', null, null, set(name)), ['exact', 'approximate'])
    const needed = (need) => item.draft && item.draft.needs && item.draft.needs.indexOf(need) >= 0
    const needsHint = (what, need) => (needed(need) ? { needs: true, text: 'The article names no ' + what + ' here: give it as the article would, or drop the item.' } : null)

    if (item.kind === 'figure') {
      add('label', 'What it counts', text('label', d.label), 'field wide', needed('label') ? { needs: true, text: item.draft.labelProblem || 'This label leans on another figure: say what it counts in full.' } : null)
      const value = add('value', 'Value', control('input', 'number', d.value, (v) => set('value')(v === '' ? '' : Number(v))), 'field narrow', item.draft && item.draft.unit ? { needs: true, text: 'In ' + item.draft.unit + ' in the article; the widgets show the bare number, so say it in the label.' } : null)
      value.step = 'any'
      value.min = '0'
      const q = add('qualifier', 'Qualifier', options(control('select', null, null, set('qualifier')), QUALIFIERS), 'field narrow')
      q.value = d.qualifier || ''
      add('precision', 'Precision', precision('precision'), 'field narrow').value = d.precision
      add('asOf', 'As of', date('asOf'), 'field narrow')
      add('date', 'Day it counts (optional)', date('date'), 'field narrow')
      add('attribution', 'Attribution, as the article gives it', text('attribution', d.attribution), 'field wide', needsHint('source', 'attribution'))
      add('headline', 'Headline figure (shown first)', control('input', 'checkbox', d.headline, set('headline')), 'field narrow')
      add('excerpt', 'Excerpt (the article’s words)', area('excerpt'), 'field wide')
    } else if (item.kind === 'event') {
      add('label', 'What happened', text('label', d.label), 'field wide')
      add('date', 'Date', date('date'), 'field narrow')
      add('precision', 'Precision', precision('precision'), 'field narrow').value = d.precision
      add('dateText', 'Date in the article’s words (optional)', text('dateText', d.dateText))
      add('attribution', 'Attribution, as the article gives it', text('attribution', d.attribution), 'field wide', needsHint('source', 'attribution'))
      add('excerpt', 'Excerpt (the article’s words)', area('excerpt'), 'field wide')
    } else {
      add('speaker', 'Speaker', text('speaker', d.speaker), 'field', needsHint('speaker', 'speaker'))
      add('role', 'Role (optional)', text('role', d.role))
      add('kind', 'Kind', options(control('select', null, null, set('kind')), ['quote', 'paraphrase'], ['quote (verbatim)', 'paraphrase']), 'field narrow').value = d.kind
      add('text', 'Words shown (verbatim, inside the excerpt)', area('text'), 'field wide')
      add('date', 'Date (optional)', date('date'), 'field narrow')
      add('datePrecision', 'Date precision', precision('datePrecision'), 'field narrow').value = d.datePrecision
      add('dateText', 'Date in the article’s words (optional)', text('dateText', d.dateText))
      add('excerpt', 'Excerpt (the sentence they come from)', area('excerpt'), 'field wide')
    }
    refresh()
    box._refresh = refresh
    return box
  }

  function renderList(kind) {
    const list = $(KINDS[kind])
    list.textContent = ''
    Object.keys(fields).forEach((k) => {
      if (!document.body.contains(fields[k].wrap)) delete fields[k]
    })
    state.items.filter((i) => i.kind === kind).forEach((item) => list.appendChild(card(item)))
    countItems()
  }

  function countItems() {
    Object.keys(KINDS).forEach((kind) => {
      const all = state.items.filter((i) => i.kind === kind)
      const kept = all.filter((i) => i.keep).length
      $(KINDS[kind] + '-count').textContent = all.length
        ? kept + ' of ' + all.length + ' kept.'
        : 'None yet: select the words of one in the article and press “Add ' + kind + ' from selection”, or draft from the article.'
    })
  }

  /** After an item is kept, dropped, added or removed. */
  function changed(kind, rerender) {
    if (rerender) renderList(kind)
    document.querySelectorAll('.item').forEach((box) => {
      const item = state.items.filter((i) => String(i.uid) === box.dataset.uid)[0]
      if (item) box.querySelector('.excerpt').hidden = item.keep
    })
    countItems()
    renderView()
    renderDurations()
    schedulePreview()
  }

  let viewTimer = 0
  function scheduleView() {
    clearTimeout(viewTimer)
    viewTimer = setTimeout(renderView, 300)
  }

  // ---------------------------------------------------------------- duration

  const duration = { start: '', end: '' }

  function renderDurations() {
    const events = state.items.filter((i) => i.kind === 'event' && i.keep)
    ;[['duration-start', 'start', '(no duration)'], ['duration-end', 'end', '(to the as-of date)']].forEach(([id, key, none]) => {
      const select = $(id)
      select.textContent = ''
      options(select, [''].concat(events.map((e) => e.id)), [none].concat(events.map((e) => (e.data.date ? e.data.date + ': ' : '') + (e.data.label || e.id))))
      if (!events.some((e) => e.id === duration[key])) duration[key] = ''
      select.value = duration[key]
    })
  }

  // ---------------------------------------------------------------- the dataset

  /** The story as it stands, kept items only, and which item each list index is. */
  function dataset() {
    const lang = $('language').value
    const L = (s) => (s && s.trim() ? { [lang]: s.trim() } : {})
    const published = $('published').value
    const asOf = $('as-of').value || published
    const index = { figures: [], events: [], statements: [] }
    const kept = (kind) => state.items.filter((i) => i.kind === kind && i.keep).map((item) => (index[KINDS[kind]].push(item), item))
    const figures = kept('figure').map(({ id, data: d }) => {
      const f = { id, label: L(d.label), precision: d.precision, asOf: d.asOf || asOf, attribution: L(d.attribution), excerpt: d.excerpt, source: 'article' }
      if (d.value !== '' && d.value != null) f.value = Number(d.value)
      if (d.qualifier) f.qualifier = d.qualifier
      if (d.date) f.date = d.date
      return f
    })
    const events = kept('event').map(({ id, data: d }) => {
      const e = { id, label: L(d.label), date: d.date, precision: d.precision, attribution: L(d.attribution), excerpt: d.excerpt, source: 'article' }
      if (d.dateText.trim()) e.dateText = d.dateText.trim()
      return e
    })
    const statements = kept('statement').map(({ id, data: d }) => {
      const s = { id, speaker: { name: L(d.speaker) }, kind: d.kind, text: d.text, excerpt: d.excerpt, source: 'article' }
      if (d.role.trim()) s.speaker.role = L(d.role)
      if (d.date) {
        s.date = d.date
        s.datePrecision = d.datePrecision
      }
      if (d.dateText.trim()) s.dateText = d.dateText.trim()
      return s
    })
    const source = { id: 'article', title: $('title').value.trim(), published, language: lang, text: state.text }
    if ($('publisher').value.trim()) source.publisher = $('publisher').value.trim()
    if ($('url').value.trim()) source.url = $('url').value.trim()
    const story = {
      headline: L($('headline').value),
      language: lang,
      published,
      asOf,
      sources: [source],
      headlineFigures: index.figures.filter((f) => f.data.headline).map((f) => f.id),
      figures,
      events,
      statements,
    }
    if ($('slug').value.trim()) story.slug = $('slug').value.trim()
    if (duration.start) {
      story.duration = { startEvent: duration.start, label: L($('duration-label').value) }
      if (duration.end) story.duration.endEvent = duration.end
      if ($('duration-title').value.trim()) story.duration.title = L($('duration-title').value)
    }
    return { story, index }
  }

  // ---------------------------------------------------------------- problems, at their fields

  const META = { headline: 'headline', language: 'language', published: 'published', asOf: 'as-of', slug: 'slug', note: 'note' }
  const SOURCE = { title: 'title', publisher: 'publisher', url: 'url', published: 'published', language: 'language', text: 'article' }
  const DURATION = { startEvent: 'duration-start', endEvent: 'duration-end', label: 'duration-label', title: 'duration-title' }

  function pageField(id) {
    const wrap = document.querySelector('[data-field="' + id + '"]')
    return wrap && { wrap, control: $(id), what: wrap.querySelector('label').textContent }
  }

  /** The field a problem's name (figures.2.value, sources.0.title, headline.en) points at. */
  function locate(name, index) {
    const parts = name.split('.')
    if (META[parts[0]]) return pageField(META[parts[0]])
    if (parts[0] === 'sources') return pageField(SOURCE[parts[2]] || 'article')
    if (parts[0] === 'duration') return DURATION[parts[1]] ? pageField(DURATION[parts[1]]) : null
    if (parts[0] === 'text' || parts[0] === 'html') return pageField('article')
    const item = index[parts[0]] && index[parts[0]][Number(parts[1])]
    if (!item) return null
    let field = parts[2]
    if (field === 'speaker') field = parts[3] === 'role' ? 'role' : 'speaker'
    if (field === 'source' || field === 'id' || field === undefined) field = 'excerpt'
    const found = fields[item.uid + '.' + field]
    return found && { wrap: found.wrap, control: found.control, what: title(item) + ', ' + found.wrap.querySelector('label').textContent }
  }

  function clearProblems() {
    document.querySelectorAll('.field-error').forEach((el) => el.remove())
    document.querySelectorAll('[aria-invalid]').forEach((el) => {
      el.removeAttribute('aria-invalid')
      const described = (el.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && !/-error$/.test(id)).join(' ')
      if (described) el.setAttribute('aria-describedby', described)
      else el.removeAttribute('aria-describedby')
    })
    $('problems').textContent = ''
  }

  function showProblems(problems, index) {
    clearProblems()
    problems.forEach((p, n) => {
      const at = locate(p.name, index)
      const li = document.createElement('li')
      if (at) {
        const error = document.createElement('p')
        error.className = 'field-error'
        error.id = at.control.id + '-' + n + '-error'
        error.textContent = p.reason
        at.wrap.appendChild(error)
        at.control.setAttribute('aria-invalid', 'true')
        at.control.setAttribute('aria-describedby', ((at.control.getAttribute('aria-describedby') || '') + ' ' + error.id).trim())
        const go = document.createElement('button')
        go.type = 'button'
        go.textContent = at.what
        go.addEventListener('click', () => {
          const box = at.control.closest('.item')
          if (box && box.classList.contains('dropped')) return
          at.control.scrollIntoView({ block: 'center' })
          at.control.focus({ preventScroll: true })
        })
        li.appendChild(go)
        li.appendChild(document.createTextNode(': ' + p.reason))
      } else {
        li.textContent = p.name + ': ' + p.reason
      }
      $('problems').appendChild(li)
    })
  }

  // ---------------------------------------------------------------- preview

  let previewTimer = 0
  let previewRun = 0
  let drawnWidth = 0
  function schedulePreview() {
    clearTimeout(previewTimer)
    previewTimer = setTimeout(preview, 400)
  }

  function previewWidth() {
    return Math.max(280, Math.min(640, Math.floor($('preview-panel').clientWidth) - 34))
  }

  function reasons(body) {
    // The preview's slug is a stand-in: "Story "new-story-preview" has no duration" is about this story.
    return ((body['invalid-params'] || []).map((p) => p.reason).join('; ') || body.detail || 'no picture').replace(/^Story "[^"]*" /, 'The story ')
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's')
  }

  function preview() {
    const status = $('preview-status')
    if (!state.text.trim()) {
      status.textContent = 'Paste the article to see the widgets.'
      return
    }
    const run = ++previewRun
    const { story, index } = dataset()
    const slug = story.slug && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(story.slug) ? story.slug : 'new-story-preview'
    const theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
    // Drawn at the width it is shown at, so a phone sees the narrow layout readers get (280 is the least).
    const width = previewWidth()
    drawnWidth = width
    status.className = 'status'
    status.textContent = 'Drawing the widgets…'
    Promise.all(
      WIDGETS.map((w) =>
        postJson('/api/stories/' + slug + '/preview?widget=' + w + '&width=' + width + '&theme=' + theme + '&locale=' + story.language, story)
          .then((res) => (res.ok ? res.blob() : res.json().catch(() => ({})))
            .then((body) => ({ w, status: res.status, body })))
          .catch(() => ({ w, status: 0, body: {} })),
      ),
    ).then((results) => {
      if (run !== previewRun) return
      let problems = null
      let signedOut = false
      results.forEach((r) => {
        const img = $('preview-' + r.w)
        const note = $('preview-' + r.w + '-status')
        note.className = 'status'
        if (r.status === 200) {
          if (img.src.indexOf('blob:') === 0) URL.revokeObjectURL(img.src)
          img.src = URL.createObjectURL(r.body)
          img.width = drawnWidth
          img.hidden = false
          note.textContent = ''
          state.drawn[r.w] = true
          return
        }
        img.hidden = true
        if (r.status === 422) problems = r.body['invalid-params'] || []
        if (r.status === 401) signedOut = true
        state.drawn[r.w] = r.status === 400 ? reasons(r.body) : 'not drawn'
        note.textContent = r.status === 422 ? 'Not drawn until the problems marked at the fields are fixed.' : r.status === 400 ? 'Nothing to draw: ' + reasons(r.body) : r.status === 0 ? 'The server did not answer.' : 'Not drawn: ' + reasons(r.body)
      })
      showProblems(problems || [], index)
      if (signedOut) {
        status.className = 'status error'
        status.textContent = 'The sign-in is not valid any more (revoked, or expired): reload the page and sign in again.'
      } else if (problems) {
        status.className = 'status error'
        status.textContent = 'Not drawn: ' + plural(problems.length, 'problem') + ', each shown at its field and listed under Create.'
      } else {
        status.className = 'status ok'
        status.textContent = 'Drawn from the story as it stands (' + plural(index.figures.length, 'figure') + ', ' + plural(index.events.length, 'event') + ', ' + plural(index.statements.length, 'statement') + ').'
      }
    })
  }

  // ---------------------------------------------------------------- create

  function link(list, href, text) {
    const li = document.createElement('li')
    const a = document.createElement('a')
    a.href = href
    a.textContent = text
    li.appendChild(a)
    list.appendChild(li)
    return li
  }

  function created(body) {
    const out = $('create-result')
    out.textContent = ''
    const p = document.createElement('p')
    p.className = 'status ok'
    p.textContent = 'Created “' + body.slug + '”, version 1, as ' + body.author + '. Its widgets serve it now:'
    out.appendChild(p)
    const list = document.createElement('ul')
    list.className = 'links'
    list.id = 'created-links'
    WIDGETS.forEach((w) => {
      if (state.drawn[w] !== true) return
      link(list, '/widgets/' + body.slug + '/' + w + '.svg', 'Widget: ' + w + ' (SVG)')
      link(list, '/embed/' + body.slug + '/' + w, 'Embed page: ' + w)
    })
    link(list, '/?story=' + encodeURIComponent(body.slug), 'Embed codes in the workshop')
    link(list, '/admin?story=' + encodeURIComponent(body.slug), 'Open it in the editor (to publish updates)')
    out.appendChild(list)
  }

  function create() {
    const { story, index } = dataset()
    const out = $('create-result')
    out.textContent = 'Creating…'
    $('create').disabled = true
    postJson('/api/stories', Object.assign({}, story, { note: $('note').value.trim() }))
      .then((res) => res.json().catch(() => ({})).then((body) => ({ res, body })))
      .then(({ res, body }) => {
        const fail = (text) => {
          out.textContent = ''
          const p = document.createElement('p')
          p.className = 'status error'
          p.textContent = text
          out.appendChild(p)
        }
        if (res.status === 201) {
          showProblems([], index)
          created(body)
        } else if (res.status === 409) {
          fail('Not created: ' + body.detail)
          showProblems([{ name: 'slug', reason: 'is taken by another story: type another slug' }], index)
        } else if (res.status === 422) {
          const problems = body['invalid-params'] || []
          showProblems(problems, index)
          fail('Not created: ' + plural(problems.length, 'problem') + ', each shown at its field and listed below.')
        } else if (res.status === 401) {
          fail('Not created: the sign-in is not valid any more (revoked, or expired). Reload the page and sign in again; copy the article first.')
        } else {
          fail('Not created: ' + (body.detail || 'the server answered ' + res.status) + '.')
        }
      })
      .catch(() => {
        out.textContent = 'The server did not answer; nothing was created.'
      })
      .then(() => {
        $('create').disabled = false
      })
  }

  // ---------------------------------------------------------------- draft

  function localized(text, lang) {
    if (!text) return ''
    return text[lang] || text.en || Object.values(text)[0] || ''
  }

  function fromDraft(kind, x, lang, headlines) {
    const draft = x.draft || {}
    const info = { rule: draft.rule || 'draft', confidence: Number(draft.confidence) || 0, needs: draft.needs || [], reason: draft.reason || '', labelProblem: draft.labelProblem || '', unit: x.unit || '' }
    let data
    if (kind === 'figure') {
      data = { label: localized(x.label, lang), value: x.value, qualifier: x.qualifier || '', precision: x.precision || 'exact', asOf: x.asOf || '', date: x.date || '', attribution: localized(x.attribution, lang), excerpt: x.excerpt, headline: headlines.indexOf(x.id) >= 0 }
    } else if (kind === 'event') {
      data = { label: localized(x.label, lang), date: x.date || '', precision: x.precision || 'exact', dateText: x.dateText || '', attribution: localized(x.attribution, lang), excerpt: x.excerpt }
    } else {
      const speaker = x.speaker || {}
      data = { speaker: localized(speaker.name, lang), role: localized(speaker.role, lang), kind: x.kind === 'quote' ? 'quote' : 'paraphrase', text: x.text || '', date: x.date || '', datePrecision: x.datePrecision || 'exact', dateText: x.dateText || '', excerpt: x.excerpt }
    }
    if (kind === 'figure') info.draftedLabel = data.label
    const keep = info.confidence >= KEEP_CONFIDENCE && !info.needs.length && !info.unit
    return { uid: nextUid++, kind, id: uniqueId(kind, x.id), keep, draft: info, start: draft.start, end: draft.end, data }
  }

  const NEEDS = { headline: 'The draft took the first sentence: write the headline readers will see.', publisher: 'The article does not say who published it.', url: 'The article does not give its address.', title: 'The article does not give its title.' }

  function applyDraft(d) {
    const lang = d.language || $('language').value
    state.text = d.sources[0].text
    if (!state.html) $('article').value = state.text
    // A new draft replaces the last one; items picked by hand stay.
    state.items = state.items.filter((i) => !i.draft)
    const headlines = d.headlineFigures || []
    ;(d.figures || []).forEach((x) => state.items.push(fromDraft('figure', x, lang, headlines)))
    ;(d.events || []).forEach((x) => state.items.push(fromDraft('event', x, lang, headlines)))
    ;(d.statements || []).forEach((x) => state.items.push(fromDraft('statement', x, lang, headlines)))
    const source = d.sources[0]
    const fill = (id, value) => {
      if (value && !$(id).value.trim()) $(id).value = value
    }
    fill('headline', localized(d.headline, lang))
    fill('title', source.title)
    fill('publisher', source.publisher)
    fill('url', source.url)
    document.querySelectorAll('.draft-needs').forEach((el) => el.remove())
    ;((d.draft && d.draft.needs) || []).forEach((need) => {
      const at = pageField(need)
      if (!at || !NEEDS[need] || (need !== 'headline' && at.control.value.trim())) return
      const hint = document.createElement('p')
      hint.className = 'hint needs draft-needs'
      hint.textContent = NEEDS[need]
      at.wrap.appendChild(hint)
    })
    if (d.duration && d.duration.startEvent) {
      const id = (original) => (state.items.filter((i) => i.kind === 'event' && i.draft && i.keep && i.id === original)[0] || {}).id || ''
      duration.start = id(d.duration.startEvent)
      duration.end = d.duration.endEvent ? id(d.duration.endEvent) : ''
      if (d.duration.label) fill('duration-label', localized(d.duration.label, lang))
    }
    Object.keys(KINDS).forEach(renderList)
    renderView()
    renderDurations()
    const count = (kind) => state.items.filter((i) => i.kind === kind && i.draft).length
    const kept = state.items.filter((i) => i.draft && i.keep).length
    const needing = state.items.filter((i) => i.draft && i.draft.needs.length).length
    say('Drafted ' + plural(count('figure'), 'figure') + ', ' + plural(count('event'), 'event') + ' and ' + plural(count('statement'), 'statement') + '; ' + kept + ' kept, the ones the draft is sure of' + (needing ? '; ' + needing + ' need an attribution or a speaker the article does not give, or a label that stands alone' : '') + '. Check each against its highlight before you create.', 'ok')
    schedulePreview()
  }

  function draftArticle() {
    clearTimeout(readTimer)
    readArticle()
    if (!state.text.trim()) {
      say('Paste the article first.', 'error')
      $('article').focus()
      return
    }
    const published = $('published').value
    if (!published) {
      showProblems([{ name: 'published', reason: 'is needed to draft: the article’s relative dates (“on Monday”, “last week”) are read against it' }], {})
      say('Fill in the published date first: the draft reads relative dates against it.', 'error')
      $('published').focus()
      return
    }
    const body = { published, language: $('language').value }
    if ($('headline').value.trim()) body.headline = $('headline').value.trim()
    if (state.html) body.html = $('article').value
    else body.text = state.text
    say('Drafting…')
    $('draft').disabled = true
    postJson('/api/drafts', body)
      .then((res) => res.json().catch(() => ({})).then((d) => ({ res, d })))
      .then(({ res, d }) => {
        if (res.ok) return applyDraft(d)
        if (res.status === 422 && d['invalid-params']) showProblems(d['invalid-params'], {})
        say(res.status === 401 ? 'Not drafted: the sign-in is not valid any more.' : 'Not drafted: ' + (d.detail || 'the server answered ' + res.status), 'error')
      })
      .catch(() => say('The server did not answer; nothing was drafted.', 'error'))
      .then(() => {
        $('draft').disabled = false
      })
  }

  // ---------------------------------------------------------------- wiring

  let readTimer = 0
  $('access').addEventListener('submit', signIn)
  $('article').addEventListener('input', () => {
    clearTimeout(readTimer)
    readTimer = setTimeout(readArticle, 250)
  })
  ;['select', 'keyup', 'mouseup'].forEach((type) => $('article').addEventListener(type, noteBoxSelection))
  document.addEventListener('selectionchange', noteViewSelection)
  $('article-view').addEventListener('click', followMark)
  $('use-text').addEventListener('click', () => {
    $('article').value = state.text
    readArticle()
    say('The paste box now holds the article’s text: select in it with Shift and the arrow keys.', 'ok')
  })
  Object.keys(KINDS).forEach((kind) => {
    const button = $('add-' + kind)
    // Pressing the button must not take the selection it is about to read.
    button.addEventListener('mousedown', (e) => e.preventDefault())
    button.addEventListener('click', () => addFromSelection(kind))
  })
  $('draft').addEventListener('click', draftArticle)
  $('create').addEventListener('click', create)
  ;['headline', 'title', 'publisher', 'url', 'published', 'as-of', 'slug', 'duration-label', 'duration-title'].forEach((id) =>
    $(id).addEventListener('input', () => {
      // What the draft could not find is no longer missing once it is typed.
      const hint = $(id).parentNode.querySelector('.draft-needs')
      if (hint && id !== 'headline') hint.remove()
      schedulePreview()
    }),
  )
  $('language').addEventListener('change', schedulePreview)
  ;[['duration-start', 'start'], ['duration-end', 'end']].forEach(([id, key]) =>
    $(id).addEventListener('change', () => {
      duration[key] = $(id).value
      schedulePreview()
    }),
  )
  // The previews follow the page between light and dark, and its width.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', schedulePreview)
  window.addEventListener('resize', () => {
    if (!$('editor').hidden && Math.abs(previewWidth() - drawnWidth) > 40) schedulePreview()
  })
  renderDurations()
  countItems()
  whoAmI()
})()
