import type { Insertable, Kysely } from 'kysely'
import type { InsuredRecord } from '../../src/domain/schemas/registry.ts'
import { compiledOnce } from '../store/compiledOnce.ts'
import type { Database } from '../store/index.ts'
import type { InsuredRegistryTable } from '../store/schema.ts'

type RegistryRow = InsuredRegistryTable

function fromRow(row: RegistryRow): InsuredRecord {
  return {
    idNumber: row.id_number,
    name: row.name,
    sex: row.sex as InsuredRecord['sex'],
    insuredRegion: row.insured_region,
    insuranceType: row.insurance_type as InsuredRecord['insuranceType'],
    categoryBasis: row.category_basis,
    phones: JSON.parse(row.phones) as string[],
    family: JSON.parse(row.family) as InsuredRecord['family'],
    benefitStatus: row.benefit_status as InsuredRecord['benefitStatus'],
    statusSince: row.status_since,
    statusReason: row.status_reason,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  }
}

/** The row of a validated record; `updatedAt` is the import's time. */
export function registryRow(record: InsuredRecord, updatedAt: string): Insertable<RegistryRow> {
  return {
    id_number: record.idNumber,
    insured_region: record.insuredRegion,
    insurance_type: record.insuranceType,
    name: record.name,
    sex: record.sex,
    category_basis: record.categoryBasis,
    phones: JSON.stringify(record.phones),
    family: JSON.stringify(record.family),
    benefit_status: record.benefitStatus,
    status_since: record.statusSince,
    status_reason: record.statusReason,
    valid_from: record.validFrom,
    valid_to: record.validTo,
    updated_at: updatedAt,
  }
}

const selectRecordsOf = compiledOnce<{ idNumber: string }, RegistryRow>(
  ['idNumber'],
  (db, { idNumber }) => db.selectFrom('insured_registry').selectAll().where('id_number', '=', idNumber).orderBy('valid_from', 'desc'),
)

/**
 * Every insurance relationship on record for a 身份证号码, newest first. Read from the table on
 * every sign-in, filing and counter check, so an import's change of status counts at once.
 */
export async function recordsOf(db: Kysely<Database>, idNumber: string): Promise<InsuredRecord[]> {
  const { rows } = await selectRecordsOf(db, { idNumber })
  return rows.map(fromRow)
}

/** True when nobody is on record (a fresh database, or a deployment that has not imported yet). */
export async function registryIsEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('insured_registry').select('id_number').limit(1).executeTakeFirst()
  return row === undefined
}

const UPDATED_COLUMNS = ['name', 'sex', 'category_basis', 'phones', 'family', 'benefit_status', 'status_since', 'status_reason', 'valid_from', 'valid_to', 'updated_at'] as const

/**
 * Writes records, replacing any with the same 身份证号码 + 参保地 + 险种, so importing a file
 * twice leaves the registry as once. Rows go in multi-row statements (well under every
 * dialect's parameter limit); the caller chooses the transaction.
 */
export async function upsertRecords(db: Kysely<Database>, records: readonly InsuredRecord[], updatedAt: string): Promise<void> {
  const CHUNK = 500
  for (let start = 0; start < records.length; start += CHUNK) {
    const rows = records.slice(start, start + CHUNK).map(record => registryRow(record, updatedAt))
    await db.insertInto('insured_registry').values(rows)
      .onConflict(conflict => conflict.columns(['id_number', 'insured_region', 'insurance_type']).doUpdateSet(eb =>
        Object.fromEntries(UPDATED_COLUMNS.map(column => [column, eb.ref(`excluded.${column}`)])) as never))
      .execute()
  }
}
