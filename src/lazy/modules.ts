// Worker modules of their own, imported on first use so that the main module neither carries
// nor evaluates them at start-up (README "Size and start-up"). scripts/build-lazy.mjs builds
// each into src/lazy/, which wrangler.toml makes the base_dir of additional modules: it is
// uploaded beside the main module under its own name, the same "./<name>.mjs" that Vite
// resolves from this file in the tests. The specifiers are variables so that the bundler
// leaves the imports to run time (with a literal one, esbuild inlines the module).
//   extractor.mjs  the draft extractor with chrono-node and htmlparser2 (POST /api/drafts)
//   jose.mjs       JWT verification for Cloudflare Access (editors' requests only)
//   documents.mjs  the OpenAPI document and the widget list, made at build time
import type { Documents } from '../documents/index'
import { ProblemError } from '../http/problem'

type Extractor = typeof import('../../extract/module')
export type Jose = Pick<typeof import('jose'), 'createRemoteJWKSet' | 'customFetch' | 'errors' | 'jwtVerify'>

/** A loader for the module at `specifier`: imported once, kept for the isolate's life, retried after a failure. */
function lazy<T>(specifier: string, what: string): () => Promise<T> {
  let loading: Promise<T> | undefined
  return () =>
    (loading ??= (import(/* @vite-ignore */ specifier) as Promise<T>).catch((err: unknown) => {
      loading = undefined
      console.error(`${specifier} failed to load:`, err)
      throw new ProblemError({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: `${what} is not available: its module is missing from this deployment.`, retryAfter: 60 })
    }))
}

const EXTRACTOR = './extractor.mjs'
const JOSE = './jose.mjs'
const DOCUMENTS = './documents.mjs'

export const loadExtractor = lazy<Extractor>(EXTRACTOR, 'Drafting')
export const loadJose = lazy<Jose>(JOSE, 'Signing in with Cloudflare Access')
export const loadDocuments = lazy<{ default: Documents }>(DOCUMENTS, 'This document')
