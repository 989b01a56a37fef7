// Builds the Worker modules that the main module imports on first use (src/lazy/modules.ts)
// into src/lazy/, where wrangler uploads them beside the main module (wrangler.toml:
// find_additional_modules, base_dir and its ESModule rule), so that the main module neither
// carries nor evaluates them at start-up:
//   extractor.mjs  extract/module.ts with chrono-node and htmlparser2
//   jose.mjs       the parts of jose that verify a Cloudflare Access JWT
//   documents.mjs  the OpenAPI document and the widget list, made here from the schemas
//                  (src/documents/), so the worker needs no JSON Schema conversion
// Run by wrangler's [build] command and by vitest's global setup; the output is not committed.
import { build } from 'esbuild'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const lazy = join(repo, 'src/lazy')

const common = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'error',
}

export async function buildLazy() {
  await build({ ...common, entryPoints: [join(repo, 'extract/module.ts')], outfile: join(lazy, 'extractor.mjs') })
  await build({
    ...common,
    stdin: { contents: "export { createRemoteJWKSet, customFetch, errors, jwtVerify } from 'jose'", resolveDir: repo, loader: 'js' },
    conditions: ['worker', 'browser'],
    outfile: join(lazy, 'jose.mjs'),
  })
  await buildDocuments()
}

/** Runs src/documents/ here, in Node, and writes what it made as a module of plain data. */
async function buildDocuments() {
  const work = mkdtempSync(join(tmpdir(), 'factbox-documents-'))
  try {
    const script = join(work, 'documents.mjs')
    await build({ ...common, platform: 'node', minify: false, entryPoints: [join(repo, 'src/documents/index.ts')], outfile: script })
    const { documents } = await import(pathToFileURL(script).href)
    writeFileSync(join(lazy, 'documents.mjs'), `// Made by scripts/build-lazy.mjs from src/documents/: do not edit.\nexport default ${JSON.stringify(documents())}\n`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildLazy()
