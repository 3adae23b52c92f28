import type { Kysely } from 'kysely'

/**
 * Who made each version of a filing when it was not the holder (a family member on record, or
 * someone the holder authorised), so the holder's 办理记录 says who acted for them. Versions
 * written before stay unattributed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('filing_versions').addColumn('acted_by', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('filing_versions').dropColumn('acted_by').execute()
}
