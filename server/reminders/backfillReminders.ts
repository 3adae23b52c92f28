import type { Store } from '../store/index.ts'
import { writeTransaction } from '../store/writeTransaction.ts'
import { filingById } from '../filing/repository.ts'
import { syncAdmissionReminders } from './admissionReminders.ts'
import { syncFilingReminders } from './filingReminders.ts'

/** The `server_settings` key set once every earlier filing and admission had its reminders computed. */
export const REMINDERS_BACKFILLED = 'reminders_backfilled'

/**
 * Gives the filings made before reminders existed (migration 0016), and the emergency admissions
 * recorded before their 补办 was reminded, the reminders they would have had. Run by every
 * instance at start until one has finished it (the setting above). Each record is done in its own
 * transaction, with its filing row locked on PostgreSQL so a filing action at the same moment
 * waits for it, and only if it still has no reminder row: two instances running it at once, or a
 * run cut short and started again, compute the same rows once (the unique key drops a second
 * insert). Returns how many records it looked at.
 */
export async function backfillReminders(store: Store, now: Date): Promise<{ filings: number, admissions: number }> {
  const done = await store.db.selectFrom('server_settings').select('key').where('key', '=', REMINDERS_BACKFILLED).executeTakeFirst()
  if (done)
    return { filings: 0, admissions: 0 }
  const reminded = store.db.selectFrom('reminders').select('subject_id')
  const filingIds = await store.db.selectFrom('filings').select('filing_id').where('filing_id', 'not in', reminded).execute()
  for (const { filing_id: filingId } of filingIds) {
    await writeTransaction(store, async (db) => {
      if (store.kind === 'postgres')
        await db.selectFrom('filings').select('filing_id').where('filing_id', '=', filingId).forUpdate().execute()
      if (await db.selectFrom('reminders').select('id').where('subject_id', '=', filingId).executeTakeFirst())
        return
      const stored = await filingById(db, filingId)
      if (stored)
        await syncFilingReminders(db, stored, now)
    })
  }
  const admissionIds = await store.db.selectFrom('admissions').select('admission_id')
    .where('admission_type', '=', 'emergency').where('admission_id', 'not in', reminded).execute()
  for (const { admission_id: admissionId } of admissionIds) {
    await writeTransaction(store, async (db) => {
      if (await db.selectFrom('reminders').select('id').where('subject_id', '=', admissionId).executeTakeFirst())
        return
      await syncAdmissionReminders(db, admissionId, now)
    })
  }
  await store.db.insertInto('server_settings').values({ key: REMINDERS_BACKFILLED, value: now.toISOString(), updated_at: now.toISOString() })
    .onConflict(conflict => conflict.column('key').doNothing()).execute()
  return { filings: filingIds.length, admissions: admissionIds.length }
}
