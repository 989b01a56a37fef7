// The factbox worker, top to bottom: middleware, routes, then the error handlers.
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { etag } from 'hono/etag'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './env'
import { limitUrlLength } from './http/limits'
import { renderError, renderNotFound } from './http/problem'
import { adminRoutes } from './routes/admin'
import { adminPageRoutes } from './routes/admin-page'
import { adminNewPageRoutes } from './routes/admin-new-page'
import { draftRoutes } from './routes/drafts'

import { correctionRoutes } from './routes/corrections'
import { embedRoutes } from './routes/embed'
import { healthRoutes } from './routes/health'
import { meRoutes } from './routes/me'
import { oembedRoutes } from './routes/oembed'
import { openapiRoutes } from './routes/openapi'
import { storyRoutes } from './routes/stories'
import { tokenRoutes } from './routes/tokens'
import { widgetRoutes } from './routes/widgets'
import { workshopRoutes } from './routes/workshop'

export const app = new Hono<AppEnv>()

app.use(
  secureHeaders({
    // Widgets and embed pages are shown on other sites (CONTRACT.md "HTTP"): Hono's defaults,
    // X-Frame-Options SAMEORIGIN and CORP same-origin, would break iframes and <img>.
    xFrameOptions: false,
    crossOriginResourcePolicy: 'cross-origin',
    // Readers' browsers may open links from an embed; keep the default no-referrer otherwise.
    crossOriginOpenerPolicy: false,
    // Widgets and pages need no device features; no embedding page can grant them either.
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [], fullscreen: [] },
  }),
)
app.use(limitUrlLength())
app.use(cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'X-Story-Version'] }))
app.use(etag())

app.route('/', healthRoutes)
app.route('/', storyRoutes)
app.route('/', correctionRoutes)
app.route('/', adminRoutes)
app.route('/', meRoutes)
app.route('/', tokenRoutes)
app.route('/', adminPageRoutes)
app.route('/', adminNewPageRoutes)
app.route('/', draftRoutes)
app.route('/', widgetRoutes)
app.route('/', embedRoutes)
app.route('/', oembedRoutes)
app.route('/', openapiRoutes)
app.route('/', workshopRoutes)

app.onError(renderError)
app.notFound(renderNotFound)
