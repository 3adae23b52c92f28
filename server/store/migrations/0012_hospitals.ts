import type { Kysely } from 'kysely'

/**
 * 定点医疗机构: the designated hospitals of each 就医地, keyed by the national 医疗机构代码 (an
 * import replaces a row with the same code). Flags are 0/1 integers, as elsewhere in the store.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hospitals')
    .addColumn('code', 'text', column => column.primaryKey())
    .addColumn('name', 'text', column => column.notNull())
    .addColumn('city', 'text', column => column.notNull())
    .addColumn('level', 'text', column => column.notNull())
    .addColumn('address', 'text', column => column.notNull())
    .addColumn('phone', 'text')
    .addColumn('inpatient', 'integer', column => column.notNull())
    .addColumn('outpatient', 'integer', column => column.notNull())
    .addColumn('chronic', 'integer', column => column.notNull())
    .addColumn('can_refer', 'integer', column => column.notNull())
    .addColumn('sample', 'integer', column => column.notNull())
    .addColumn('updated_at', 'text', column => column.notNull())
    .execute()
  await db.schema.createIndex('hospitals_by_city').on('hospitals').columns(['city', 'code']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hospitals').execute()
}
