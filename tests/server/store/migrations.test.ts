import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../server/store/index.ts'
import type { Store } from '../../../server/store/index.ts'
import { describeEachStore } from '../support/stores.ts'

async function appliedMigrations(store: Store): Promise<Array<{ name: string; timestamp: string }>> {
  const { rows } = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name`.execute(store.db)
  return rows.map(row => ({ name: row.name, timestamp: String(row.timestamp) }))
}

describeEachStore('migrations', ({ createTestDatabase }) => {
  it('are idempotent: opening the same database twice applies nothing the second time', async () => {
    const database = await createTestDatabase()
    const first = await database.open()
    const afterFirst = await appliedMigrations(first)
    await first.db.insertInto('server_settings').values({ key: 'probe', value: '1', updated_at: new Date().toISOString() }).execute()
    await first.close()

    const second = await database.open()
    expect(afterFirst.length).toBeGreaterThan(0)
    expect(await appliedMigrations(second)).toEqual(afterFirst)
    expect(await second.db.selectFrom('server_settings').select('value').where('key', '=', 'probe').executeTakeFirst()).toEqual({ value: '1' })
    await second.close()
    await database.drop()
  })

  it('two stores opened at once on one database both work', async () => {
    const database = await createTestDatabase()
    const [a, b] = await Promise.all([database.open(), database.open()])
    expect(await appliedMigrations(a)).toEqual(await appliedMigrations(b))
    await Promise.all([a.close(), b.close()])
    await database.drop()
  })
})

describe('sqlite settings', () => {
  it('uses WAL, synchronous=FULL and foreign keys, so an acknowledged write is on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yidi-pragma-'))
    const store = await openStore({ sqliteFile: join(dir, 'nested', 'yidi.sqlite') })
    const pragma = async (name: string): Promise<unknown> =>
      Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(store.db)).rows[0] ?? {})[0]
    expect(await pragma('journal_mode')).toBe('wal')
    expect(await pragma('synchronous')).toBe(2)
    expect(await pragma('foreign_keys')).toBe(1)
    expect(Number(await pragma('busy_timeout'))).toBeGreaterThan(0)
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps the data folder 0700 and the database with its -wal and -shm 0600: only the server\'s user reads personal data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yidi-modes-'))
    const file = join(dir, 'data', 'yidi.sqlite')
    const store = await openStore({ sqliteFile: file })
    await store.db.insertInto('server_settings').values({ key: 'probe', value: '1', updated_at: new Date().toISOString() }).execute()
    const mode = (path: string) => (statSync(path).mode & 0o777).toString(8)
    expect(mode(join(dir, 'data'))).toBe('700')
    for (const path of [file, `${file}-wal`, `${file}-shm`])
      expect([path, mode(path)]).toEqual([path, '600'])
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
