import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { addDays } from '../../src/domain/dates/calendarDate.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import { filingDeadlines } from '../../src/domain/reminders/filingDeadlines.ts'
import { insuredOwnerKey, loadOwnerKeyPepper } from '../auth/ownerKeys.ts'
import type { StoredFiling } from '../filing/repository.ts'
import type { Database } from '../store/index.ts'

const key = (row: { kind: string, deadline: string }) => `${row.kind} ${row.deadline}`

/**
 * Brings a filing's SMS reminders in line with its deadlines as the rules compute them now, in the
 * transaction that changed the filing: each deadline is reminded `reminderLeadDays` days before
 * (the 参保地's policy), a deadline no longer computed (dates changed, materials supplied, filing
 * cancelled) cancels its pending reminder, and a reminder already sent stays sent.
 */
export async function syncFilingReminders(db: Kysely<Database>, stored: StoredFiling): Promise<void> {
  const policy = policyFor(stored.filing.insuredRegion)
  const wanted = new Map(filingDeadlines(stored.filing, policy).map(deadline => [key({ kind: deadline.kind, deadline: deadline.date }), deadline]))
  const existing = await db.selectFrom('reminders').select(['id', 'kind', 'deadline', 'status'])
    .where('filing_id', '=', stored.filing.filingId).execute()
  const owner = insuredOwnerKey(await loadOwnerKeyPepper(db), stored.holder.idNumber)
  for (const row of existing) {
    const deadline = wanted.get(key(row))
    wanted.delete(key(row))
    if (deadline && row.status === 'cancelled')
      await db.updateTable('reminders').set({ status: 'due', claimed_by: null, claimed_until: null }).where('id', '=', row.id).execute()
    else if (!deadline && (row.status === 'due' || row.status === 'sending'))
      await db.updateTable('reminders').set({ status: 'cancelled' }).where('id', '=', row.id).execute()
  }
  for (const deadline of wanted.values()) {
    await db.insertInto('reminders').values({
      id: randomUUID(),
      owner,
      filing_id: stored.filing.filingId,
      kind: deadline.kind,
      deadline: deadline.date,
      send_on: addDays(deadline.date, -policy.reminderLeadDays[deadline.kind]),
      reason: deadline.reason,
      status: 'due',
      claimed_by: null,
      claimed_until: null,
      sent_at: null,
    }).execute()
  }
}
