import type { Kysely } from 'kysely'
import type { Database, Store } from '../store/index.ts'
import { writeTransaction } from '../store/writeTransaction.ts'
import { filingById } from '../filing/repository.ts'
import { syncAdmissionReminders } from './admissionReminders.ts'
import { syncFilingReminders } from './filingReminders.ts'

/** Records done per transaction: one commit (one fsync on SQLite) for many, a short lock for each. */
const SLICE = 100

function slices<T>(items: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / SLICE) }, (_, n) => items.slice(n * SLICE, (n + 1) * SLICE))
}

/** Of `ids`, those that still have no reminder row (another instance may have done them meanwhile). */
async function stillUnreminded(db: Kysely<Database>, ids: readonly string[]): Promise<string[]> {
  const done = new Set((await db.selectFrom('reminders').select('subject_id').where('subject_id', 'in', ids).execute()).map(row => row.subject_id))
  return ids.filter(id => !done.has(id))
}

/** The `server_settings` key set once every earlier filing and admission had its reminders computed. */
export const REMINDERS_BACKFILLED = 'reminders_backfilled'

/**
 * Gives the filings made before reminders existed (migration 0016), and the emergency admissions
 * recorded before their 补办 was reminded, the reminders they would have had. Run by every
 * instance at start until one has finished it (the setting above). Records are done 100 to a
 * transaction, their filing rows locked on PostgreSQL in one order (so a filing action at the same
 * moment waits, and two instances never deadlock each other), and only if still without a
 * reminder row: two instances running it at once, or a run cut short and started again, compute
 * the same rows once (the unique key drops a second insert). Returns how many records it looked at.
 */
export async function backfillReminders(store: Store, now: Date): Promise<{ filings: number, admissions: number }> {
  const done = await store.db.selectFrom('server_settings').select('key').where('key', '=', REMINDERS_BACKFILLED).executeTakeFirst()
  if (done)
    return { filings: 0, admissions: 0 }
  const reminded = store.db.selectFrom('reminders').select('subject_id')
  const filingIds = (await store.db.selectFrom('filings').select('filing_id').where('filing_id', 'not in', reminded).execute()).map(row => row.filing_id)
  for (const slice of slices(filingIds)) {
    await writeTransaction(store, async (db) => {
      if (store.kind === 'postgres')
        await db.selectFrom('filings').select('filing_id').where('filing_id', 'in', slice).orderBy('filing_id').forUpdate().execute()
      for (const filingId of await stillUnreminded(db, slice)) {
        const stored = await filingById(db, filingId)
        if (stored)
          await syncFilingReminders(db, stored, now)
      }
    })
  }
  const admissionIds = (await store.db.selectFrom('admissions').select('admission_id')
    .where('admission_type', '=', 'emergency').where('admission_id', 'not in', reminded).execute()).map(row => row.admission_id)
  for (const slice of slices(admissionIds)) {
    await writeTransaction(store, async (db) => {
      for (const admissionId of await stillUnreminded(db, slice))
        await syncAdmissionReminders(db, admissionId, now)
    })
  }
  await store.db.insertInto('server_settings').values({ key: REMINDERS_BACKFILLED, value: now.toISOString(), updated_at: now.toISOString() })
    .onConflict(conflict => conflict.column('key').doNothing()).execute()
  return { filings: filingIds.length, admissions: admissionIds.length }
}
