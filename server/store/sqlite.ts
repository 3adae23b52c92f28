import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { SqliteDialect } from 'kysely'

/** Default location of the SQLite file, relative to the working directory. */
export const DEFAULT_SQLITE_FILE = 'data/yidi.sqlite'

/**
 * A Kysely dialect over one better-sqlite3 connection, tuned so that a write acknowledged to a
 * client is on disk (WAL + synchronous=FULL) and concurrent readers wait instead of failing.
 */
export function createSqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:')
    mkdirSync(dirname(file), { recursive: true })
  const database = new BetterSqlite3(file, { timeout: 5_000 })
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = FULL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  return new SqliteDialect({ database })
}
