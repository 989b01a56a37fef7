// What every benchmark that serves the built worker through Miniflare needs: the bundle
// `wrangler deploy --dry-run` makes (the main module, and the extractor module beside it),
// Miniflare options that load it as the edge does, and a D1 migrated as `wrangler d1
// migrations apply` would.
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Builds the worker of the checkout at `cwd` into `dir`. */
export function buildWorker(dir, { cwd = process.cwd(), minify = true } = {}) {
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', dir, ...(minify ? [] : ['--minify=false'])], { cwd, stdio: 'ignore' })
}

const TYPES = [
  [/\.wasm$/, 'CompiledWasm'],
  [/\.ttf$/, 'Data'],
  [/\.client\.js$/, 'Text'],
  [/\.m?js$/, 'ESModule'],
]

/**
 * Miniflare's worker options for the build in `dir`: every module listed, since the
 * extractor is imported by a specifier Miniflare cannot follow by itself.
 */
export function workerOptions(dir, cwd = process.cwd()) {
  const files = readdirSync(dir).filter((f) => !f.endsWith('.map') && f !== 'README.md')
  const modules = [{ type: 'ESModule', path: join(dir, 'index.js') }]
  for (const f of files) {
    if (f === 'index.js') continue
    const type = TYPES.find(([re]) => re.test(f))?.[1]
    if (type) modules.push({ type, path: join(dir, f) })
  }
  return {
    modules,
    modulesRoot: dir,
    // The placeholder request.cf object: the real one would be fetched from the network.
    cf: false,
    compatibilityDate: /compatibility_date = "([^"]+)"/.exec(readFileSync(join(cwd, 'wrangler.toml'), 'utf8'))[1],
  }
}

/** Applies every migration in migrations/, in order, statement by statement. */
export async function migrate(db, cwd = process.cwd()) {
  const dir = join(cwd, 'migrations')
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    // Statement by statement; a trigger's body (BEGIN … END;) stays whole.
    let statement = ''
    for (const line of readFileSync(join(dir, file), 'utf8').replace(/^--.*$/gm, '').split('\n')) {
      statement += `${line}\n`
      const inTrigger = /\bBEGIN\b/i.test(statement) && !/\bEND;\s*$/i.test(statement)
      if (/;\s*$/.test(line) && !inTrigger) {
        await db.prepare(statement.trim().replace(/;$/, '')).run()
        statement = ''
      }
    }
  }
}
