import type { Kysely } from 'kysely'

/** Counter admissions with their injury flags, and signed trauma commitments with every version. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('admissions')
    .addColumn('admission_id', 'text', column => column.primaryKey())
    .addColumn('hospital_code', 'text', column => column.notNull())
    .addColumn('staff_username', 'text', column => column.notNull())
    .addColumn('id_number', 'text', column => column.notNull())
    .addColumn('name', 'text', column => column.notNull())
    .addColumn('admission_date', 'text', column => column.notNull())
    .addColumn('admission_type', 'text', column => column.notNull())
    .addColumn('trauma_flag', 'integer', column => column.notNull())
    .addColumn('third_party_flag', 'integer', column => column.notNull())
    .addColumn('trauma_commitment_id', 'text')
    .addColumn('outcome', 'text', column => column.notNull())
    .addColumn('filing_number', 'text')
    .addColumn('recorded_at', 'text', column => column.notNull())
    .execute()
  await db.schema
    .createTable('trauma_commitments')
    .addColumn('commitment_id', 'text', column => column.notNull())
    .addColumn('version', 'integer', column => column.notNull())
    .addColumn('hospital_code', 'text', column => column.notNull())
    .addColumn('staff_username', 'text', column => column.notNull())
    .addColumn('patient_id_number', 'text', column => column.notNull())
    .addColumn('admission_id', 'text')
    .addColumn('form', 'text', column => column.notNull())
    .addColumn('signature_png', 'text', column => column.notNull())
    .addColumn('strokes', 'text', column => column.notNull())
    .addColumn('digest', 'text', column => column.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('received_at', 'text', column => column.notNull())
    .addPrimaryKeyConstraint('trauma_commitments_pk', ['commitment_id', 'version'])
    .execute()
  await db.schema.createIndex('trauma_hospital').on('trauma_commitments').column('hospital_code').execute()
  await db.schema.createIndex('trauma_patient').on('trauma_commitments').column('patient_id_number').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('trauma_commitments').execute()
  await db.schema.dropTable('admissions').execute()
}
