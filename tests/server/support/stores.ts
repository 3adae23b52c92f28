import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from 'pg'
import { afterAll, describe } from 'vitest'
import { openStore } from '../../../server/store/index.ts'
import type { Store } from '../../../server/store/index.ts'

/** One empty database of a test: open it as often as needed, then drop it. */
export interface TestDatabase {
  open: () => Promise<Store>
  drop: () => Promise<void>
}

/** What a test body gets for the store it runs against. */
export interface StoreTarget {
  kind: Store['kind']
  /** A fresh, empty database; drop() removes it (left-overs are dropped after the file). */
  createTestDatabase: () => Promise<TestDatabase>
  /** Opens a fresh database; closing the store also drops it. */
  openTestStore: () => Promise<Store>
}

/** A temporary SQLite file in its own directory. */
async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'yidi-store-'))
  const sqliteFile = join(dir, 'yidi.sqlite')
  return {
    open: () => openStore({ sqliteFile }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** A fresh schema in the PostgreSQL database, selected through `search_path` in the URL. */
async function createPostgresDatabase(databaseUrl: string): Promise<TestDatabase> {
  const schema = `test_${randomUUID().replaceAll('-', '')}`
  const admin = async (statement: string): Promise<void> => {
    const client = new Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      await client.query(statement)
    }
    finally {
      await client.end()
    }
  }
  await admin(`create schema ${schema}`)
  const url = new URL(databaseUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    open: () => openStore({ databaseUrl: url.toString() }),
    drop: () => admin(`drop schema if exists ${schema} cascade`),
  }
}

function storeTarget(kind: Store['kind'], create: () => Promise<TestDatabase>): StoreTarget {
  const databases: TestDatabase[] = []
  afterAll(async () => {
    await Promise.all(databases.map(database => database.drop()))
  })
  const createTestDatabase = async (): Promise<TestDatabase> => {
    const database = await create()
    databases.push(database)
    return database
  }
  const openTestStore = async (): Promise<Store> => {
    const database = await createTestDatabase()
    const store = await database.open()
    return { ...store, close: async () => {
      await store.close()
      await database.drop()
    } }
  }
  return { kind, createTestDatabase, openTestStore }
}

/**
 * Runs `body` once per available store: SQLite always, PostgreSQL when `DATABASE_URL` is set.
 * Every database is fresh (a temp file, or a schema of its own), so test files run in parallel.
 */
export function describeEachStore(name: string, body: (target: StoreTarget) => void): void {
  describe(`${name} (sqlite)`, () => body(storeTarget('sqlite', createSqliteDatabase)))
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl)
    describe(`${name} (postgres)`, () => body(storeTarget('postgres', () => createPostgresDatabase(databaseUrl))))
}
