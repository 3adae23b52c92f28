import type { Kysely } from 'kysely'
import { periodTotals, type Reversal } from '../../src/domain/money/refund.ts'
import type { Database } from '../store/index.ts'
import { parseStoredSettlement } from './storedSettlement.ts'

export type PeriodTotals = ReturnType<typeof periodTotals>

/**
 * Closes (清算) a hospital's month and returns its totals: what was settled in it and the
 * reversals booked into it. Refunds of a closed month book into the next open one from then on.
 */
export async function closePeriod(db: Kysely<Database>, hospitalCode: string, month: string, now = new Date()): Promise<PeriodTotals> {
  const settlements = (await db.selectFrom('settlements').select('record').where('hospital_code', '=', hospitalCode).execute())
    .map(row => parseStoredSettlement(row.record))
  const reversals = (await db.selectFrom('refunds').select('reversal').where('hospital_code', '=', hospitalCode).where('status', '=', 'approved').execute())
    .flatMap(row => (row.reversal ? [JSON.parse(row.reversal) as Reversal] : []))
  const totals = periodTotals(month, hospitalCode, settlements, reversals)
  await db.insertInto('clearing_periods')
    .values({ hospital_code: hospitalCode, month, closed_at: now.toISOString(), totals: JSON.stringify(totals) })
    .onConflict(conflict => conflict.columns(['hospital_code', 'month']).doNothing())
    .execute()
  return totals
}
