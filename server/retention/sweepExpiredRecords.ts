import type { Kysely } from 'kysely'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import type { Database } from '../store/index.ts'

/** How long records with personal data are kept when nothing else needs them (README: 保存期限). */
export const RETENTION = {
  /** An upload no filing referred to within a day was abandoned (the phone sends it just before its action). */
  unreferencedAttachmentMs: 24 * 60 * 60_000,
  /**
   * A reminder of any state, this long after its deadline: nothing is sent for a past deadline, so
   * a row gone then cannot be sent twice even if its record is recomputed; until then a sent or
   * given-up row is the proof that it must not be sent again.
   */
  reminderAfterDeadlineDays: 30,
  /** A cancelled reminder, this long after it was cancelled: if its deadline is wanted again, a new row is made. */
  cancelledReminderMs: 30 * 24 * 60 * 60_000,
} as const

/** How many rows one sweep removed, by kind. */
export interface SweepResult {
  signInChallenges: number
  attachments: number
  rateLimitCounters: number
  reminders: number
}

/**
 * Deletes what is no longer needed: sign-in challenges used or past their 5-minute expiry (they
 * hold the 身份证号码, 姓名 and phone typed in, and a code that can no longer be used), and attachments no
 * filing referred to within `RETENTION.unreferencedAttachmentMs`, rate-limit windows that ended, and
 * reminders long past their deadline or long cancelled (`RETENTION`). Plain deletes by time, so any
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
  // Deadlines are China calendar days, judged by the server's own China day.
  const pastDeadline = addDays(chinaDateOf(now), -RETENTION.reminderAfterDeadlineDays)
  const cancelledBefore = new Date(now.getTime() - RETENTION.cancelledReminderMs).toISOString()
  const reminders = await db.deleteFrom('reminders')
    .where(eb => eb.or([eb('deadline', '<', pastDeadline), eb.and([eb('status', '=', 'cancelled'), eb('cancelled_at', '<', cancelledBefore)])]))
    .executeTakeFirst()
  return {
    signInChallenges: Number(challenges.numDeletedRows),
    attachments: Number(attachments.numDeletedRows),
    rateLimitCounters: Number(counters.numDeletedRows),
    reminders: Number(reminders.numDeletedRows),
  }
}
