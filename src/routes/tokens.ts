// Editor tokens (CONTRACT.md "v2: editors and identity"), all with scope tokens:admin:
//   POST   /api/tokens        { name, scopes, slugs? } → 201 with the token, shown this once
//   GET    /api/tokens        every token without secret or digest, revoked ones too
//   DELETE /api/tokens/{id}   revokes it: the next request with it, in any isolate, is 401
import { bodyLimit } from 'hono/body-limit'
import { router } from '../env'
import { requireEditor } from '../http/auth'
import { forbidden } from '../http/editor'
import { ProblemError, notFound } from '../http/problem'
import { generateEditorToken, tokenDigest } from '../http/token-format'
import { tokenRequestSchema } from '../http/token-request'
import { type EditorTokenRow, insertEditorToken, listEditorTokens, revokeEditorToken } from '../store'

export const tokenRoutes = router()


function unprocessable(problems: { name: string; reason: string }[]): ProblemError {
  return new ProblemError({ type: 'about:blank', title: 'Unprocessable Content', status: 422, detail: `No token was created: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}.`, 'invalid-params': problems })
}

/** A row as the API shows it: never the digest. */
function shown(row: EditorTokenRow) {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as string[],
    slugs: row.slugs === null ? null : (JSON.parse(row.slugs) as string[]),
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }
}

const tokenBodyLimit = bodyLimit({
  maxSize: 16 * 1024,
  onError: () => {
    throw new ProblemError({ type: 'about:blank', title: 'Content Too Large', status: 413, detail: 'A token request may be at most 16 KiB of JSON.' })
  },
})

tokenRoutes.post('/api/tokens', requireEditor('tokens:admin'), tokenBodyLimit, async (c) => {
  if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) {
    throw new ProblemError({ type: 'about:blank', title: 'Unsupported Media Type', status: 415, detail: 'Send the token request as application/json.' })
  }
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new ProblemError({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'The body is not valid JSON.' })
  }
  const parsed = tokenRequestSchema().safeParse(body)
  if (!parsed.success) throw unprocessable(parsed.error.issues.map((i) => ({ name: i.path.join('.') || 'body', reason: i.message })))
  const { name, slugs } = parsed.data
  const scopes = [...new Set(parsed.data.scopes)]

  // No one hands out more than they hold: scopes they lack, or stories outside their own list.
  const editor = c.var.editor
  const lacking = scopes.filter((s) => !editor.scopes.includes(s))
  if (lacking.length) throw forbidden(`${editor.id} cannot grant ${lacking.map((s) => `"${s}"`).join(', ')}, which it does not hold.`)
  if (editor.slugs && (!slugs || slugs.some((s) => !editor.slugs!.includes(s)))) {
    throw forbidden(`${editor.id} may grant only its own stories: ${editor.slugs.map((s) => `"${s}"`).join(', ')}.`)
  }

  const token = generateEditorToken()
  const row = {
    id: crypto.randomUUID(),
    digest: await tokenDigest(token),
    name,
    scopes: JSON.stringify(scopes),
    slugs: slugs ? JSON.stringify([...new Set(slugs)]) : null,
    created_by: editor.id,
    created_at: new Date().toISOString(),
  }
  if (!(await insertEditorToken(c.env.DB, row))) {
    throw new ProblemError({ type: 'about:blank', title: 'Conflict', status: 409, detail: `A working token is already named "${name}": versions record the name as their author, so revoke that one or choose another name.` })
  }
  c.header('Location', `/api/tokens/${row.id}`)
  return c.json({ ...shown({ ...row, last_used_at: null, revoked_at: null }), token }, 201)
})

tokenRoutes.get('/api/tokens', requireEditor('tokens:admin'), async (c) => {
  return c.json((await listEditorTokens(c.env.DB)).map(shown))
})

tokenRoutes.delete('/api/tokens/:id', requireEditor('tokens:admin'), async (c) => {
  const id = c.req.param('id')
  const row = await revokeEditorToken(c.env.DB, id, new Date().toISOString())
  if (!row) throw notFound(`There is no token "${id}".`)
  return c.body(null, 204)
})
