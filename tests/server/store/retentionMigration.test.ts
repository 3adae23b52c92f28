import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import { describe, expect, it } from 'vitest'
import { migrationProvider } from '../../../server/store/migrations/index.ts'
import { type Database, openStore } from '../../../server/store/index.ts'
import { createSqliteDialect } from '../../../server/store/sqlite.ts'

describe('migration 0007_retention_and_limits', () => {
  it('marks attachments some filing version already refers to, so an upgrade sweeps only abandoned ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yidi-0007-'))
    const file = join(dir, 'yidi.sqlite')
    const before = new Kysely<Database>({ dialect: createSqliteDialect(file) })
    expect((await new Migrator({ db: before, provider: migrationProvider }).migrateTo('0006_settlements')).error).toBeUndefined()
    const [used, abandoned] = [crypto.randomUUID(), crypto.randomUUID()]
    const at = '2026-01-01T00:00:00.000Z'
    for (const id of [used, abandoned])
      await before.insertInto('attachments').values({ id, owner: 'insured:x', mime: 'image/jpeg', size: 1, sha256: 'x', content: 'AA==', created_at: at } as never).execute()
    await before.insertInto('filing_versions').values({ filing_id: 'f', version: 1, action_id: 'a', record: '{}', form: JSON.stringify({ materials: [{ fileRef: used }] }), credential: null, created_at: at }).execute()
    await before.destroy()

    const store = await openStore({ sqliteFile: file })
    const rows = await store.db.selectFrom('attachments').select(['id', 'referenced_at']).execute()
    expect(Object.fromEntries(rows.map(row => [row.id, row.referenced_at]))).toEqual({ [used]: at, [abandoned]: null })
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
