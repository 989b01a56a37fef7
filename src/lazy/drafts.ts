// The draft extractor lives in a Worker module of its own (src/lazy/extractor.mjs, built by
// scripts/build-extract.mjs): with chrono-node and htmlparser2 it is 60 KB gzipped that the
// main module would otherwise carry, and evaluate, on every start-up (README "Drafts").
// wrangler.toml makes src/lazy/ the base_dir of additional modules, so the built file is
// uploaded beside the main module under its own name: the same "./extractor.mjs" that
// Vite resolves from this file in the tests. The specifier is a variable so that the
// bundler leaves the import to run time.
import { ProblemError } from '../http/problem'

type Extractor = typeof import('../../extract/module')

const MODULE = './extractor.mjs'
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
