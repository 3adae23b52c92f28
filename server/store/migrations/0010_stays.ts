import type { Kysely } from 'kysely'

/**
 * Stays settled at discharge: a settlement says whether it is outpatient or inpatient (their
 * accumulators are kept apart) and which admission it settles; an admission is settled once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('settlements').addColumn('kind', 'text', column => column.notNull().defaultTo('outpatient')).execute()
  await db.schema.alterTable('settlements').addColumn('admission_id', 'text').execute()
  // Outpatient rows have no admission; both SQLite and PostgreSQL let NULLs repeat in a unique index.
  await db.schema.createIndex('settlements_admission').unique().on('settlements').column('admission_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('settlements_admission').execute()
  await db.schema.alterTable('settlements').dropColumn('admission_id').execute()
  await db.schema.alterTable('settlements').dropColumn('kind').execute()
}
