import type { RegionPolicy } from '../policy/types'
import type { FilingCategory, InsuranceType } from './categories'
import type { Filing } from './filing'
import { addDays, addMonths, minDate } from '../dates/calendarDate'
import { categoryKind } from './categories'

/** The window a filing is granted: `end` null means until changed or cancelled. */
export interface ValidityWindow {
  start: string
  end: string | null
  oneVisit: boolean
  /** Last day of a promise filing without materials; null when not by promise or no limit. */
  promiseEnd: string | null
}

/** `months` whole months from `start`, the last day included: 2026-01-15 + 6 → 2026-07-14. */
export function monthsWindowEnd(start: string, months: number): string {
  return addDays(addMonths(start, months), -1)
}

/**
 * Validity of a new filing (DOMAIN §6): long-term until changed (national 二(三)); temporary for
 * the region's months (Yunnan 第十条 6, Chongqing 第八条 12) or one visit (Hebei 第九条); a
 * promise filing also ends after the promise months unless materials arrive (Jilin 第六条).
 */
export function validityWindow(category: FilingCategory, byPromise: boolean, start: string, policy: RegionPolicy): ValidityWindow {
  let end: string | null = null
  let oneVisit = false
  if (categoryKind(category) === 'temporary') {
    const rule = policy.temporaryValidity[category === 'referral' ? 'referral' : 'other_temporary']
    if (rule.kind === 'one_visit')
      oneVisit = true
    else
      end = monthsWindowEnd(start, rule.months)
  }
  const promiseMonths = policy.promise.validityMonths
  const promiseEnd = byPromise && promiseMonths !== null
    ? minDate(monthsWindowEnd(start, promiseMonths), end ?? '9999-12-31')
    : null
  return { start, end, oneVisit, promiseEnd }
}

export interface NewFiling {
  filingId: string
  filingNumber?: string
  insuredRegion: string
  insuranceType: InsuranceType
  category: FilingCategory
  destination: string
  startDate: string
  byPromise: boolean
  referredBy?: string
  referredByCode?: string
}

/** The filing record for a new filing made on `filedOn`, validity fixed from the policy. */
export function buildFiling(input: NewFiling, filedOn: string, policy: RegionPolicy): Filing {
  const window = validityWindow(input.category, input.byPromise, input.startDate, policy)
  return {
    filingId: input.filingId,
    filingNumber: input.filingNumber ?? '',
    insuredRegion: input.insuredRegion,
    insuranceType: input.insuranceType,
    category: input.category,
    destination: input.destination,
    startDate: input.startDate,
    endDate: window.end,
    oneVisit: window.oneVisit,
    filedOn,
    destinationChangedOn: null,
    byPromise: input.byPromise,
    ...(input.referredBy !== undefined && { referredBy: input.referredBy }),
    ...(input.referredByCode !== undefined && { referredByCode: input.referredByCode }),
    promiseEndDate: window.promiseEnd,
    materialsSuppliedOn: null,
    cancelledOn: null,
    usedOn: null,
  }
}
