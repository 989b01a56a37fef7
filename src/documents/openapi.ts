// The OpenAPI 3.1 document of GET /openapi.json, built from the schemas the routes validate
// with (each widget's options, the story schema, the token request), so it cannot drift
// from the behaviour. It is built when the worker is built (scripts/build-lazy.mjs), not in
// the worker: zod's JSON Schema conversion is a fifth of zod, and no reader needs it.
import * as z from 'zod/mini'
import pkg from '../../package.json'
import { widgets } from '../../widgets/index'
import { locales } from '../../widgets/locale'
import { storySchema } from '../../widgets/story'
import { SCOPES } from '../http/editor'
import { tokenRequestSchema } from '../http/token-request'
import { pngOptions } from '../png/options'

type JsonSchema = { properties?: Record<string, { description?: string } & Record<string, unknown>>; required?: string[] }

const problemRef = { $ref: '#/components/schemas/Problem' }
const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: describeStatus[s], content: { 'application/problem+json': { schema: problemRef } } }]))
const describeStatus: Record<number, string> = {
  400: 'A known option has a bad value; invalid-params names each one.',
  401: 'No credentials, or bad ones: an Access token that does not verify, or a wrong, revoked or malformed bearer token.',
  403: 'The editor lacks the scope, or the story is outside the editor token’s slugs; or an Access service token, which names no editor.',
  409: 'Taken: a story with this slug exists already, or a working token has this name.',
  429: 'Too many bad credentials from this address; Retry-After says when to try again.',
  503: 'The Access signing keys could not be fetched, Access is half set up, or a part of the service (the draft extractor) is missing from this deployment.',
  412: 'If-Match names a version that is no longer the latest.',
  413: 'Body too large.',
  415: 'Body is not of a type the endpoint reads.',
  422: 'The body does not validate (a dataset, or an article without text or published date); invalid-params lists every problem.',
  428: 'If-Match is required.',
  404: 'Unknown story, widget or version.',
  501: 'Format not served.',
}
const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, description: 'Story slug, e.g. gaza-2025-05-06' }
const cached = { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } }

function queryParameters(schema: z.ZodMiniType) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  return Object.entries(json.properties ?? {}).map(([name, { description, ...rest }]) => ({
    name, in: 'query', required: json.required?.includes(name) ?? false, description, schema: rest,
  }))
}

// Either credential; an Authorization header, when sent, is the one that counts.
const editorSecurity = [{ access: [] }, { bearer: [] }]
const scopeList = { type: 'array', items: { type: 'string', enum: [...SCOPES] } }
const tokenSchema = {
  type: 'object', required: ['id', 'name', 'scopes', 'slugs', 'createdBy', 'createdAt', 'lastUsedAt', 'revokedAt'],
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, scopes: scopeList, slugs: { type: ['array', 'null'], items: { type: 'string' }, description: 'null: every story' },
    createdBy: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' },
    lastUsedAt: { type: ['string', 'null'], format: 'date-time', description: 'Updated at most once a minute' }, revokedAt: { type: ['string', 'null'], format: 'date-time' },
  },
}
const meSchema = {
  type: 'object', required: ['signedIn', 'access'],
  properties: {
    signedIn: { type: 'boolean' },
    editor: { type: 'object', required: ['id', 'via', 'scopes'], properties: { id: { type: 'string', description: 'Email, editor token name, or "owner"' }, via: { type: 'string', enum: ['access', 'token', 'admin-token'] }, scopes: scopeList, slugs: { type: 'array', items: { type: 'string' } } } },
    access: { type: 'object', required: ['configured'], properties: { configured: { type: 'boolean' }, missing: { type: 'array', items: { type: 'string' } } } },
  },
}

/** The document without `servers`, which the route adds for the origin it answers on. */
export function openapiDocument() {
  const paths: Record<string, unknown> = {
    '/': { get: { summary: 'Embed workshop: every story and widget with options, live preview and embed codes', responses: { 200: { description: 'HTML', content: { 'text/html': {} } } } } },
    '/healthz': { get: { summary: 'Liveness', responses: { 200: { description: '{ "ok": true, … }', content: { 'application/json': {} } } } } },
    '/api/widgets': { get: { summary: 'Every widget with its option schema', responses: { 200: { description: 'Widgets', content: { 'application/json': {} } } } } },
    '/api/stories': {
      get: {
        summary: 'Every story, newest first: slug, headline, asOf, version, status; the next page is the Link header’s rel="next"',
        parameters: [
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 }, description: 'Stories per page' },
          { name: 'cursor', in: 'query', required: false, schema: { type: 'string' }, description: 'Opaque: the cursor in the previous page’s Link header' },
          { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Only stories whose headline or slug contains these words' },
        ],
        responses: { 200: { description: 'Stories', headers: { ...cached, Link: { schema: { type: 'string' }, description: '</api/stories?…cursor=…>; rel="next" while there are more' } }, content: { 'application/json': {} } }, ...problems(400) },
      },
      post: {
        summary: 'Create a story from an article (editor): the whole dataset, its slug optional, plus note; version 1', security: editorSecurity,
        requestBody: { required: true, content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Story' }, { type: 'object', required: ['note'], properties: { note: { type: 'string', maxLength: 500 } } }] } } } },
        responses: { 201: { description: 'Created: slug, version 1, publishedAt, author, note', headers: { ETag: { schema: { type: 'string' } }, Location: { schema: { type: 'string' } } }, content: { 'application/json': {} } }, ...problems(401, 409, 413, 415, 422) },
      },
    },
    '/api/stories/{slug}/sources/{id}': {
      get: {
        summary: 'One source’s stored text (text/plain), or with Accept: application/json its title, publisher, url, published date, language, digest and text',
        parameters: [slugParam, { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Source id, e.g. article' }, { name: 'version', in: 'query', required: false, schema: { type: 'integer', minimum: 1 }, description: 'A published version; defaults to the latest' }],
        responses: { 200: { description: 'The source', headers: cached, content: { 'text/plain': {}, 'application/json': {} } }, ...problems(404) },
      },
    },
    '/api/stories/{slug}': {
      put: {
        summary: 'Publish a new version (scope stories:publish): the whole dataset plus note, kind and publicNote; the version’s author is the signed-in editor', security: editorSecurity, parameters: [slugParam, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'ETag of the version edited' }],
        requestBody: { required: true, content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Story' }, { type: 'object', required: ['note'], properties: { note: { type: 'string', maxLength: 500, description: 'For the version history; readers never see it' }, kind: { type: 'string', enum: ['update', 'correction', 'retraction'], default: 'update' }, publicNote: { type: 'string', maxLength: 300, description: 'The sentence readers see ("Updated/Corrected/Withdrawn on {date}: …"); required for corrections and retractions' }, author: { description: 'Ignored: the author is the signed-in editor' } } }] } } } },
        responses: { 200: { description: 'Published: version, publishedAt, author, note, kind, publicNote; ETag of the new version', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': {} } }, ...problems(401, 403, 404, 412, 413, 415, 422, 428, 429) },
      },
      get: {
        summary: 'A story’s full dataset', parameters: [slugParam],
        responses: { 200: { description: 'The dataset', headers: cached, content: { 'application/json': { schema: { $ref: '#/components/schemas/Story' } } } }, 304: { description: 'Not modified' }, ...problems(404) },
      },
    },
    '/api/stories/{slug}/versions': {
      get: { summary: 'Every published version, newest first: number, time, author, note', parameters: [slugParam], responses: { 200: { description: 'Versions', headers: cached, content: { 'application/json': {} } }, ...problems(404) } },
    },
    '/api/stories/{slug}/versions/{n}': {
      get: {
        summary: 'That version’s dataset, exactly as stored when it was published', parameters: [slugParam, { name: 'n', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: { 200: { description: 'The dataset', headers: cached, content: { 'application/json': { schema: { $ref: '#/components/schemas/Story' } } } }, ...problems(404) },
      },
    },
    '/api/stories/{slug}/corrections': {
      get: { summary: 'Every update, correction and retraction after the first version, newest first: version, date, kind, public note, each changed figure before and after', parameters: [slugParam], responses: { 200: { description: 'The record', headers: cached, content: { 'application/json': {} } }, ...problems(404) } },
    },
    '/api/stories/{slug}/corrections.atom': {
      get: { summary: 'The same record as an Atom 1.0 feed (RFC 4287), one entry per version', parameters: [slugParam], responses: { 200: { description: 'Atom feed', headers: cached, content: { 'application/atom+xml': {} } }, ...problems(404) } },
    },
    '/api/stories/{slug}/figures/{id}/history': {
      get: { summary: 'A figure’s value, qualifier and as-of date in every version, newest first', parameters: [slugParam, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'History', content: { 'application/json': {} } }, ...problems(404) } },
    },
    '/api/stories/{slug}/preview': {
      post: {
        summary: 'Draw a widget from an unpublished dataset (scope stories:publish or stories:create; nothing is stored)', security: editorSecurity,
        parameters: [slugParam, { name: 'widget', in: 'query', required: true, schema: { type: 'string', enum: Object.keys(widgets) } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Story' } } } },
        responses: { 200: { description: 'SVG', content: { 'image/svg+xml': {} } }, ...problems(400, 401, 403, 404, 413, 422, 429) },
      },
    },
    '/api/me': {
      get: {
        summary: 'Who the credentials name (id, via, scopes, slugs) and whether Cloudflare Access is set up; signedIn: false without credentials', security: [...editorSecurity, {}],
        responses: { 200: { description: '{ signedIn, editor?, access: { configured, missing? } }', content: { 'application/json': { schema: meSchema } } }, ...problems(401, 403, 429, 503) },
      },
    },
    '/api/tokens': {
      post: {
        summary: 'Create an editor token (scope tokens:admin); the token is in this answer only', security: editorSecurity,
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(tokenRequestSchema(), { io: 'input' }) } } },
        responses: { 201: { description: 'The token’s record and, this once, `token`', headers: { Location: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { allOf: [tokenSchema, { type: 'object', required: ['token'], properties: { token: { type: 'string', pattern: '^fbx_[0-9A-Za-z]{33}$' } } }] } } } }, ...problems(400, 401, 403, 409, 413, 415, 422, 429) },
      },
      get: {
        summary: 'Every editor token, revoked ones too, without secrets (scope tokens:admin)', security: editorSecurity,
        responses: { 200: { description: 'Tokens, newest first', content: { 'application/json': { schema: { type: 'array', items: tokenSchema } } } }, ...problems(401, 403, 429) },
      },
    },
    '/api/tokens/{id}': {
      delete: {
        summary: 'Revoke an editor token at once, in every isolate (scope tokens:admin)', security: editorSecurity,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 204: { description: 'Revoked (or already revoked)' }, ...problems(401, 403, 404, 429) },
      },
    },
    '/api/drafts': {
      post: {
        summary: 'Draft a story from an article (editor; nothing is stored): figures, events and statements, each with the offsets of its excerpt',
        description: 'The article as text/plain or text/html (published, headline and language as query parameters) or as JSON. HTML is read into paragraphs; scripts, styles, figure captions, navigation, header, footer and asides are dropped, and a JSON-LD articleBody is preferred. Every item of the answer has draft: { start, end, rule, confidence } (offsets of its excerpt in sources[0].text), and draft.needs where the editor must supply an attribution or a speaker the text does not give, or (label, with draft.labelProblem saying why) a figure label that stands alone where the drafted one leans on another figure.',
        security: editorSecurity,
        parameters: [
          { name: 'published', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'YYYY-MM-DD, required for text/plain and text/html: the date relative dates are read against' },
          { name: 'headline', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } },
          { name: 'language', in: 'query', required: false, schema: { type: 'string', enum: [...locales], default: 'en' } },
        ],
        requestBody: {
          required: true,
          content: {
            'text/plain': { schema: { type: 'string', maxLength: 204800 } },
            'text/html': { schema: { type: 'string', maxLength: 204800 } },
            'application/json': {
              schema: {
                type: 'object', required: ['published'],
                properties: { text: { type: 'string' }, html: { type: 'string' }, published: { type: 'string', format: 'date' }, headline: { type: 'string', maxLength: 200 }, language: { type: 'string', enum: [...locales] } },
                oneOf: [{ required: ['text'] }, { required: ['html'] }],
              },
            },
          },
        },
        responses: { 200: { description: 'A draft story dataset (sources: the article) with a draft member on every item', content: { 'application/json': {} } }, ...problems(400, 401, 413, 415, 422, 503) },
      },
    },
    '/admin': { get: { summary: 'Editor page: change figures and statements, preview, publish', responses: { 200: { description: 'HTML', content: { 'text/html': {} } } } } },
    '/admin/new': { get: { summary: 'Editor page: a new story from an article, its items picked from the text or drafted, previewed and created', responses: { 200: { description: 'HTML', content: { 'text/html': {} } } } } },
    '/embed.js': { get: { summary: 'Loader: turns <div data-factbox="{story}/{widget}"> into a sized iframe', responses: { 200: { description: 'JavaScript', content: { 'text/javascript': {} } } } } },
    '/oembed': {
      get: {
        summary: 'oEmbed 1.0 rich response for an embed or widget URL of this host',
        parameters: [
          { name: 'url', in: 'query', required: true, schema: { type: 'string', format: 'uri' } },
          { name: 'maxwidth', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'maxheight', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'xml'], default: 'json' } },
        ],
        responses: { 200: { description: 'oEmbed response', content: { 'application/json': {}, 'text/xml': {} } }, ...problems(400, 404, 501) },
      },
    },
    '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } } },
  }
  for (const w of Object.values(widgets)) {
    const parameters = [slugParam, ...queryParameters(w.options)]
    const formats: [string, string, string][] = [
      ['svg', 'image/svg+xml', 'The widget as a standalone SVG document'],
      ['json', 'application/json', `The ${w.itemsKey} the widget shows, each with source and excerpt`],
      ['csv', 'text/csv', `The ${w.itemsKey} as CSV, one row each`],
    ]
    for (const [ext, type, summary] of formats) {
      paths[`/widgets/{slug}/${w.id}.${ext}`] = {
        get: { tags: [w.id], summary: `${w.title}: ${summary}`, description: w.description, parameters, responses: { 200: { description: summary, headers: cached, content: { [type]: {} } }, 304: { description: 'Not modified' }, ...problems(400, 404) } },
      }
    }
    paths[`/widgets/{slug}/${w.id}.png`] = {
      get: {
        tags: [w.id], summary: `${w.title}: the same picture as PNG`, description: 'Rasterised in the worker with the bundled Noto fonts; preset=card gives a 1200×630 social card.',
        parameters: [slugParam, ...queryParameters(pngOptions[w.id])],
        responses: { 200: { description: 'PNG', headers: cached, content: { 'image/png': {} } }, 304: { description: 'Not modified' }, ...problems(400, 404) },
      },
    }
    paths[`/embed/{slug}/${w.id}`] = {
      get: { tags: [w.id], summary: `${w.title}: HTML page for an <iframe>`, parameters, responses: { 200: { description: 'Embed page', content: { 'text/html': {} } }, ...problems(400, 404) } },
    }
  }
  // The contract names the embed page GET /embed/{slug}/{widget}: the same pages as one
  // templated path, for tools that look the contract's path up, with every widget's options
  // (each says which widget takes it; the concrete paths above list each widget's own).
  const optionsByName = new Map<string, { parameter: ReturnType<typeof queryParameters>[number]; widgets: string[] }>()
  for (const w of Object.values(widgets)) {
    for (const parameter of queryParameters(w.options)) {
      const known = optionsByName.get(parameter.name)
      if (known) known.widgets.push(w.id)
      else optionsByName.set(parameter.name, { parameter, widgets: [w.id] })
    }
  }
  const allWidgets = Object.keys(widgets)
  paths['/embed/{slug}/{widget}'] = {
    get: {
      summary: 'Any widget as an HTML page for an <iframe>: responsive, posts its height to the parent, carries oEmbed discovery links',
      parameters: [
        slugParam,
        { name: 'widget', in: 'path', required: true, schema: { type: 'string', enum: allWidgets }, description: 'Widget id, as GET /api/widgets lists them' },
        ...[...optionsByName.values()].map(({ parameter, widgets: takers }) =>
          takers.length === allWidgets.length ? parameter : { ...parameter, description: `${parameter.description ?? ''} (${takers.join(', ')} only)`.trim() },
        ),
      ],
      responses: { 200: { description: 'Embed page', headers: cached, content: { 'text/html': {} } }, 304: { description: 'Not modified' }, ...problems(400, 404) },
    },
  }
  paths['/api/embed-codes'] = {
    get: {
      summary: 'Every embed code for a story, widget and options: iframe, script, SVG and PNG images, social card, oEmbed, AMP, CSP',
      parameters: [
        { name: 'story', in: 'query', schema: { type: 'string' }, description: 'Story slug; defaults to the first story' },
        { name: 'widget', in: 'query', schema: { type: 'string', enum: allWidgets, default: allWidgets[0] } },
        ...[...optionsByName.values()].map(({ parameter }) => parameter),
      ],
      responses: { 200: { description: 'The codes, with the embed URL, width, height and alt text', headers: cached, content: { 'application/json': {} } }, ...problems(400, 404) },
    },
  }
  return {
    openapi: '3.1.0',
    info: { title: 'factbox', version: pkg.version, description: 'Embeddable, sourced data-journalism widgets. Every error is application/problem+json (RFC 9457).' },
    paths,
    components: {
      securitySchemes: {
        access: { type: 'apiKey', in: 'header', name: 'Cf-Access-Jwt-Assertion', description: 'Cloudflare Access: the JWT Access adds to every request it lets through; the editor is its email' },
        bearer: { type: 'http', scheme: 'bearer', description: 'An editor token (fbx_…, POST /api/tokens), or the owner’s ADMIN_TOKEN Worker secret' },
      },
      schemas: {
        Story: z.toJSONSchema(storySchema(), { io: 'input', unrepresentable: 'any' }),
        Problem: {
          type: 'object', required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
            'invalid-params': { type: 'array', items: { type: 'object', required: ['name', 'reason'], properties: { name: { type: 'string' }, reason: { type: 'string' } } } },
          },
        },
      },
    },
  }
}
