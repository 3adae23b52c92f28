import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { recordsOf } from '../registry/repository.ts'
import type { Database, Store } from '../store/index.ts'
import type { ReminderSubjectKind } from '../store/schema.ts'
import { failureReason, nextAttemptAt } from './backoff.ts'
import type { ReminderSender } from './reminderSender.ts'

/** How long a claim holds: a run that died is taken over by the next one after this. */
export const REMINDER_LEASE_MS = 5 * 60_000

/** The SMS text: what is due, for which record, and when; no 身份证号码 and no name. */
export function reminderMessage(reminder: { reason: string, deadline: string }, about: string): string {
  return `【异地就医】您的${about}：${reminder.reason}，日期 ${reminder.deadline}。`
}

/** Where a reminder goes and what it is about, read from its subject at send time; undefined: nobody left to text. */
async function addresseeOf(db: Kysely<Database>, reminder: { subject_kind: ReminderSubjectKind, subject_id: string }): Promise<{ phone: string, about: string } | undefined> {
  if (reminder.subject_kind === 'filing') {
    const filing = await db.selectFrom('filings').select(['filing_number', 'form']).where('filing_id', '=', reminder.subject_id).executeTakeFirst()
    const phone = filing && (JSON.parse(filing.form) as { phone?: unknown }).phone
    return filing && typeof phone === 'string' ? { phone, about: `备案 ${filing.filing_number}` } : undefined
  }
  // An admission or a claim has no phone of its own: the registry's first phone of the patient.
  const subject = reminder.subject_kind === 'admission'
    ? await db.selectFrom('admissions').select(['id_number', 'admission_date as date']).where('admission_id', '=', reminder.subject_id).executeTakeFirst()
    : await db.selectFrom('claims').select(['id_number', 'care_ended_on as date']).where('claim_id', '=', reminder.subject_id).executeTakeFirst()
  const phone = subject && (await recordsOf(db, subject.id_number)).flatMap(record => record.phones)[0]
  if (!subject || phone === undefined)
    return undefined
  return { phone, about: reminder.subject_kind === 'admission' ? `${subject.date} 入院的住院` : `${subject.date} 就医的手工报销` }
}

/**
 * Sends every reminder whose day has come, once. Rows are claimed by one `update … returning`
 * (the claim re-checks the status row by row, so of two instances running together only one gets
 * each row), then sent, then marked sent by the same claimer. A claim whose lease ran out
 * (an instance stopped mid-run) is due again. A failed text is due again after a growing wait
 * (`backoff.ts`) and given up after the last attempt, with its reason logged. People who opted
 * out are never claimed; a deadline already past is not reminded.
 */
export async function sendDueReminders(store: Store, sender: ReminderSender, now: Date, logger?: Logger): Promise<{ sent: number, failed: number, gaveUp: number }> {
  const { db } = store
  const today = chinaDateOf(now)
  const claimer = randomUUID()
  const at = now.toISOString()
  const claimed = await db.updateTable('reminders')
    .set({ status: 'sending', claimed_by: claimer, claimed_until: new Date(now.getTime() + REMINDER_LEASE_MS).toISOString() })
    .where(eb => eb.or([eb('status', '=', 'due'), eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', at)])]))
    .where(eb => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)]))
    .where('send_on', '<=', today)
    .where('deadline', '>=', today)
    .where('owner', 'not in', db.selectFrom('reminder_opt_outs').select('owner'))
    .returning(['id', 'subject_kind', 'subject_id', 'kind', 'reason', 'deadline', 'attempts'])
    .execute()
  const outcome = { sent: 0, failed: 0, gaveUp: 0 }
  // Every write after the claim is still this run's claim: a change that cancelled it meanwhile is not overwritten.
  const mine = (id: string) => db.updateTable('reminders').where('id', '=', id).where('claimed_by', '=', claimer).where('status', '=', 'sending')
  for (const reminder of claimed) {
    const addressee = await addresseeOf(db, reminder)
    if (!addressee) {
      await mine(reminder.id).set({ status: 'cancelled', cancelled_at: at }).execute()
      continue
    }
    try {
      await sender(addressee.phone, reminderMessage(reminder, addressee.about))
    }
    catch (error) {
      const attempts = Number(reminder.attempts) + 1
      const retryAt = nextAttemptAt(attempts, now)
      const failure = failureReason(error)
      await mine(reminder.id).set({ status: retryAt ? 'due' : 'failed', attempts, failure, next_attempt_at: retryAt?.toISOString() ?? null, claimed_by: null, claimed_until: null }).execute()
      if (retryAt) {
        outcome.failed++
      }
      else {
        outcome.gaveUp++
        logger?.warn({ reminderId: reminder.id, kind: reminder.kind, attempts, reason: failure }, 'reminder sms given up')
      }
      continue
    }
    await mine(reminder.id).set({ status: 'sent', sent_at: at, claimed_until: null }).execute()
    outcome.sent++
  }
  return outcome
}
