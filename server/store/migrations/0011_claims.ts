import type { Kysely } from 'kysely'

/** 手工报销 claims of insured people, reviewed by the agency of their insured region. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('claims')
    .addColumn('claim_id', 'text', column => column.primaryKey())
    .addColumn('id_number', 'text', column => column.notNull())
    .addColumn('submitted_by', 'text', column => column.notNull())
    .addColumn('insured_region', 'text', column => column.notNull())
    .addColumn('insurance_type', 'text', column => column.notNull())
    .addColumn('kind', 'text', column => column.notNull())
    .addColumn('status', 'text', column => column.notNull())
    .addColumn('form', 'text', column => column.notNull())
    .addColumn('care_ended_on', 'text', column => column.notNull())
    .addColumn('deadline', 'text')
    .addColumn('submitted_at', 'text', column => column.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('note', 'text')
    .addColumn('decision', 'text')
    .execute()
  await db.schema.createIndex('claims_region_status').on('claims').columns(['insured_region', 'status']).execute()
  await db.schema.createIndex('claims_person').on('claims').column('id_number').execute()
  await db.schema.createIndex('claims_submitter').on('claims').column('submitted_by').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('claims').execute()
}
