import type { RegionPolicy } from '../policy/types'
import type { Filing } from './filing'
import { categoryKind } from './categories'
import { effectiveEndDate, materialsSuppliedBy } from './status'

/**
 * The ratio cut a filing's category brings (national 二(六), 湛江 二(五)): none for long-term
 * residents, the referral cut for referrals (none from a full-rate hospital, 湛江 二(六)), the
 * larger cut for other temporary trips.
 */
export function ratioCutFor(filing: Filing, policy: RegionPolicy): number {
  if (categoryKind(filing.category) === 'long_term')
    return 0
  if (filing.category !== 'referral')
    return policy.ratioCutPoints.otherTemporary
  const fullRate = filing.referredByCode !== undefined && policy.fullRateReferralHospitals.some(hospital => hospital.code === filing.referredByCode)
  return fullRate ? 0 : policy.ratioCutPoints.referral
}

function rank(filing: Filing, date: string, policy: RegionPolicy): [number, number, string, string] {
  const pending = filing.byPromise && !materialsSuppliedBy(filing, date) ? 1 : 0
  const end = effectiveEndDate(filing) ?? '9999-12-31'
  return [ratioCutFor(filing, policy), pending, end, filing.filingId]
}

/**
 * 待遇择优 (Jilin 第十八条(一)): of several filings that apply, the one with the best benefit —
 * the smallest ratio cut, then one with materials, then the longest running; ties broken by id
 * so the answer never depends on order.
 */
export function chooseBestFiling(filings: readonly Filing[], date: string, policy: RegionPolicy): Filing | undefined {
  let best: Filing | undefined
  let bestRank: [number, number, string, string] | undefined
  for (const filing of filings) {
    const r = rank(filing, date, policy)
    if (!bestRank || isBetter(r, bestRank)) {
      best = filing
      bestRank = r
    }
  }
  return best
}

function isBetter(a: [number, number, string, string], b: [number, number, string, string]): boolean {
  if (a[0] !== b[0])
    return a[0] < b[0]
  if (a[1] !== b[1])
    return a[1] < b[1]
  if (a[2] !== b[2])
    return a[2] > b[2]
  return a[3] < b[3]
}
