import type { Kysely } from 'kysely'

/** Staff accounts and insured sign-in challenges. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_accounts')
    .addColumn('username', 'text', column => column.primaryKey())
    .addColumn('password_hash', 'text', column => column.notNull())
    .addColumn('role', 'text', column => column.notNull())
    .addColumn('hospital_code', 'text', column => column.notNull())
    .addColumn('hospital_name', 'text', column => column.notNull())
    .addColumn('city_code', 'text', column => column.notNull())
    .addColumn('must_change_password', 'integer', column => column.notNull())
    .addColumn('created_at', 'text', column => column.notNull())
    .addColumn('updated_at', 'text', column => column.notNull())
    .execute()
  await db.schema
    .createTable('sign_in_challenges')
    .addColumn('id', 'text', column => column.primaryKey())
    .addColumn('id_number', 'text', column => column.notNull())
    .addColumn('name', 'text', column => column.notNull())
    .addColumn('phone', 'text', column => column.notNull())
    .addColumn('code_hash', 'text', column => column.notNull())
    .addColumn('expires_at', 'text', column => column.notNull())
    .addColumn('attempts', 'integer', column => column.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', column => column.notNull())
    .execute()
  await db.schema.createIndex('sign_in_challenges_expires').on('sign_in_challenges').column('expires_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_challenges').execute()
  await db.schema.dropTable('staff_accounts').execute()
}
