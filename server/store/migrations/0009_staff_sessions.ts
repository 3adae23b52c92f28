import type { Kysely } from 'kysely'

/**
 * Staff sessions that can be ended from the server: a session token carries the account's
 * `session_version`, and a reset password or a disable raises it, so every token minted before
 * stops working at its next request. `disabled_at` keeps a departed colleague's account (its
 * audit entries name it) while refusing its sign-ins.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_accounts').addColumn('session_version', 'integer', column => column.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('staff_accounts').addColumn('disabled_at', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_accounts').dropColumn('disabled_at').execute()
  await db.schema.alterTable('staff_accounts').dropColumn('session_version').execute()
}
