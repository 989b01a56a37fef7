// GET /openapi.json: OpenAPI 3.1, built from the schemas the routes validate with (each
// widget's options, the story schema), so the document cannot drift from the behaviour.
import { router } from '../env'
import * as z from 'zod/mini'
import pkg from '../../package.json'
import { widgets } from '../../widgets/index'
import { storySchema } from '../../widgets/story'
import { cacheFor } from '../http/caching'
import { pngOptions } from './widgets'

export const openapiRoutes = router()

type JsonSchema = { properties?: Record<string, { description?: string } & Record<string, unknown>>; required?: string[] }

const problemRef = { $ref: '#/components/schemas/Problem' }
const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: describeStatus[s], content: { 'application/problem+json': { schema: problemRef } } }]))
const describeStatus: Record<number, string> = {
  400: 'A known option has a bad value; invalid-params names each one.',
  401: 'Missing or wrong admin token.',
  412: 'If-Match names a version that is no longer the latest.',
  413: 'Body too large.',
  415: 'Body is not application/json.',
  422: 'The dataset does not validate; invalid-params lists every problem.',
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

function buildDocument(origin: string) {
  const paths: Record<string, unknown> = {
    '/': { get: { summary: 'Embed workshop: every story and widget with options, live preview and embed codes', responses: { 200: { description: 'HTML', content: { 'text/html': {} } } } } },
    '/healthz': { get: { summary: 'Liveness', responses: { 200: { description: '{ "ok": true, … }', content: { 'application/json': {} } } } } },
    '/api/widgets': { get: { summary: 'Every widget with its option schema', responses: { 200: { description: 'Widgets', content: { 'application/json': {} } } } } },
    '/api/stories': { get: { summary: 'Every story: slug, headline, asOf, version', responses: { 200: { description: 'Stories', headers: cached, content: { 'application/json': {} } } } } },
    '/api/stories/{slug}': {
      put: {
        summary: 'Publish a new version (admin): the whole dataset plus note', security: [{ admin: [] }], parameters: [slugParam, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'ETag of the version edited' }],
        requestBody: { required: true, content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Story' }, { type: 'object', required: ['note'], properties: { note: { type: 'string', maxLength: 500 }, author: { type: 'string', maxLength: 100 } } }] } } } },
        responses: { 200: { description: 'Published: version, publishedAt, author, note; ETag of the new version', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': {} } }, ...problems(401, 404, 412, 413, 415, 422, 428) },
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
    '/api/stories/{slug}/figures/{id}/history': {
      get: { summary: 'A figure’s value, qualifier and as-of date in every version, newest first', parameters: [slugParam, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'History', content: { 'application/json': {} } }, ...problems(404) } },
    },
    '/api/stories/{slug}/preview': {
      post: {
        summary: 'Draw a widget from an unpublished dataset (admin; nothing is stored)', security: [{ admin: [] }],
        parameters: [slugParam, { name: 'widget', in: 'query', required: true, schema: { type: 'string', enum: Object.keys(widgets) } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Story' } } } },
        responses: { 200: { description: 'SVG', content: { 'image/svg+xml': {} } }, ...problems(400, 401, 404, 413, 422) },
      },
    },
    '/admin': { get: { summary: 'Editor page: change figures and statements, preview, publish', responses: { 200: { description: 'HTML', content: { 'text/html': {} } } } } },
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
    servers: [{ url: origin }],
    paths,
    components: {
      securitySchemes: { admin: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN Worker secret' } },
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

// One document per origin the worker answers on, made once per isolate.
const documents = new Map<string, string>()

openapiRoutes.get('/openapi.json', async (c) => {
  const origin = new URL(c.req.url).origin
  const notModified = await cacheFor(c, { parts: ['openapi', origin], pinned: false })
  if (notModified) return notModified
  let doc = documents.get(origin)
  if (!doc) {
    if (documents.size > 16) documents.clear()
    documents.set(origin, (doc = JSON.stringify(buildDocument(origin))))
  }
  return c.body(doc, 200, { 'Content-Type': 'application/json' })
})
