// GET /api/me: who the request's credentials name, through what, with which scopes, and
// whether Cloudflare Access is set up. /admin asks it first: behind Access the answer is
// the signed-in editor and there is nothing to type. With no credentials it answers 200
// { signedIn: false }, not 401: nothing here is refused, and the page asks before it knows
// whether anyone is signed in. Bad credentials are 401 (and count towards 429), as on writes.
import { router } from '../env'
import { accessConfig } from '../http/access'
import { authenticate } from '../http/auth'

export const meRoutes = router()

meRoutes.get('/api/me', async (c) => {
  c.header('Cache-Control', 'no-store')
  const config = accessConfig(c.env)
  const access = config.configured ? { configured: true } : { configured: false, ...(config.missing.length ? { missing: config.missing } : {}) }
  const editor = await authenticate(c)
  if (!editor) return c.json({ signedIn: false, access })
  const { tokenId: _, ...shown } = editor
  return c.json({ signedIn: true, editor: shown, access })
})
