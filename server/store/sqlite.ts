import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { SqliteDialect, type SqliteDatabase } from 'kysely'

/** Default location of the SQLite file, relative to the working directory. */
export const DEFAULT_SQLITE_FILE = 'data/yidi.sqlite'

/**
 * Creates the data folder (0700) and the database file (0600) before SQLite opens it: the file
 * holds 身份证号码, names and phones, so no other user of the machine may read it. SQLite gives
 * its -wal and -shm files the database file's mode; files left by an older start are tightened too.
 */
function prepareOwnerOnlyFiles(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  closeSync(openSync(file, 'a', 0o600))
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path))
      chmodSync(path, 0o600)
  }
}

/**
 * A Kysely dialect over one better-sqlite3 connection, tuned so that a write acknowledged to a
 * client is on disk (WAL + synchronous=FULL) and concurrent readers wait instead of failing.
 */
export function createSqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:')
    prepareOwnerOnlyFiles(file)
  const database = new BetterSqlite3(file, { timeout: 5_000 })
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = FULL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  // Every action runs in a savepoint; its rollback journal stays in memory instead of a temp file.
  database.pragma('temp_store = MEMORY')
  return new SqliteDialect({ database: withStatementCache(database) })
}

/**
 * Kysely prepares every query afresh, and preparing costs more than running a small statement;
 * the same few statements run for every action of a batch, so each is prepared once and kept.
 * Bounded, because `in (?, ?, …)` lists make a new text for every length.
 */
function withStatementCache(database: BetterSqlite3.Database, limit = 256): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql)
      if (statement)
        statements.delete(sql)
      else
        statement = database.prepare(sql)
      statements.set(sql, statement)
      if (statements.size > limit)
        statements.delete(statements.keys().next().value!)
      return statement
    },
  }
}
