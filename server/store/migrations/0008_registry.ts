import type { Kysely } from 'kysely'

/**
 * 参保登记: the insured people as the 参保地 agency knows them, one row per insurance
 * relationship, keyed by 身份证号码 + 参保地 + 险种 (an import replaces a row with the same key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('insured_registry')
    .addColumn('id_number', 'text', column => column.notNull())
    .addColumn('insured_region', 'text', column => column.notNull())
    .addColumn('insurance_type', 'text', column => column.notNull())
    .addColumn('name', 'text', column => column.notNull())
    .addColumn('sex', 'text', column => column.notNull())
    .addColumn('category_basis', 'text')
    .addColumn('phones', 'text', column => column.notNull())
    .addColumn('family', 'text', column => column.notNull())
    .addColumn('benefit_status', 'text', column => column.notNull())
    .addColumn('status_since', 'text')
    .addColumn('status_reason', 'text')
    .addColumn('valid_from', 'text', column => column.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('updated_at', 'text', column => column.notNull())
    .addPrimaryKeyConstraint('insured_registry_pk', ['id_number', 'insured_region', 'insurance_type'])
    .execute()
  // 代办 by someone not on the family record: the insured person's consent, by a code to their phone.
  await db.schema
    .createTable('agency_consent_challenges')
    .addColumn('id', 'text', column => column.primaryKey())
    .addColumn('agent_id_number', 'text', column => column.notNull())
    .addColumn('holder_id_number', 'text', column => column.notNull())
    .addColumn('code_hash', 'text', column => column.notNull())
    .addColumn('expires_at', 'text', column => column.notNull())
    .addColumn('attempts', 'integer', column => column.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', column => column.notNull())
    .execute()
  await db.schema
    .createTable('agency_consents')
    .addColumn('agent_id_number', 'text', column => column.notNull())
    .addColumn('holder_id_number', 'text', column => column.notNull())
    .addColumn('granted_at', 'text', column => column.notNull())
    .addColumn('expires_at', 'text', column => column.notNull())
    .addPrimaryKeyConstraint('agency_consents_pk', ['agent_id_number', 'holder_id_number'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agency_consents').execute()
  await db.schema.dropTable('agency_consent_challenges').execute()
  await db.schema.dropTable('insured_registry').execute()
}
