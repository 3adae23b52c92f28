import type { Kysely } from 'kysely'

/**
 * Reminders of more than filings, retried with growing waits, and closed with a date.
 * - `filing_id` becomes `subject_id` with `subject_kind`: a deadline may belong to a filing, to an
 *   emergency admission (Hebei 第十一条 补办) or to a claim that can be made again (Jilin 第十五条).
 *   The unique key (subject, kind, deadline) keeps one row per deadline, whichever subject.
 * - `article`: the rule the date comes from, so the phone can show it beside the server's deadline.
 * - `attempts` / `next_attempt_at`: a failed text waits longer after each failure; `failure` holds
 *   the reason of the last one (an error's name, never the phone or the text).
 * - `cancelled_at`: when a reminder stopped being wanted, for the retention sweep.
 * Rows written before keep their meaning: filings, no attempts yet.
 * And `admissions.discharged_unsettled_on`: the day a stay left without direct settlement
 * (`admission.discharge`), which starts its 手工报销 deadline (Jilin 第十五条、第十六条).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reminders').renameColumn('filing_id', 'subject_id').execute()
  await db.schema.alterTable('reminders').addColumn('subject_kind', 'text', column => column.notNull().defaultTo('filing')).execute()
  await db.schema.alterTable('reminders').addColumn('article', 'text', column => column.notNull().defaultTo('')).execute()
  await db.schema.alterTable('reminders').addColumn('attempts', 'integer', column => column.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('reminders').addColumn('next_attempt_at', 'text').execute()
  await db.schema.alterTable('reminders').addColumn('failure', 'text').execute()
  await db.schema.alterTable('reminders').addColumn('cancelled_at', 'text').execute()
  await db.schema.alterTable('admissions').addColumn('discharged_unsettled_on', 'text').execute()
  // Every filing action looks at the holder's admissions again (a 补办 cancels their reminder).
  await db.schema.createIndex('admissions_patient').on('admissions').column('id_number').execute()
  // The phone's list and the cancel on a claim read one person's rows.
  await db.schema.createIndex('reminders_by_owner').on('reminders').column('owner').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reminders_by_owner').execute()
  await db.schema.dropIndex('admissions_patient').execute()
  await db.schema.alterTable('admissions').dropColumn('discharged_unsettled_on').execute()
  for (const column of ['cancelled_at', 'failure', 'next_attempt_at', 'attempts', 'article', 'subject_kind'])
    await db.schema.alterTable('reminders').dropColumn(column).execute()
  await db.schema.alterTable('reminders').renameColumn('subject_id', 'filing_id').execute()
}
