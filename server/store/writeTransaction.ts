import { type Kysely, sql } from 'kysely'
import type { Database, Store } from './index.ts'

/**
 * Runs `work` in one database transaction on one connection, with savepoints available through
 * `savepoint()`. On SQLite it starts with `BEGIN IMMEDIATE`, taking the write lock at once so two
 * processes on one file queue up instead of failing half-way; PostgreSQL starts a plain
 * transaction (row locks and unique keys order concurrent writers).
 */
export async function writeTransaction<T>(store: Store, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return store.db.connection().execute(async (db) => {
    await sql.raw(store.kind === 'sqlite' ? 'begin immediate' : 'begin').execute(db)
    try {
      const result = await work(db)
      await sql`commit`.execute(db)
      return result
    }
    catch (error) {
      await sql`rollback`.execute(db)
      throw error
    }
  })
}

/** Runs `work` inside a savepoint: its writes are undone if it throws or asks for it. */
export async function savepoint<T>(db: Kysely<Database>, work: (rollback: () => Promise<void>) => Promise<T>): Promise<T> {
  await sql`savepoint action`.execute(db)
  let rolledBack = false
  const rollback = async () => {
    await sql`rollback to savepoint action`.execute(db)
    rolledBack = true
  }
  try {
    const result = await work(rollback)
    await sql`release savepoint action`.execute(db)
    return result
  }
  catch (error) {
    if (!rolledBack)
      await sql`rollback to savepoint action`.execute(db)
    await sql`release savepoint action`.execute(db)
    throw error
  }
}

/** Next number of a named sequence (备案编号 per day, revocation cursor); safe under concurrency. */
export async function nextSequence(db: Kysely<Database>, prefix: string): Promise<number> {
  const row = await db.insertInto('filing_number_counters')
    .values({ prefix, last: 1 })
    .onConflict(conflict => conflict.column('prefix').doUpdateSet({ last: eb => eb('filing_number_counters.last', '+', 1) }))
    .returning('last')
    .executeTakeFirstOrThrow()
  return Number(row.last)
}
