import { CompiledQuery, type Kysely, sql } from 'kysely'
import { compiledOnce } from './compiledOnce.ts'
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

// The same text in every dialect, and run twice for every action: compiled once here.
const SAVEPOINT = CompiledQuery.raw('savepoint action')
const ROLLBACK_TO_SAVEPOINT = CompiledQuery.raw('rollback to savepoint action')
const RELEASE_SAVEPOINT = CompiledQuery.raw('release savepoint action')

/** Runs `work` inside a savepoint: its writes are undone if it throws or asks for it. */
export async function savepoint<T>(db: Kysely<Database>, work: (rollback: () => Promise<void>) => Promise<T>): Promise<T> {
  await db.executeQuery(SAVEPOINT)
  let rolledBack = false
  const rollback = async () => {
    await db.executeQuery(ROLLBACK_TO_SAVEPOINT)
    rolledBack = true
  }
  try {
    const result = await work(rollback)
    await db.executeQuery(RELEASE_SAVEPOINT)
    return result
  }
  catch (error) {
    if (!rolledBack)
      await db.executeQuery(ROLLBACK_TO_SAVEPOINT)
    await db.executeQuery(RELEASE_SAVEPOINT)
    throw error
  }
}

const incrementSequence = compiledOnce<{ prefix: string }, { last: number | string }>(
  ['prefix'],
  (db, { prefix }) => db.insertInto('filing_number_counters')
    .values({ prefix, last: 1 })
    .onConflict(conflict => conflict.column('prefix').doUpdateSet({ last: eb => eb('filing_number_counters.last', '+', 1) }))
    .returning('last'),
)

/** Next number of a named sequence (备案编号 per day, revocation cursor); safe under concurrency. */
export async function nextSequence(db: Kysely<Database>, prefix: string): Promise<number> {
  const { rows } = await incrementSequence(db, { prefix })
  return Number(rows[0]!.last)
}
