import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import { describe, expect, it } from 'vitest'
import { migrationProvider } from '../../../server/store/migrations/index.ts'
import { type Database, openStore } from '../../../server/store/index.ts'
import { createSqliteDialect } from '../../../server/store/sqlite.ts'
import { ratioCutFor } from '../../../src/domain/filing/bestFiling.ts'
import type { Filing } from '../../../src/domain/filing/filing.ts'
import { ZHANJIANG_POLICY } from '../../../src/domain/policy/regionalPolicies.ts'

const referral = (filingId: string, referredBy: string): Filing => ({
  filingId, filingNumber: `YD440800-20261101-${filingId}`, insuredRegion: '440800', insuranceType: 'employee', category: 'referral', destination: '440300',
  startDate: '2026-11-01', endDate: '2027-04-30', oneVisit: false, filedOn: '2026-11-01', destinationChangedOn: null, byPromise: false,
  referredBy, promiseEndDate: null, materialsSuppliedOn: null, cancelledOn: null, usedOn: null,
})

describe('migration 0021_referrer_codes', () => {
  it('湛江 二(六): a referral filed from a listed hospital by name before codes keeps its local rate after the upgrade', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yidi-0021-'))
    const file = join(dir, 'yidi.sqlite')
    const before = new Kysely<Database>({ dialect: createSqliteDialect(file) })
    expect((await new Migrator({ db: before, provider: migrationProvider }).migrateTo('0016_reminders')).error).toBeUndefined()
    const at = '2026-11-01T00:00:00.000Z'
    for (const [id, name] of [['0001', '雷州市人民医院'], ['0002', '雷州人民医院']] as const) {
      const record = JSON.stringify(referral(id, name))
      await before.insertInto('filings').values({ filing_id: id, filing_number: id, holder_id_number: 'x', holder_name: 'x', agent_id_number: null, agent: null, version: 1, record, form: '{}', credential: null, created_at: at, updated_at: at }).execute()
      await before.insertInto('filing_versions').values({ filing_id: id, version: 1, action_id: id, record, form: '{}', credential: null, acted_by: null, created_at: at }).execute()
    }
    await before.destroy()

    const store = await openStore({ sqliteFile: file })
    const records = async (table: 'filings' | 'filing_versions') =>
      (await store.db.selectFrom(table).select(['filing_id', 'record']).orderBy('filing_id').execute()).map(row => JSON.parse(row.record) as Filing)
    for (const table of ['filings', 'filing_versions'] as const) {
      const [listed, unlisted] = await records(table)
      expect(listed).toMatchObject({ referredBy: '雷州市人民医院', referredByCode: 'H44088200001' })
      expect(ratioCutFor(listed!, ZHANJIANG_POLICY)).toBe(0)
      expect(unlisted).not.toHaveProperty('referredByCode')
      expect(ratioCutFor(unlisted!, ZHANJIANG_POLICY)).toBe(10)
    }
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
