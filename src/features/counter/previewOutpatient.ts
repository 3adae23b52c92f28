import { type BillItem, NO_ACCUMULATORS, type SettlementSplit, settleOutpatient } from '../../domain/money/settle'
import type { InsuranceType } from '../../domain/filing/categories'
import { policyFor } from '../../domain/policy/policyFor'
import type { HospitalLevel } from '../../domain/policy/types'
import { isRegionCodeFormat } from '../../domain/regions/codes'

/**
 * The outpatient split shown while typing, on the device and offline: the rulebook under the
 * 参保地's outpatient policy. The device does not know what the person used earlier this year,
 * so it counts from nothing used; the server settles against the year's records and its answer
 * is shown next to this one. Undefined until a 参保地 is chosen.
 */
export function previewOutpatient(items: readonly BillItem[], insuredRegion: string, insuranceType: InsuranceType, hospitalLevel: HospitalLevel, ratioCutPoints: number): SettlementSplit | undefined {
  if (!isRegionCodeFormat(insuredRegion))
    return undefined
  return settleOutpatient(items, policyFor(insuredRegion).outpatient[insuranceType], NO_ACCUMULATORS, { hospitalLevel, ratioCutPoints })
}
