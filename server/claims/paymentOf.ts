import type { Kysely } from 'kysely'
import { claimPayment, type ClaimOutcome } from '../../src/domain/claims/claimPayment.ts'
import { yearOf } from '../../src/domain/dates/calendarDate.ts'
import type { InsuranceType } from '../../src/domain/filing/categories.ts'
import { NO_ACCUMULATORS } from '../../src/domain/money/settle.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import type { SlipCosts } from '../../src/domain/money/stayBill.ts'
import type { ClaimCosts } from '../../src/domain/schemas/claim.ts'
import type { Database } from '../store/index.ts'
import { accumulatorsWithClaims, type ClaimRow, formOf } from './repository.ts'

/** The calendar years a claim's care touches. */
function yearsOfCare(claim: ClaimRow): number[] {
  const first = yearOf(formOf(claim).admissionDate ?? claim.care_ended_on)
  const last = yearOf(claim.care_ended_on)
  return Array.from({ length: last - first + 1 }, (_, index) => first + index)
}

/**
 * What the engine pays for a claim with these invoice parts, under the insured region's rules,
 * the 险种 on record and the person's accumulators as they stand now, with the recorded costs of
 * the stay's 外院检查治疗或购药单 (001 第三十三条): the same figure the desk previews and the
 * approval books.
 */
export async function paymentOf(db: Kysely<Database>, claim: ClaimRow, costs: ClaimCosts, ratioCutPoints: number, outsideSlips: readonly SlipCosts[]): Promise<ClaimOutcome> {
  const accumulators = await accumulatorsWithClaims(db, claim.id_number, yearsOfCare(claim))
  return claimPayment(formOf(claim), costs, policyFor(claim.insured_region), claim.insurance_type as InsuranceType, year => accumulators.get(year) ?? NO_ACCUMULATORS, ratioCutPoints, outsideSlips)
}
