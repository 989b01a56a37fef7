// Builds the draft extractor (extract/module.ts, with chrono-node and htmlparser2) into
// src/lazy/extractor.mjs, a Worker module of its own: wrangler uploads it beside the main
// module (wrangler.toml: find_additional_modules, base_dir and its ESModule rule) and the drafts route
// imports it on first use, so the main module neither carries it nor evaluates it at
// start-up. Run by wrangler's [build] command and by vitest's global setup; the output is
// not committed.
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const outfile = join(repo, 'src/lazy/extractor.mjs')

export async function buildExtract() {
  await build({
    entryPoints: [join(repo, 'extract/module.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    outfile,
    logLevel: 'error',
  })
  return outfile
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildExtract()
