import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { addDays } from '../../src/domain/dates/calendarDate.ts'
import type { Deadline } from '../../src/domain/reminders/deadline.ts'
import type { RegionPolicy } from '../../src/domain/policy/types.ts'
import type { Database } from '../store/index.ts'
import type { ReminderSubjectKind } from '../store/schema.ts'

const key = (row: { kind: string, deadline: string }) => `${row.kind} ${row.deadline}`

/** Whose deadlines these are and what they belong to. */
export interface ReminderSubject {
  kind: ReminderSubjectKind
  id: string
  /** The holder's keyed owner key (server/auth/ownerKeys.ts). */
  owner: string
}

/**
 * Brings one subject's SMS reminders in line with its deadlines as the rules compute them now, in
 * the transaction that changed the subject: each deadline is reminded `reminderLeadDays` days
 * before (the 参保地's policy), a deadline no longer computed cancels its pending reminder, a
 * cancelled one computed again is due again, and a reminder already sent (or given up) stays so.
 * Inserting a row that exists does nothing, so two instances doing the same work agree.
 */
export async function syncReminders(db: Kysely<Database>, subject: ReminderSubject, deadlines: readonly Deadline[], policy: RegionPolicy, now: Date): Promise<void> {
  const wanted = new Map(deadlines.map(deadline => [key({ kind: deadline.kind, deadline: deadline.date }), deadline]))
  const existing = await db.selectFrom('reminders').select(['id', 'kind', 'deadline', 'status'])
    .where('subject_id', '=', subject.id).execute()
  for (const row of existing) {
    const deadline = wanted.get(key(row))
    wanted.delete(key(row))
    if (deadline && row.status === 'cancelled') {
      await db.updateTable('reminders').set({ status: 'due', claimed_by: null, claimed_until: null, cancelled_at: null })
        .where('id', '=', row.id).where('status', '=', 'cancelled').execute()
    }
    else if (!deadline && (row.status === 'due' || row.status === 'sending')) {
      await cancelReminder(db, row.id, now)
    }
  }
  for (const deadline of wanted.values()) {
    await db.insertInto('reminders').values({
      id: randomUUID(),
      owner: subject.owner,
      subject_id: subject.id,
      subject_kind: subject.kind,
      kind: deadline.kind,
      deadline: deadline.date,
      send_on: addDays(deadline.date, -policy.reminderLeadDays[deadline.kind]),
      reason: deadline.reason,
      article: deadline.article,
      status: 'due',
      claimed_by: null,
      claimed_until: null,
      sent_at: null,
      attempts: 0,
      next_attempt_at: null,
      failure: null,
      cancelled_at: null,
    }).onConflict(conflict => conflict.columns(['subject_id', 'kind', 'deadline']).doNothing()).execute()
  }
}

/** Cancels a reminder still waiting to be sent (or being sent): its deadline is no longer to be met. */
export async function cancelReminder(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable('reminders').set({ status: 'cancelled', cancelled_at: now.toISOString() })
    .where('id', '=', id).where('status', 'in', ['due', 'sending']).execute()
}
