import { router } from '../env'
import pkg from '../../package.json'
import { queryCount } from '../store'
import { bundledSlugs } from '../stories'
import { widgets } from '../../widgets/index'

export const healthRoutes = router()

healthRoutes.get('/healthz', (c) => {
  c.header('Cache-Control', 'no-store')
  return c.json({ ok: true, service: 'factbox', version: pkg.version, bundledStories: bundledSlugs().length, widgets: Object.keys(widgets).length, storeQueries: queryCount() })
})
