import type { Request, RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import { problemBody, sendProblem } from '../http/problem.ts'

/** Attempts allowed per window, per client address and per account. */
export interface RateLimitSettings {
  windowMs: number
  perIp: number
  perAccount: number
}

export const DEFAULT_SIGN_IN_LIMITS: RateLimitSettings = { windowMs: 15 * 60_000, perIp: 60, perAccount: 10 }

function limiter(settings: RateLimitSettings, limit: number, key: (req: Request) => string): RequestHandler {
  return rateLimit({
    windowMs: settings.windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: key,
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
