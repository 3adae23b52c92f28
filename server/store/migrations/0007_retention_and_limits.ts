import { type Kysely, sql } from 'kysely'

/**
 * Rate-limit counters shared by every instance (server/auth/databaseRateLimitStore.ts), and when
 * an attachment was first referred to by a filing: unreferenced ones count against the
 * uploader's quota and are removed after a day (server/retention). Attachments already referred
 * to by some version of a filing are marked so; the `like` scan runs once, here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', column => column.primaryKey())
    .addColumn('hits', 'integer', column => column.notNull())
    .addColumn('reset_at', 'text', column => column.notNull())
    .execute()
  await db.schema.createIndex('rate_limit_counters_reset').on('rate_limit_counters').column('reset_at').execute()
  await db.schema.alterTable('attachments').addColumn('referenced_at', 'text').execute()
  await db.schema.createIndex('attachments_owner').on('attachments').column('owner').execute()
  await db.schema.createIndex('attachments_unreferenced').on('attachments').columns(['referenced_at', 'created_at']).execute()
  await sql`update attachments set referenced_at = created_at
    where exists (select 1 from filing_versions where filing_versions.form like '%"' || attachments.id || '"%')`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('attachments_unreferenced').execute()
  await db.schema.dropIndex('attachments_owner').execute()
  await db.schema.alterTable('attachments').dropColumn('referenced_at').execute()
  await db.schema.dropTable('rate_limit_counters').execute()
}
