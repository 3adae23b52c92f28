import type { FilingCategory, InsuranceType } from './categories'

/**
 * A filing as the rules see it (DOMAIN §3, 001 annex 1): only the fields the lifecycle needs.
 * Dates are `YYYY-MM-DD`. Validity is fixed when the filing is made (`buildFiling`), so a later
 * policy change never rewrites a granted window.
 */
export interface Filing {
  /** Client-made id (uuid); the sync actions refer to a filing by it. */
  filingId: string
  /** 备案编号, assigned by the server; empty while only on the phone. */
  filingNumber: string
  insuredRegion: string
  insuranceType: InsuranceType
  category: FilingCategory
  destination: string
  startDate: string
  /** Last day of validity; null for long-term filings and one-visit referrals. */
  endDate: string | null
  /** True for a one-visit referral (Hebei 第九条): it ends once used by an admission. */
  oneVisit: boolean
  /** Day the filing was recorded (the lock of a long-term filing counts from it). */
  filedOn: string
  /** Day the 就医地 was last changed, if ever. */
  destinationChangedOn: string | null
  byPromise: boolean
  /** Hospital that issued a referral's 转诊转院证明, when known: its name, as shown. */
  referredBy?: string
  /** Its 医疗机构代码 when chosen from the directory: what the policy's named hospitals match. */
  referredByCode?: string
  /** Last day a promise filing lasts without materials; null when not by promise. */
  promiseEndDate: string | null
  materialsSuppliedOn: string | null
  cancelledOn: string | null
  /** Admission day that used a one-visit referral. */
  usedOn: string | null
}
