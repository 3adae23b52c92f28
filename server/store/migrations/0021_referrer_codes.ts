import type { Kysely } from 'kysely'

interface Tables {
  filings: { filing_id: string, record: string }
  filing_versions: { filing_id: string, version: number, record: string }
}

/**
 * 湛江 二(六)'s full-rate referring hospitals as they were listed by name before the policy
 * matched them by 医疗机构代码 (a copy: a migration keeps the data of its day, whatever the policy
 * lists later).
 */
const NAMED_THEN: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  440800: {
    广东医科大学附属医院: 'H44080200001',
    湛江中心人民医院: 'H44080300001',
    广东省农垦中心医院: 'H44080300002',
    南部战区海军第一医院: 'H44080300003',
    廉江市人民医院: 'H44088100001',
    雷州市人民医院: 'H44088200001',
    吴川市人民医院: 'H44088300001',
    遂溪县人民医院: 'H44082300001',
    徐闻县人民医院: 'H44082500001',
  },
}

function withCode(json: string): string | undefined {
  const record = JSON.parse(json) as { insuredRegion?: string, referredBy?: string, referredByCode?: string }
  const code = record.referredBy === undefined ? undefined : NAMED_THEN[record.insuredRegion ?? '']?.[record.referredBy]
  return code === undefined || record.referredByCode !== undefined ? undefined : JSON.stringify({ ...record, referredByCode: code })
}

/**
 * Referrals filed from a listed 湛江 hospital before codes keep their local rate: each stored
 * version whose referrer was one of the names gets that hospital's code. Only rows naming a
 * referrer are read.
 */
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Tables>
  for (const row of await db.selectFrom('filings').select(['filing_id', 'record']).where('record', 'like', '%"referredBy"%').execute()) {
    const record = withCode(row.record)
    if (record)
      await db.updateTable('filings').set({ record }).where('filing_id', '=', row.filing_id).execute()
  }
  for (const row of await db.selectFrom('filing_versions').select(['filing_id', 'version', 'record']).where('record', 'like', '%"referredBy"%').execute()) {
    const record = withCode(row.record)
    if (record)
      await db.updateTable('filing_versions').set({ record }).where('filing_id', '=', row.filing_id).where('version', '=', row.version).execute()
  }
}

/** The code is extra: older code ignores it, so going down keeps it. */
export async function down(): Promise<void> {}
