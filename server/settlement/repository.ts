import type { Kysely } from 'kysely'
import { accumulatorsFor, type Reversal, type SettledRecord, type SettlementKind } from '../../src/domain/money/refund.ts'
import type { Accumulators } from '../../src/domain/money/settle.ts'
import type { Database } from '../store/index.ts'
import { parseStoredSettlement } from './storedSettlement.ts'

export async function settlementsOf(db: Kysely<Database>, idNumber: string): Promise<SettledRecord[]> {
  const rows = await db.selectFrom('settlements').select('record').where('id_number', '=', idNumber).orderBy('settled_on').orderBy('created_at').execute()
  return rows.map(row => parseStoredSettlement(row.record))
}

export async function reversalsOf(db: Kysely<Database>, idNumber: string): Promise<Reversal[]> {
  const rows = await db.selectFrom('refunds').select('reversal').where('id_number', '=', idNumber).where('status', '=', 'approved').execute()
  return rows.flatMap(row => (row.reversal ? [JSON.parse(row.reversal) as Reversal] : []))
}

/** The person's outpatient or inpatient deductible and cap used so far in `year`, after every refund (later settlements see refunds). */
export async function accumulatorsNow(db: Kysely<Database>, idNumber: string, year: number, kind: SettlementKind = 'outpatient'): Promise<Accumulators> {
  return accumulatorsFor(year, await settlementsOf(db, idNumber), await reversalsOf(db, idNumber), kind)
}

/** Inpatient accumulators of several years at once, read from one pass over the person's records. */
export async function inpatientAccumulatorsNow(db: Kysely<Database>, idNumber: string): Promise<(year: number) => Accumulators> {
  const settlements = await settlementsOf(db, idNumber)
  const reversals = await reversalsOf(db, idNumber)
  return year => accumulatorsFor(year, settlements, reversals, 'inpatient')
}

export async function closedPeriods(db: Kysely<Database>, hospitalCode: string): Promise<Set<string>> {
  const rows = await db.selectFrom('clearing_periods').select('month').where('hospital_code', '=', hospitalCode).execute()
  return new Set(rows.map(row => row.month))
}
