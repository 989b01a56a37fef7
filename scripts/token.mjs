// npm run token -- create --name "CMS plugin" --scopes stories:publish [--slugs a,b]
// npm run token -- list
// npm run token -- revoke <id>
// Editor tokens for scripts and CMS plugins (POST/GET /api/tokens, DELETE /api/tokens/{id}).
// The worker is FACTBOX_URL (default http://127.0.0.1:8787); FACTBOX_ADMIN_TOKEN is a token
// with the scope tokens:admin (the ADMIN_TOKEN secret, or an editor token made with it).
// A new token is printed once: the worker keeps only its digest.
import { parseArgs } from 'node:util'

const USAGE = `usage:
  npm run token -- create --name "CMS plugin" --scopes stories:publish[,stories:create,tokens:admin] [--slugs story-a,story-b]
  npm run token -- list
  npm run token -- revoke <id>`

function fail(message) {
  console.error(`token: ${message}`)
  process.exit(1)
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, scopes: { type: 'string' }, slugs: { type: 'string' }, url: { type: 'string' } },
})
const [command, ...rest] = positionals
const base = (values.url ?? process.env.FACTBOX_URL ?? 'http://127.0.0.1:8787').replace(/\/$/, '')
const token = process.env.FACTBOX_ADMIN_TOKEN
if (!['create', 'list', 'revoke'].includes(command)) fail(USAGE)
if (!token) fail('set FACTBOX_ADMIN_TOKEN to a token with the scope tokens:admin (the ADMIN_TOKEN secret)')

async function call(method, path, body) {
  let res
  try {
    res = await fetch(base + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
  } catch (err) {
    fail(`${base} did not answer: ${err.message}`)
  }
  if (res.ok) return res.status === 204 ? null : res.json()
  const problem = await res.json().catch(() => ({}))
  console.error(`token: ${res.status} ${problem.title ?? ''}: ${problem.detail ?? ''}`)
  for (const p of problem['invalid-params'] ?? []) console.error(`  ${p.name}: ${p.reason}`)
  process.exit(1)
}

const list = (text) => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)

if (command === 'create') {
  if (!values.name || !values.scopes) fail(USAGE)
  const slugs = list(values.slugs)
  const created = await call('POST', '/api/tokens', { name: values.name, scopes: list(values.scopes), ...(slugs.length ? { slugs } : {}) })
  console.log(`created "${created.name}" (${created.id}): ${created.scopes.join(', ')}${created.slugs ? ` for ${created.slugs.join(', ')}` : ' for every story'}`)
  console.log('the token, shown this once (store it as a secret; the worker keeps only its digest):')
  console.log(created.token)
} else if (command === 'list') {
  const tokens = await call('GET', '/api/tokens')
  if (!tokens.length) console.log('no editor tokens')
  for (const t of tokens) {
    const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`
    console.log(`${t.id}  ${t.name}  [${t.scopes.join(', ')}]  ${t.slugs ? t.slugs.join(', ') : 'every story'}  by ${t.createdBy} ${t.createdAt}  ${state}`)
  }
} else {
  const [id] = rest
  if (!id) fail(USAGE)
  await call('DELETE', `/api/tokens/${encodeURIComponent(id)}`)
  console.log(`revoked ${id}: the next request with it is refused`)
}
