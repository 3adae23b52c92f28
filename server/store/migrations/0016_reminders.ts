import type { Kysely } from 'kysely'

/**
 * SMS reminders of a filing's deadlines, a durable queue on the database the server already uses.
 * `owner` is the holder's keyed owner key (server/auth/ownerKeys.ts), not the 身份证号码: the phone
 * is read from the filing itself at send time, so the queue needs no personal data of its own.
 * One row per (filing, kind, deadline), so recomputing a filing's reminders never duplicates one.
 * `claimed_by`/`claimed_until` are the lease of the instance sending it; a lease that expired
 * makes the row due again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', column => column.primaryKey())
    .addColumn('owner', 'text', column => column.notNull())
    .addColumn('filing_id', 'text', column => column.notNull())
    .addColumn('kind', 'text', column => column.notNull())
    .addColumn('deadline', 'text', column => column.notNull())
    .addColumn('send_on', 'text', column => column.notNull())
    .addColumn('reason', 'text', column => column.notNull())
    .addColumn('status', 'text', column => column.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('reminders_once_per_deadline', ['filing_id', 'kind', 'deadline'])
    .execute()
  await db.schema.createIndex('reminders_by_status').on('reminders').columns(['status', 'send_on']).execute()
  // A row means the person turned SMS reminders off; no row is the default, on.
  await db.schema
    .createTable('reminder_opt_outs')
    .addColumn('owner', 'text', column => column.primaryKey())
    .addColumn('opted_out_at', 'text', column => column.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reminder_opt_outs').execute()
  await db.schema.dropTable('reminders').execute()
}
