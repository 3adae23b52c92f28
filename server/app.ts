import express from 'express'
import helmet from 'helmet'
import { readCaller } from './auth/caller.ts'
import { type CodeSender, logCodeSender } from './auth/codeSender.ts'
import { DEFAULT_SIGN_IN_LIMITS, type RateLimitSettings } from './auth/rateLimits.ts'
import { authRoutes } from './auth/routes.ts'
import { resolveTokenSecret } from './auth/tokenSecret.ts'
import { deferredTokenService } from './auth/tokens.ts'
import { claimHandlers } from './claims/handlers.ts'
import { claimRoutes } from './claims/routes.ts'
import { counterHandlers } from './counter/handlers.ts'
import { counterRoutes } from './counter/routes.ts'
import { attachmentRoutes } from './filing/attachments.ts'
import { filingHandlers } from './filing/handlers.ts'
import { filingRoutes } from './filing/routes.ts'
import { hospitalRoutes } from './hospitals/routes.ts'
import { currentSigningKey, type SigningKey } from './filing/signingKeys.ts'
import { type IdentityVerifier, registryPhoneCheck } from './registry/identityVerifier.ts'
import { consentRoutes } from './registry/consentRoutes.ts'
import { registryRoutes } from './registry/routes.ts'
import { contentSecurityPolicyDirectives } from './http/csp.ts'
import { apiNotFound, problemHandler } from './http/errors.ts'
import { requestLogger } from './http/logger.ts'
import { refuseHostileJson } from './http/refuseHostileJson.ts'
import type { Logger } from './http/logger.ts'
import { serveClient } from './http/client.ts'
import { settlementHandlers } from './settlement/handlers.ts'
import { outsideSlipHandlers } from './settlement/outsideSlips.ts'
import { stayRoutes } from './settlement/stayRoutes.ts'
import { settlementRoutes } from './settlement/routes.ts'
import type { Store } from './store/index.ts'
import type { ActionHandlers } from './sync/actionHandler.ts'
import { applyBatch } from './sync/applyBatch.ts'
import { syncRoutes } from './sync/route.ts'
import { traumaHandlers } from './trauma/handlers.ts'
import { traumaRoutes } from './trauma/routes.ts'
import { reminderRoutes } from './reminders/routes.ts'

/** What the app needs from outside; tests pass their own store, logger, clock and limits. */
export interface AppDeps {
  store: Store
  logger: Logger
  /** The built PWA (`dist`); when set it is served with an SPA fallback. */
  clientDir?: string
  /** Delivers sign-in codes; by default they go to the log (masked phone, code only outside production). */
  codeSender?: CodeSender
  /**
   * Decides whether a sign-in code is sent and to which phone; by default the 身份证号码 + 姓名 must
   * be on record and the phone one of theirs. A province may add real-name or face verification.
   */
  identityVerifier?: IdentityVerifier
  /** Development only: sign-in replies carry the code (`YIDI_DEV_ECHO_CODE=1`). */
  devEchoCode?: boolean
  production?: boolean
  rateLimits?: RateLimitSettings
  clock?: () => Date
  /** `YIDI_TOKEN_SECRET`; when absent one is kept in the database. */
  tokenSecret?: string
  /** Online lookups per counter account per minute (default 60). */
  counterLookupsPerMinute?: number
  /** Express `trust proxy` (`YIDI_TRUST_PROXY`): the hops allowed to tell the client's address. */
  trustProxy?: number | string[] | false
  /** Extra or replacement action handlers (tests). */
  actionHandlers?: ActionHandlers
}

/**
 * The whole HTTP surface as an Express app, apart from `listen` so tests drive it with supertest
 * and a host can mount it under any path (`outer.use('/yidi', createApp(deps))`).
 */
export function createApp(deps: AppDeps): express.Express {
  const { store, logger } = deps
  const clock = deps.clock ?? (() => new Date())
  const tokens = deferredTokenService(() => resolveTokenSecret(store, deps.tokenSecret))
  let signingKey: Promise<SigningKey> | undefined
  const loadSigningKey = () => signingKey ??= currentSigningKey(store.db)
  const handlers: ActionHandlers = {
    ...filingHandlers(loadSigningKey),
    ...counterHandlers,
    ...traumaHandlers,
    ...settlementHandlers,
    ...outsideSlipHandlers,
    ...claimHandlers,
    ...deps.actionHandlers,
  }

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', deps.trustProxy ?? false)
  app.use(requestLogger(logger))
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives } }))

  const api = express.Router()
  // Replies carry 身份证号码, names and phones: no browser or proxy cache may keep them.
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    next()
  })
  api.use(express.json({ limit: '1mb' }))
  api.use(readCaller(tokens, clock, store.db))
  api.get('/health', async (_req, res) => {
    await store.db.selectFrom('server_settings').select('key').limit(1).execute()
    res.json({ ok: true, storage: store.kind })
  })
  // Sync refuses a too-deep or NUL-carrying action alone, inside its 200 batch; every other body
  // is refused whole, before its route sees it.
  api.use('/sync', syncRoutes({ store, handlers, clock, logger, beforeBatch: loadSigningKey }))
  api.use(refuseHostileJson())
  api.use('/auth', authRoutes({
    store,
    tokens,
    sendCode: deps.codeSender ?? logCodeSender(logger, deps.production ?? false),
    echoCode: (deps.devEchoCode ?? false) && !deps.production,
    // Counted in the database, so the limits hold across instances.
    rateLimits: { ...(deps.rateLimits ?? DEFAULT_SIGN_IN_LIMITS), counters: store.db },
    clock,
    identityVerifier: deps.identityVerifier ?? registryPhoneCheck,
    logger,
  }))
  api.use('/attachments', attachmentRoutes(store))
  api.use('/counter', counterRoutes({ store, clock, lookupsPerMinute: deps.counterLookupsPerMinute ?? 60 }))
  api.use(filingRoutes(store))
  api.use(registryRoutes(store))
  api.use(hospitalRoutes(store))
  api.use(consentRoutes({
    store,
    sendCode: deps.codeSender ?? logCodeSender(logger, deps.production ?? false),
    echoCode: (deps.devEchoCode ?? false) && !deps.production,
    rateLimits: deps.rateLimits ?? DEFAULT_SIGN_IN_LIMITS,
    clock,
    logger,
  }))
  api.use(traumaRoutes(store))
  api.use(stayRoutes(store, clock))
  api.use(claimRoutes(store, clock))
  api.use(reminderRoutes(store, clock))
  api.use(settlementRoutes(store, async (caller, actions) => {
    await loadSigningKey()
    return applyBatch(store, { caller, actions, handlers, now: clock(), logger })
  }))
  api.use(apiNotFound)
  app.use('/api', api)

  if (deps.clientDir)
    app.use(serveClient(deps.clientDir))
  app.use(problemHandler(logger))
  return app
}
