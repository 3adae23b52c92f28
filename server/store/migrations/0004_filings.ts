import type { Kysely } from 'kysely'

/** Filings with every version, 备案编号 sequences, revocations, signing keys and attachments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('filings')
    .addColumn('filing_id', 'text', column => column.primaryKey())
    .addColumn('filing_number', 'text', column => column.notNull().unique())
    .addColumn('holder_id_number', 'text', column => column.notNull())
    .addColumn('holder_name', 'text', column => column.notNull())
    .addColumn('agent_id_number', 'text')
    .addColumn('agent', 'text')
    .addColumn('version', 'integer', column => column.notNull())
    .addColumn('record', 'text', column => column.notNull())
    .addColumn('form', 'text', column => column.notNull())
    .addColumn('credential', 'text')
    .addColumn('created_at', 'text', column => column.notNull())
    .addColumn('updated_at', 'text', column => column.notNull())
    .execute()
  await db.schema.createIndex('filings_holder').on('filings').column('holder_id_number').execute()
  await db.schema.createIndex('filings_agent').on('filings').column('agent_id_number').execute()
  await db.schema
    .createTable('filing_versions')
    .addColumn('filing_id', 'text', column => column.notNull())
    .addColumn('version', 'integer', column => column.notNull())
    .addColumn('action_id', 'text', column => column.notNull())
    .addColumn('record', 'text', column => column.notNull())
    .addColumn('form', 'text', column => column.notNull())
    .addColumn('credential', 'text')
    .addColumn('created_at', 'text', column => column.notNull())
    .addPrimaryKeyConstraint('filing_versions_pk', ['filing_id', 'version'])
    .execute()
  await db.schema
    .createTable('filing_number_counters')
    .addColumn('prefix', 'text', column => column.primaryKey())
    .addColumn('last', 'integer', column => column.notNull())
    .execute()
  await db.schema
    .createTable('revocations')
    .addColumn('seq', 'integer', column => column.primaryKey())
    .addColumn('filing_number', 'text', column => column.notNull())
    .addColumn('version', 'integer', column => column.notNull())
    .addColumn('revoked_at', 'text', column => column.notNull())
    .addColumn('reason', 'text', column => column.notNull())
    .execute()
  await db.schema
    .createTable('signing_keys')
    .addColumn('kid', 'text', column => column.primaryKey())
    .addColumn('private_jwk', 'text', column => column.notNull())
    .addColumn('public_jwk', 'text', column => column.notNull())
    .addColumn('created_at', 'text', column => column.notNull())
    .execute()
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', column => column.primaryKey())
    .addColumn('owner', 'text', column => column.notNull())
    .addColumn('mime', 'text', column => column.notNull())
    .addColumn('size', 'integer', column => column.notNull())
    .addColumn('sha256', 'text', column => column.notNull())
    .addColumn('content', 'text', column => column.notNull())
    .addColumn('created_at', 'text', column => column.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['attachments', 'signing_keys', 'revocations', 'filing_number_counters', 'filing_versions', 'filings'])
    await db.schema.dropTable(table).execute()
}
