import type { RegionPolicy } from './types'
import { cityOf, provinceOf } from '../regions/codes'
import { NATIONAL_POLICY } from './national'
import { POLICY_TABLE } from './regionalPolicies'

/**
 * The policy of an insured region (参保地政策): the region's own entry, else its city's, else
 * its province's, else the national default. A deployment may pass its own table.
 */
export function policyFor(insuredRegionCode: string, table: ReadonlyMap<string, RegionPolicy> = POLICY_TABLE): RegionPolicy {
  return table.get(insuredRegionCode)
    ?? table.get(cityOf(insuredRegionCode))
    ?? table.get(provinceOf(insuredRegionCode))
    ?? table.get(NATIONAL_POLICY.region)
    ?? NATIONAL_POLICY
}

/** Ratio after a temporary-trip cut, never below zero: 90% cut by 20 points → 70%. */
export function ratioAfterCut(ratioPercent: number, cutPoints: number): number {
  return Math.max(0, ratioPercent - cutPoints)
}

/** Yunnan 四(一): care without a filing may pay less, but never below the region's floor. */
export function unfiledRatio(policy: RegionPolicy, ratioPercent: number, cutPoints: number): number {
  const cut = ratioAfterCut(ratioPercent, cutPoints)
  const floor = policy.unfiledFloorRatioPercent
  return floor === null ? cut : Math.max(cut, Math.min(floor, ratioPercent))
}
