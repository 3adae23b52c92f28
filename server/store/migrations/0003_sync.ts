import type { Kysely } from 'kysely'

/** The idempotency record of every action, and the counter's audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applied_actions')
    .addColumn('id', 'text', column => column.primaryKey())
    .addColumn('caller', 'text', column => column.notNull())
    .addColumn('type', 'text', column => column.notNull())
    .addColumn('payload_hash', 'text', column => column.notNull())
    .addColumn('status', 'text', column => column.notNull())
    .addColumn('result', 'text')
    .addColumn('created_at', 'text', column => column.notNull())
    .execute()
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', column => column.primaryKey())
    .addColumn('staff_username', 'text', column => column.notNull())
    .addColumn('hospital_code', 'text', column => column.notNull())
    .addColumn('city_code', 'text', column => column.notNull())
    .addColumn('at', 'text', column => column.notNull())
    .addColumn('target_masked', 'text', column => column.notNull())
    .addColumn('method', 'text', column => column.notNull())
    .addColumn('outcome', 'text', column => column.notNull())
    .addColumn('filing_number', 'text')
    .addColumn('action_id', 'text')
    .execute()
  await db.schema.createIndex('audit_log_staff_at').on('audit_log').columns(['staff_username', 'at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute()
  await db.schema.dropTable('applied_actions').execute()
}
