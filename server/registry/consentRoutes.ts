import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import express from 'express'
import { z } from 'zod/v4'
import { maskName } from '../../src/domain/identity/mask.ts'
import { insuredAuthVerifySchema } from '../../src/domain/schemas/http.ts'
import { idNumberSchema, nameSchema } from '../../src/domain/schemas/fields.ts'
import { insuredOf } from '../auth/caller.ts'
import type { CodeSender } from '../auth/codeSender.ts'
import { type RateLimitSettings, signInLimits } from '../auth/rateLimits.ts'
import type { Logger } from '../http/logger.ts'
import { HttpProblem } from '../http/problem.ts'
import type { Store } from '../store/index.ts'
import { grantAgencyConsent } from './agencyConsent.ts'
import { recordsOf } from './repository.ts'

export interface ConsentRouteDeps {
  store: Store
  sendCode: CodeSender
  echoCode: boolean
  rateLimits: RateLimitSettings
  clock: () => Date
  logger: Logger
}

const CODE_LIFETIME_MS = 10 * 60_000
const MAX_CODE_TRIES = 5
const consentStartSchema = z.object({ idNumber: idNumberSchema, name: nameSchema })
const hashCode = (challengeId: string, code: string) => createHash('sha256').update(`consent:${challengeId}:${code}`).digest()
const EXPIRED = new HttpProblem(400, '验证码已失效，请重新获取', { code: 'code_expired' })

/**
 * 代办 by someone who is not a family member on record: the insured person agrees by a one-time
 * code sent to their own phone on record and read out to the agent (online equivalent of the
 * 身份证 and 社保卡 that Hebei 第九条 asks of an agent at the desk).
 * `POST /me/agency-consent/start {idNumber, name}` → `{challengeId}`;
 * `POST /me/agency-consent/verify {challengeId, code}` → `{holder: {nameMasked}, expiresAt}`.
 * A person not on record gets the same reply and a challenge no code can verify.
 */
export function consentRoutes(deps: ConsentRouteDeps): express.Router {
  const { db } = deps.store
  const router = express.Router()

  router.post('/me/agency-consent/start', ...signInLimits(deps.rateLimits, { idNumber: req => req.body?.idNumber }), async (req, res) => {
    const agent = insuredOf(res)
    const holder = consentStartSchema.parse(req.body)
    if (holder.idNumber === agent.idNumber)
      throw new HttpProblem(400, '本人办理无需授权', { code: 'consent_self' })
    const now = deps.clock()
    const phone = (await recordsOf(db, holder.idNumber)).find(record => record.name === holder.name)?.phones[0]
    const challengeId = randomUUID()
    const code = String(randomInt(1_000_000)).padStart(6, '0')
    await db.insertInto('agency_consent_challenges').values({
      id: challengeId,
      agent_id_number: agent.idNumber,
      holder_id_number: holder.idNumber,
      code_hash: phone ? hashCode(challengeId, code).toString('hex') : randomBytes(32).toString('hex'),
      expires_at: new Date(now.getTime() + CODE_LIFETIME_MS).toISOString(),
      attempts: 0,
      used_at: null,
      created_at: now.toISOString(),
    }).execute()
    if (phone) {
      Promise.resolve().then(() => deps.sendCode(phone, code, { kind: 'agency_consent', agentName: maskName(agent.name) }))
        .catch((error: unknown) => deps.logger.error({ err: error }, 'agency consent code could not be sent'))
    }
    res.json({ challengeId, ...(deps.echoCode ? { devCode: code } : {}) })
  })

  router.post('/me/agency-consent/verify', ...signInLimits(deps.rateLimits, { challenge: req => req.body?.challengeId }), async (req, res) => {
    const agent = insuredOf(res)
    const { challengeId, code } = insuredAuthVerifySchema.parse(req.body)
    const now = deps.clock()
    const challenge = await db.selectFrom('agency_consent_challenges').selectAll().where('id', '=', challengeId).executeTakeFirst()
    // Someone else's challenge is answered as if it did not exist.
    if (!challenge || challenge.agent_id_number !== agent.idNumber || challenge.used_at || challenge.expires_at < now.toISOString())
      throw EXPIRED
    if (challenge.attempts >= MAX_CODE_TRIES)
      throw new HttpProblem(400, '验证码错误次数过多，请重新获取', { code: 'code_locked' })
    if (!timingSafeEqual(hashCode(challengeId, code), Buffer.from(challenge.code_hash, 'hex'))) {
      await db.updateTable('agency_consent_challenges').set({ attempts: challenge.attempts + 1 }).where('id', '=', challengeId).execute()
      throw new HttpProblem(400, '验证码不正确，请向参保人本人核对', { code: 'code_wrong', errors: [{ field: 'code', code: 'code_wrong', message: '验证码不正确' }] })
    }
    const claimed = await db.updateTable('agency_consent_challenges').set({ used_at: now.toISOString() })
      .where('id', '=', challengeId).where('used_at', 'is', null).executeTakeFirst()
    if (claimed.numUpdatedRows === 0n)
      throw EXPIRED
    const expiresAt = await grantAgencyConsent(db, agent.idNumber, challenge.holder_id_number, now)
    const holder = (await recordsOf(db, challenge.holder_id_number))[0]
    res.json({ holder: { nameMasked: maskName(holder?.name ?? '') }, expiresAt })
  })

  return router
}
