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
  /** Per account (and per phone number) from one address; for staff, failed passwords only. */
  perAccount: number
  /**
   * Failed staff passwords per account from all addresses together: high enough that an attacker
   * elsewhere who hits `perAccount` from their own address does not lock the real user out.
   */
  perAccountEverywhere?: number
  /** Where attempts are counted, shared by every instance; process memory when absent (tests of one app). */
  counters?: Kysely<Database>
}

export const DEFAULT_SIGN_IN_LIMITS: RateLimitSettings = { windowMs: 15 * 60_000, perIp: 60, perAccount: 10, perAccountEverywhere: 100 }

/**
 * One key for every spelling of one number or name: full-width digits, spaces and a lower-case
 * check letter `x` all count as the same 身份证号码 (or phone, or username). Anything but text (an
 * unvalidated body may hold an object) has no key.
 */
export function limitKey(value: unknown): string | undefined {
  return typeof value === 'string' ? value.normalize('NFKC').replace(/\s+/g, '').toUpperCase() : undefined
}

/** Set by a handler on an attempt that counts against a failures-only limit (a wrong password). */
export function markFailedAttempt(res: Response): void {
  res.locals.failedAttempt = true
}

/** The route a limiter guards (`/auth/insured/start`): each endpoint counts on its own. */
const routeOf = (req: Request): string => `${req.baseUrl}${(req.route as { path?: string } | undefined)?.path ?? ''}`

/** `failures`: count only what fails — a refused reply, or a handler's `markFailedAttempt`. */
type Counted = 'all' | 'failures' | 'marked failures'

function limiter(settings: RateLimitSettings, limit: number, key: (req: Request, res: Response) => string, counted: Counted = 'all'): RequestHandler {
  return rateLimit({
    ...(settings.counters ? { store: new DatabaseRateLimitStore(settings.counters, 'auth ') } : {}),
    ...(counted === 'all' ? {} : { skipSuccessfulRequests: true }),
    ...(counted === 'marked failures' ? { requestWasSuccessful: (_req: Request, res: Response) => res.locals.failedAttempt !== true } : {}),
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

const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? '')

/**
 * Limits for one sign-in endpoint: by client address (many accounts from one place), and by each
 * number named in the body (one 身份证号码, or one phone, from many places). Each endpoint gets its
 * own counters. A number that is not text counts by address instead of failing the request.
 */
export function signInLimits(settings: RateLimitSettings, numbers: Record<string, (req: Request) => unknown>): RequestHandler[] {
  return [
    limiter(settings, settings.perIp, addressOf),
    ...Object.entries(numbers).map(([name, numberOf]) =>
      limiter(settings, settings.perAccount, req => `${name}:${limitKey(numberOf(req)) ?? addressOf(req)}`)),
  ]
}

/**
 * Limits for the staff password sign-in, counting wrong passwords only (a colleague signing in
 * all day is never limited): per address, per account from one address, and per account from
 * everywhere at a far higher bound. A guesser thus locks the account only for their own address;
 * the real user elsewhere is locked out only by a guessing campaign from many addresses at once.
 */
export function staffSignInLimits(settings: RateLimitSettings, usernameOf: (req: Request) => unknown): RequestHandler[] {
  const account = (req: Request) => limitKey(usernameOf(req)) ?? addressOf(req)
  return [
    limiter(settings, settings.perIp, addressOf, 'failures'),
    limiter(settings, settings.perAccount, req => `account:${account(req)} from:${addressOf(req)}`, 'failures'),
    limiter(settings, settings.perAccountEverywhere ?? settings.perAccount * 10, req => `account:${account(req)}`, 'failures'),
  ]
}

/**
 * Limit for a signed-in account's own attempts (changing the password): keyed by the account,
 * counting only attempts marked failed, so anonymous calls from the same address, or the
 * person's successful changes, never lock the real user out.
 */
export function failedAttemptLimit(settings: RateLimitSettings, accountOf: (res: Response) => string): RequestHandler {
  return limiter(settings, settings.perAccount, (_req, res) => `account:${accountOf(res)}`, 'marked failures')
}
