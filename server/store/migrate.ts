import { resolve } from 'node:path'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import { migrationProvider } from './migrations/index.ts'
import type { Database } from './schema.ts'

async function runMigrator(migrator: Migrator): Promise<void> {
  const { error } = await migrator.migrateToLatest()
  if (error)
    throw new Error(`Database migration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
}

/**
 * Applies pending migrations on PostgreSQL; several instances may start at once. Kysely's Migrator
 * first creates its two bookkeeping tables with `create table if not exists`, checking again and
 * ignoring the error when a concurrent start made them first; then it takes the session advisory
 * lock `pg_advisory_lock(3853314791062309107)` and runs the pending migrations in one transaction,
 * so a second instance waits and then finds nothing left to apply (tests/server/store). Kysely looks for its bookkeeping tables in every schema unless
 * told which one; naming the current schema keeps schemas of one database (tests) apart.
 */
export async function migratePostgres(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  await runMigrator(new Migrator({ db, provider: migrationProvider, migrationTableSchema: rows[0]?.schema }))
}

async function migrateSqliteInTransaction(db: Kysely<Database>): Promise<void> {
  await sql`begin immediate`.execute(db)
  try {
    await runMigrator(new Migrator({ db, provider: migrationProvider }))
    await sql`commit`.execute(db)
  }
  catch (error) {
    await sql`rollback`.execute(db)
    throw error
  }
}

// Per SQLite file, the migration currently running in this process.
const sqliteMigrations = new Map<string, Promise<void>>()

/**
 * Applies pending migrations on SQLite. Kysely takes no lock there, so two starts on one file
 * could both create the same table. Across processes `BEGIN IMMEDIATE` makes the second wait
 * (busy timeout) and then see the first one's work; inside one process opens queue up, because
 * better-sqlite3 would block the only thread waiting for a lock held by that same thread. The
 * transaction also makes each start's migrations all-or-nothing.
 */
export async function migrateSqlite(db: Kysely<Database>, file: string): Promise<void> {
  const key = file === ':memory:' ? `:memory:${Math.random()}` : resolve(file)
  const previous = sqliteMigrations.get(key) ?? Promise.resolve()
  const current = previous.catch(() => {}).then(() => migrateSqliteInTransaction(db))
  sqliteMigrations.set(key, current)
  try {
    await current
  }
  finally {
    if (sqliteMigrations.get(key) === current)
      sqliteMigrations.delete(key)
  }
}
