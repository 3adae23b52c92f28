import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import express from 'express'
import { maskIdNumber } from '../../src/domain/identity/mask.ts'
import { insuredAuthStartSchema, insuredAuthVerifySchema, staffLoginSchema, staffPasswordChangeSchema } from '../../src/domain/schemas/http.ts'
import { HttpProblem } from '../http/problem.ts'
import type { Logger } from '../http/logger.ts'
import type { IdentityVerifier } from '../registry/identityVerifier.ts'
import { insuranceView } from '../registry/insuranceView.ts'
import { recordsOf } from '../registry/repository.ts'
import type { Store } from '../store/index.ts'
import { staffOf } from './caller.ts'
import type { CodeSender } from './codeSender.ts'
import { hashPassword, passwordProblem, unknownAccountHash, verifyPassword } from './passwords.ts'
import { staffCallerOf, staffPlaceOf } from './staffCaller.ts'
import { failedAttemptLimit, markFailedAttempt, type RateLimitSettings, signInLimits, staffSignInLimits } from './rateLimits.ts'
import type { TokenService } from './tokens.ts'

export interface AuthRouteDeps {
  store: Store
  tokens: TokenService
  sendCode: CodeSender
  /** Development only: the code is also returned in the reply. */
  echoCode: boolean
  rateLimits: RateLimitSettings
  clock: () => Date
  /** Who may be sent a code: by default the registry's phone check. */
  identityVerifier: IdentityVerifier
  logger: Logger
}

const CODE_LIFETIME_MS = 5 * 60_000
const MAX_CODE_TRIES = 5

const hashCode = (challengeId: string, code: string) => createHash('sha256').update(`${challengeId}:${code}`).digest()

const WRONG_CREDENTIALS = new HttpProblem(401, '用户名或密码不正确', { code: 'invalid_credentials' })

/** `POST /auth/insured/start|verify`, `POST /auth/staff/login|password` (DESIGN §4). */
export function authRoutes(deps: AuthRouteDeps): express.Router {
  const { db } = deps.store
  const router = express.Router()

  router.post('/insured/start', ...signInLimits(deps.rateLimits, { idNumber: req => req.body?.idNumber, phone: req => req.body?.phone }), async (req, res) => {
    const person = insuredAuthStartSchema.parse(req.body)
    const now = deps.clock()
    const check = await deps.identityVerifier(person, db)
    const challengeId = randomUUID()
    const code = String(randomInt(1_000_000)).padStart(6, '0')
    // A claim that does not match the record gets the same reply and a challenge of its own, but
    // its hash belongs to no code at all, so no guess can ever verify it, and nothing is sent.
    const codeHash = check.verified ? hashCode(challengeId, code).toString('hex') : randomBytes(32).toString('hex')
    await db.insertInto('sign_in_challenges').values({
      id: challengeId,
      id_number: person.idNumber,
      name: person.name,
      phone: check.verified ? check.phone : person.phone,
      code_hash: codeHash,
      expires_at: new Date(now.getTime() + CODE_LIFETIME_MS).toISOString(),
      attempts: 0,
      used_at: null,
      created_at: now.toISOString(),
    }).execute()
    if (check.verified) {
      // Not awaited: a slow SMS gateway would otherwise tell a match from a mismatch by timing.
      Promise.resolve().then(() => deps.sendCode(check.phone, code))
        .catch((error: unknown) => deps.logger.error({ err: error }, 'sign-in code could not be sent'))
    }
    else {
      deps.logger.info({ reason: check.reason }, 'sign-in refused: not the person on record')
    }
    res.json({ challengeId, ...(deps.echoCode ? { devCode: code } : {}) })
  })

  router.post('/insured/verify', ...signInLimits(deps.rateLimits, { challenge: req => req.body?.challengeId }), async (req, res) => {
    const { challengeId, code } = insuredAuthVerifySchema.parse(req.body)
    const now = deps.clock()
    const challenge = await db.selectFrom('sign_in_challenges').selectAll().where('id', '=', challengeId).executeTakeFirst()
    if (!challenge || challenge.used_at || challenge.expires_at < now.toISOString())
      throw new HttpProblem(400, '验证码已失效，请重新获取', { code: 'code_expired' })
    if (challenge.attempts >= MAX_CODE_TRIES)
      throw new HttpProblem(400, '验证码错误次数过多，请重新获取', { code: 'code_locked' })
    if (!timingSafeEqual(hashCode(challengeId, code), Buffer.from(challenge.code_hash, 'hex'))) {
      await db.updateTable('sign_in_challenges').set({ attempts: challenge.attempts + 1 }).where('id', '=', challengeId).execute()
      const left = MAX_CODE_TRIES - challenge.attempts - 1
      throw new HttpProblem(400, left > 0 ? `验证码不正确，还可尝试${left}次` : '验证码错误次数过多，请重新获取', {
        code: left > 0 ? 'code_wrong' : 'code_locked',
        errors: [{ field: 'code', code: 'code_wrong', message: '验证码不正确' }],
      })
    }
    // Used once: a second verify of the same challenge (a replayed request) is refused.
    const claimed = await db.updateTable('sign_in_challenges').set({ used_at: now.toISOString() })
      .where('id', '=', challengeId).where('used_at', 'is', null).executeTakeFirst()
    if (claimed.numUpdatedRows === 0n)
      throw new HttpProblem(400, '验证码已失效，请重新获取', { code: 'code_expired' })
    const issued = await deps.tokens.issue({ role: 'insured', idNumber: challenge.id_number, name: challenge.name, phone: challenge.phone }, now)
    // The benefit status travels with the sign-in: a frozen or paused person still signs in to see their records.
    const records = (await recordsOf(db, challenge.id_number)).filter(record => record.name === challenge.name)
    res.json({ ...issued, user: { role: 'insured', name: challenge.name, idNumberMasked: maskIdNumber(challenge.id_number) }, insurance: insuranceView(records) })
  })

  router.post('/staff/login', ...staffSignInLimits(deps.rateLimits, req => req.body?.username), async (req, res) => {
    const { username, password } = staffLoginSchema.parse(req.body)
    const account = await db.selectFrom('staff_accounts').selectAll().where('username', '=', username).executeTakeFirst()
    // An unknown or disabled account costs the same hash as a known one, so the time of the
    // refusal does not tell which usernames exist.
    const matches = await verifyPassword(password, account?.password_hash ?? await unknownAccountHash())
    if (!account || account.disabled_at !== null || !matches)
      throw WRONG_CREDENTIALS
    const caller = staffCallerOf(account)
    const issued = await deps.tokens.issue(caller, deps.clock())
    res.json({
      ...issued,
      role: caller.role,
      user: { username: account.username },
      ...staffPlaceOf(caller),
      mustChangePassword: account.must_change_password === 1,
    })
  })

  // Only signed-in staff reach the limiter: anonymous calls are refused before it.
  router.post('/staff/password', (_req, res, next) => {
    staffOf(res)
    next()
  }, failedAttemptLimit(deps.rateLimits, res => staffOf(res).username), async (req, res) => {
    const caller = staffOf(res)
    const { currentPassword, newPassword } = staffPasswordChangeSchema.parse(req.body)
    const problem = passwordProblem(newPassword) ?? (newPassword === currentPassword ? '新密码不能与当前密码相同' : undefined)
    if (problem)
      throw new HttpProblem(400, problem, { code: 'weak_password', errors: [{ field: 'newPassword', code: 'weak_password', message: problem }] })
    const account = await db.selectFrom('staff_accounts').select('password_hash').where('username', '=', caller.username).executeTakeFirst()
    if (!account || !(await verifyPassword(currentPassword, account.password_hash))) {
      markFailedAttempt(res)
      throw new HttpProblem(400, '当前密码不正确', { code: 'invalid_credentials', errors: [{ field: 'currentPassword', code: 'invalid_credentials', message: '当前密码不正确' }] })
    }
    await db.updateTable('staff_accounts')
      .set({ password_hash: await hashPassword(newPassword), must_change_password: 0, updated_at: deps.clock().toISOString() })
      .where('username', '=', caller.username)
      .execute()
    res.json({ ok: true })
  })

  return router
}
