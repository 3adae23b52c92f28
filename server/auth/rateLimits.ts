import type { Request, RequestHandler, Response } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import type { Kysely } from 'kysely'
import type { Database } from '../store/index.ts'
import { DatabaseRateLimitStore } from './databaseRateLimitStore.ts'
import { problemBody, sendProblem } from '../http/problem.ts'

/** Attempts allowed per window, per client address and per account. */
export interface RateLimitSettings {
  windowMs: number
  perIp: number
  perAccount: number
  /** Where attempts are counted, shared by every instance; process memory when absent (tests of one app). */
  counters?: Kysely<Database>
}

export const DEFAULT_SIGN_IN_LIMITS: RateLimitSettings = { windowMs: 15 * 60_000, perIp: 60, perAccount: 10 }

/** Set by a handler on an attempt that counts against a failures-only limit (a wrong password). */
export function markFailedAttempt(res: Response): void {
  res.locals.failedAttempt = true
}

/** The route a limiter guards (`/auth/insured/start`): each endpoint counts on its own. */
const routeOf = (req: Request): string => `${req.baseUrl}${(req.route as { path?: string } | undefined)?.path ?? ''}`

function limiter(settings: RateLimitSettings, limit: number, key: (req: Request, res: Response) => string, failuresOnly = false): RequestHandler {
  return rateLimit({
    ...(settings.counters ? { store: new DatabaseRateLimitStore(settings.counters, 'auth ') } : {}),
    ...(failuresOnly ? { skipSuccessfulRequests: true, requestWasSuccessful: (_req: Request, res: Response) => res.locals.failedAttempt !== true } : {}),
    windowMs: settings.windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req, res) => `${routeOf(req)} ${key(req, res)}`,
    handler: (req, res) => {
      const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : Math.ceil(settings.windowMs / 1000)
      res.setHeader('Retry-After', String(seconds))
      sendProblem(res, problemBody(429, `尝试次数过多，请${Math.ceil(seconds / 60)}分钟后再试`, 'rate_limited'))
    },
  })
}

/**
 * Limits for one sign-in endpoint: by client address (many accounts from one place) and by the
 * account named in the body (one account from many places). Each endpoint gets its own counters.
 */
export function signInLimits(settings: RateLimitSettings, accountOf: (req: Request) => string | undefined): RequestHandler[] {
  return [
    limiter(settings, settings.perIp, req => ipKeyGenerator(req.ip ?? '')),
    // The account comes from an unvalidated body: anything but text (an object whose toString is
    // not a function) counts by address instead of failing the request.
    limiter(settings, settings.perAccount, (req) => {
      const account: unknown = accountOf(req)
      return `account:${typeof account === 'string' ? account : ipKeyGenerator(req.ip ?? '')}`
    }),
  ]
}

/**
 * Limit for a signed-in account's own attempts (changing the password): keyed by the account,
 * counting only attempts marked failed, so anonymous calls from the same address, or the
 * person's successful changes, never lock the real user out.
 */
export function failedAttemptLimit(settings: RateLimitSettings, accountOf: (res: Response) => string): RequestHandler {
  return limiter(settings, settings.perAccount, (_req, res) => `account:${accountOf(res)}`, true)
}
