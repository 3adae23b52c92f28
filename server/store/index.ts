import { Kysely } from 'kysely'
import { migratePostgres, migrateSqlite } from './migrate.ts'
import { createPostgresDialect } from './postgres.ts'
import type { Database } from './schema.ts'
import { createSqliteDialect, DEFAULT_SQLITE_FILE } from './sqlite.ts'

export type { Database } from './schema.ts'

/**
 * The one storage interface routes use. `kind` is for health reports and for the one place the
 * dialects must differ, `writeTransaction` (SQLite's `begin immediate` takes the write lock at
 * once); routes and handlers never branch on it.
 */
export interface Store {
  kind: 'sqlite' | 'postgres'
  db: Kysely<Database>
  close: () => Promise<void>
}

/** Where the data lives: PostgreSQL when `databaseUrl` is given, else a SQLite file. */
export interface StoreOptions {
  databaseUrl?: string
  /** Defaults to `data/yidi.sqlite`; its directory is created. `:memory:` is allowed. */
  sqliteFile?: string
}

/**
 * Opens the database and brings its schema up to date. Opening an up-to-date database applies
 * nothing, so every start of the server (or every instance behind a load balancer) may call it.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const { databaseUrl } = options
  const sqliteFile = options.sqliteFile ?? DEFAULT_SQLITE_FILE
  const db = new Kysely<Database>({
    dialect: databaseUrl ? createPostgresDialect(databaseUrl) : createSqliteDialect(sqliteFile),
  })
  try {
    await (databaseUrl ? migratePostgres(db) : migrateSqlite(db, sqliteFile))
  }
  catch (error) {
    await db.destroy()
    throw error
  }
  return { kind: databaseUrl ? 'postgres' : 'sqlite', db, close: () => db.destroy() }
}
