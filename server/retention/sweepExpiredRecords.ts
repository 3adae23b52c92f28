import type { Kysely } from 'kysely'
import type { Database } from '../store/index.ts'

/** How long records with personal data are kept when nothing else needs them (README: 保存期限). */
export const RETENTION = {
  /** An upload no filing referred to within a day was abandoned (the phone sends it just before its action). */
  unreferencedAttachmentMs: 24 * 60 * 60_000,
} as const

/** How many rows one sweep removed, by kind. */
export interface SweepResult {
  signInChallenges: number
  attachments: number
  rateLimitCounters: number
}

/**
 * Deletes what is no longer needed: sign-in challenges used or past their 5-minute expiry (they
 * hold the 身份证号码, 姓名 and phone typed in, and a code that can no longer be used), and attachments no
 * filing referred to within `RETENTION.unreferencedAttachmentMs`, and rate-limit windows that ended. Plain deletes by time, so any
 * instance may run it at any moment, twice or at once with another: the result is the same.
 */
export async function sweepExpiredRecords(db: Kysely<Database>, now: Date): Promise<SweepResult> {
  // A used challenge is as dead as an expired one: a replayed verify is refused without its row too.
  const challenges = await db.deleteFrom('sign_in_challenges')
    .where(eb => eb.or([eb('expires_at', '<', now.toISOString()), eb('used_at', 'is not', null)]))
    .executeTakeFirst()
  const attachmentCutoff = new Date(now.getTime() - RETENTION.unreferencedAttachmentMs).toISOString()
  const attachments = await db.deleteFrom('attachments').where('referenced_at', 'is', null).where('created_at', '<', attachmentCutoff).executeTakeFirst()
  const counters = await db.deleteFrom('rate_limit_counters').where('reset_at', '<', now.toISOString()).executeTakeFirst()
  return { signInChallenges: Number(challenges.numDeletedRows), attachments: Number(attachments.numDeletedRows), rateLimitCounters: Number(counters.numDeletedRows) }
}
