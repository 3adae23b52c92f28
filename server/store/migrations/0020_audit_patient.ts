import type { Kysely } from 'kysely'

/**
 * The counter's audit list names the patient and can be searched: `patient_name` is the 姓名 the
 * staff checked, `patient_key` the keyed hash of the 身份证号码 (server/auth/ownerKeys.ts), so a
 * typed number finds its entries while the log still holds no full number. Rows written before
 * stay without them (shown as "—", found by date only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('patient_name', 'text').execute()
  await db.schema.alterTable('audit_log').addColumn('patient_key', 'text').execute()
  // Searches stay within one account and a date range: the index of 0003 (staff_username, at) serves them.
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('patient_key').execute()
  await db.schema.alterTable('audit_log').dropColumn('patient_name').execute()
}
