import type { Kysely, Selectable } from 'kysely'
import type { ClaimOutcome } from '../../src/domain/claims/claimPayment.ts'
import type { Accumulators } from '../../src/domain/money/settle.ts'
import type { ClaimCosts, ClaimSubmitPayload } from '../../src/domain/schemas/claim.ts'
import { accumulatorsNow } from '../settlement/repository.ts'
import type { Database } from '../store/index.ts'
import type { ClaimsTable } from '../store/schema.ts'

/**
 * What an approval keeps: the invoice's parts as the agency read them, the stay's 外院检查治疗或购药单
 * it paid (001 第三十三条; absent on approvals made before slips joined claims) and the engine's outcome.
 */
export interface ClaimDecision {
  costs: ClaimCosts
  ratioCutPoints: number
  outsideSlipIds?: string[]
  outcome: ClaimOutcome
}

export type ClaimRow = Selectable<ClaimsTable>

export const formOf = (row: ClaimRow) => JSON.parse(row.form) as ClaimSubmitPayload
export const decisionOf = (row: ClaimRow) => (row.decision ? JSON.parse(row.decision) as ClaimDecision : null)

export function claimById(db: Kysely<Database>, claimId: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('claims').selectAll().where('claim_id', '=', claimId).executeTakeFirst()
}

/**
 * The person's deductible and fund cap used in each of `years`: their settlements (after
 * refunds) and the claims already paid, so a second claim of the year sees the first.
 */
export async function accumulatorsWithClaims(db: Kysely<Database>, idNumber: string, years: readonly number[]): Promise<Map<number, Accumulators>> {
  const approved = await db.selectFrom('claims').select('decision').where('id_number', '=', idNumber).where('status', '=', 'approved').execute()
  const deltas = approved.flatMap(row => (row.decision ? (JSON.parse(row.decision) as ClaimDecision).outcome.deltas : []))
  const result = new Map<number, Accumulators>()
  for (const year of years) {
    const settled = await accumulatorsNow(db, idNumber, year)
    const claimed = deltas.filter(entry => entry.year === year)
    result.set(year, {
      deductibleUsedFen: settled.deductibleUsedFen + claimed.reduce((sum, entry) => sum + entry.delta.deductibleUsedFen, 0),
      fundPaidFen: settled.fundPaidFen + claimed.reduce((sum, entry) => sum + entry.delta.fundPaidFen, 0),
    })
  }
  return result
}
