import type { Kysely } from 'kysely'
import { BENEFIT_HOLD_REASONS } from '../../src/domain/credential/benefitHolds.ts'
import type { Filing } from '../../src/domain/filing/filing.ts'
import type { BenefitStatus, InsuredRecord } from '../../src/domain/schemas/registry.ts'
import { revokeCredentials } from '../filing/repository.ts'
import type { Database } from '../store/index.ts'

type Relationship = Pick<InsuredRecord, 'idNumber' | 'insuredRegion' | 'insuranceType'>

const keyOf = (r: Relationship) => `${r.idNumber}:${r.insuredRegion}:${r.insuranceType}`

/**
 * Puts a benefit status on the feed counters verify offline with, for every filing of the
 * insurance relationship: a counter without network then answers 待遇冻结 / 暂停 for a QR it
 * would otherwise accept, and `benefits_restored` lifts it.
 */
export async function publishBenefitStatus(db: Kysely<Database>, relationship: Relationship, status: BenefitStatus, now: Date): Promise<void> {
  const rows = await db.selectFrom('filings').select(['filing_number', 'version', 'record'])
    .where('holder_id_number', '=', relationship.idNumber).execute()
  const ofRelationship = rows.filter((row) => {
    const filing = JSON.parse(row.record) as Filing
    return filing.insuredRegion === relationship.insuredRegion && filing.insuranceType === relationship.insuranceType
  })
  await revokeCredentials(db, ofRelationship.map(row => ({ filingNumber: row.filing_number, version: Number(row.version), reason: BENEFIT_HOLD_REASONS[status] })), now)
}

/**
 * Before an import writes `records`: publishes the status of every relationship whose benefit
 * status the import changes (a newly imported relationship has no filings yet).
 */
export async function publishStatusChanges(db: Kysely<Database>, records: readonly InsuredRecord[], now: Date): Promise<void> {
  const CHUNK = 500
  for (let start = 0; start < records.length; start += CHUNK) {
    const chunk = records.slice(start, start + CHUNK)
    const current = await db.selectFrom('insured_registry')
      .select(['id_number', 'insured_region', 'insurance_type', 'benefit_status'])
      .where('id_number', 'in', [...new Set(chunk.map(record => record.idNumber))])
      .execute()
    const before = new Map(current.map(row => [keyOf({ idNumber: row.id_number, insuredRegion: row.insured_region, insuranceType: row.insurance_type as InsuredRecord['insuranceType'] }), row.benefit_status]))
    for (const record of chunk) {
      const was = before.get(keyOf(record))
      if (was !== undefined && was !== record.benefitStatus)
        await publishBenefitStatus(db, record, record.benefitStatus, now)
    }
  }
}
