import type { Kysely } from 'kysely'

/**
 * 住院期间外院检查治疗或定点药店购药单 (001 第三十三条, annex 12): issued by a hospital's counter for
 * one of its open stays; its costs are recorded on it when they come back and settle with the
 * stay. `settlement_id` names the discharge settlement that included them (at most one).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('outside_slips')
    .addColumn('slip_id', 'text', column => column.primaryKey())
    .addColumn('admission_id', 'text', column => column.notNull())
    .addColumn('hospital_code', 'text', column => column.notNull())
    .addColumn('issued_by', 'text', column => column.notNull())
    .addColumn('issued_at', 'text', column => column.notNull())
    .addColumn('form', 'text', column => column.notNull())
    .addColumn('costs', 'text')
    .addColumn('costs_recorded_by', 'text')
    .addColumn('costs_recorded_at', 'text')
    .addColumn('settlement_id', 'text')
    .execute()
  await db.schema.createIndex('outside_slips_admission').on('outside_slips').column('admission_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outside_slips').execute()
}
