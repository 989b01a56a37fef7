// GET /openapi.json: OpenAPI 3.1, built from the schemas the routes validate with when the
// worker is built (src/documents/openapi.ts, scripts/build-lazy.mjs) and imported on the
// first request for it. Only `servers` depends on the request: the origin it came to.
import { router } from '../env'
import { cacheFor } from '../http/caching'
import { loadDocuments } from '../lazy/modules'

export const openapiRoutes = router()

// One document per origin the worker answers on, made once per isolate.
const documents = new Map<string, string>()

openapiRoutes.get('/openapi.json', async (c) => {
  const origin = new URL(c.req.url).origin
  const notModified = await cacheFor(c, { parts: ['openapi', origin], pinned: false })
  if (notModified) return notModified
  let doc = documents.get(origin)
  if (!doc) {
    const { openapi: version, info, ...rest } = (await loadDocuments()).default.openapi
    if (documents.size > 16) documents.clear()
    documents.set(origin, (doc = JSON.stringify({ openapi: version, info, servers: [{ url: origin }], ...rest })))
  }
  return c.body(doc, 200, { 'Content-Type': 'application/json' })
})
