// The draft extractor lives in a Worker module of its own (src/generated/drafts.mjs, built
// by scripts/build-extract.mjs): chrono-node and htmlparser2 are 40 KB gzipped that the
// main module would otherwise carry, and evaluate, on every start-up (README "Drafts").
// The specifier is a variable so that the bundler leaves the import to run time; it is
// relative to this file, which sits where the bundled main module does (at the root of
// the upload, beside generated/).
import { ProblemError } from './http/problem'

type Extractor = typeof import('../extract/module')

const MODULE = './generated/drafts.mjs'
let loading: Promise<Extractor> | undefined

/** The extractor, imported on first use and kept for the isolate's life. */
export function loadExtractor(): Promise<Extractor> {
  loading ??= (import(/* @vite-ignore */ MODULE) as Promise<Extractor>).catch((err: unknown) => {
    loading = undefined
    console.error('drafts module failed to load:', err)
    throw new ProblemError({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'Drafting is not available: the extractor module is missing from this deployment.', retryAfter: 60 })
  })
  return loading
}
