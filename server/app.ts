import express from 'express'
import helmet from 'helmet'
import { contentSecurityPolicyDirectives } from './http/csp.ts'
import { apiNotFound, problemHandler } from './http/errors.ts'
import { requestLogger } from './http/logger.ts'
import type { Logger } from './http/logger.ts'
import { serveClient } from './http/client.ts'
import type { Store } from './store/index.ts'

/** What the app needs from outside; tests pass their own store and a captured logger. */
export interface AppDeps {
  store: Store
  logger: Logger
  /** The built PWA (`dist`); when set it is served with an SPA fallback. */
  clientDir?: string
}

/**
 * The whole HTTP surface as an Express app, apart from `listen` so tests drive it with supertest
 * and a host can mount it under any path (`outer.use('/yidi', createApp(deps))`).
 */
export function createApp(deps: AppDeps): express.Express {
  const app = express()
  app.disable('x-powered-by')
  app.use(requestLogger(deps.logger))
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives } }))

  const api = express.Router()
  api.use(express.json({ limit: '1mb' }))
  api.get('/health', async (_req, res) => {
    await deps.store.db.selectFrom('server_settings').select('key').limit(1).execute()
    res.json({ ok: true, storage: deps.store.kind })
  })
  api.use(apiNotFound)
  app.use('/api', api)

  if (deps.clientDir)
    app.use(serveClient(deps.clientDir))
  app.use(problemHandler(deps.logger))
  return app
}
