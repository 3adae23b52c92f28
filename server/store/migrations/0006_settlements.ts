import type { Kysely } from 'kysely'

/** Outpatient settlements, refund requests with their reversals, and closed clearing periods. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settlements')
    .addColumn('settlement_id', 'text', column => column.primaryKey())
    .addColumn('hospital_code', 'text', column => column.notNull())
    .addColumn('id_number', 'text', column => column.notNull())
    .addColumn('settled_on', 'text', column => column.notNull())
    .addColumn('record', 'text', column => column.notNull())
    .addColumn('created_at', 'text', column => column.notNull())
    .execute()
  await db.schema.createIndex('settlements_person').on('settlements').columns(['id_number', 'settled_on']).execute()
  await db.schema
    .createTable('refunds')
    .addColumn('refund_id', 'text', column => column.primaryKey())
    .addColumn('settlement_id', 'text', column => column.notNull())
    .addColumn('hospital_code', 'text', column => column.notNull())
    .addColumn('id_number', 'text', column => column.notNull())
    .addColumn('item_ids', 'text')
    .addColumn('reason', 'text', column => column.notNull())
    .addColumn('status', 'text', column => column.notNull())
    .addColumn('requested_on', 'text', column => column.notNull())
    .addColumn('processed_on', 'text')
    .addColumn('note', 'text')
    .addColumn('reversal', 'text')
    .execute()
  await db.schema.createIndex('refunds_settlement').on('refunds').column('settlement_id').execute()
  await db.schema.createIndex('refunds_hospital').on('refunds').columns(['hospital_code', 'status']).execute()
  await db.schema
    .createTable('clearing_periods')
    .addColumn('hospital_code', 'text', column => column.notNull())
    .addColumn('month', 'text', column => column.notNull())
    .addColumn('closed_at', 'text', column => column.notNull())
    .addColumn('totals', 'text', column => column.notNull())
    .addPrimaryKeyConstraint('clearing_periods_pk', ['hospital_code', 'month'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['clearing_periods', 'refunds', 'settlements'])
    await db.schema.dropTable(table).execute()
}
