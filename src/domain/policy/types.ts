import type { FilingCategory, InsuranceType } from '../filing/categories'
import type { MaterialKind } from '../filing/proofKinds'
import type { DeadlineKind } from '../reminders/deadline'

/**
 * Everything that differs between insured regions (参保地) is a field here, never a branch in
 * code (DOMAIN intro: 参保地政策). Money in integer 分, ratios in whole percent, cuts in
 * percentage points.
 */

/** How long a temporary filing lasts: whole months from its start, or that one visit only. */
export type TemporaryValidity = { kind: 'months', months: number } | { kind: 'one_visit' }

/** What a long-term filing's lock forbids while it lasts. */
export type LockedAction = 'change_destination' | 'change_details' | 'cancel'

export interface LongTermLock {
  /** Months from filing (or the last destination change) during which `locks` apply. */
  months: number
  locks: readonly LockedAction[]
}

export interface PromiseRules {
  /** Categories that may file by 个人承诺书 instead of proof. */
  categories: readonly FilingCategory[]
  /** Months a promise filing lasts until materials arrive; null: the category's own validity. */
  validityMonths: number | null
  /** At most one promise filing still waiting for materials per person. */
  singleActive: boolean
  /** No change of the filing until the materials are supplied. */
  lockedUntilMaterials: boolean
  /** Once a promise filing lapses without materials, never again by promise. */
  noRepeatAfterLapse: boolean
  /** 双向享受 (benefits at home too) only once the materials are supplied. */
  twoWayBenefitAfterMaterials: boolean
}

/** Outpatient benefit of one 险种 (DOMAIN §10), per calendar year. */
export interface OutpatientBenefit {
  deductibleFen: number
  /** Fund share in percent of covered costs above the deductible, by hospital level. */
  ratioPercentByLevel: Readonly<Record<HospitalLevel, number>>
  annualCapFen: number
}

export type HospitalLevel = 'primary' | 'secondary' | 'tertiary'

/**
 * Inpatient benefit of one 险种 (DOMAIN §10; 001 annex 13): the deductible (起付标准) is paid once
 * per stay and depends on the hospital's level; the fund's yearly cap is the inpatient one.
 */
export interface InpatientBenefit {
  deductibleFenByLevel: Readonly<Record<HospitalLevel, number>>
  /** Fund share in percent of covered costs above the deductible, by hospital level. */
  ratioPercentByLevel: Readonly<Record<HospitalLevel, number>>
  annualCapFen: number
}

export interface PolicyTexts {
  /** Changes whenever a text changes; a signed promise or trauma commitment records it. */
  version: string
  /** 备案告知书 shown before a promise is signed (001 annex 2, filled in by the insured region). */
  filingNotice: string
  /** Statements the person accepts in the 个人承诺书. */
  promiseCommitments: readonly string[]
  /** Statements of the 外伤无第三方责任承诺书 (001 annex 11). */
  traumaCommitments: readonly string[]
  /** The anti-fraud warning printed on the trauma commitment. */
  antiFraudWarning: string
}

/** A hospital the policy names: its national 医疗机构代码 and the name people know it by. */
export interface ListedHospital {
  code: string
  name: string
}

export interface RegionPolicy {
  /** Insured-region code this policy is keyed by; `000000` for the national default. */
  region: string
  name: string
  /** Where each value comes from, for people reading the table. */
  sources: readonly string[]
  /** Categories this region files at all. */
  categories: readonly FilingCategory[]
  insuranceTypes: readonly InsuranceType[]
  temporaryValidity: Readonly<Record<'referral' | 'other_temporary', TemporaryValidity>>
  longTermLock: LongTermLock | null
  promise: PromiseRules
  /**
   * Long-term filings in effect at once per person (Jilin 第六条(二): 工作地 and 户籍地 "两个就医地同时
   * 生效"); referrals and other temporary filings come on top (Jilin 第十条). null: no limit.
   */
  maxLongTermFilings: number | null
  /**
   * Months a long-term filer must live or work away from the insured region (Hebei 第七条(一):
   * "长期在参保地以外工作、居住、生活半年及以上"), declared when filing; null: not a condition.
   */
  longTermMinimumMonths: number | null
  /** Days after an emergency admission within which the filing must be made; null: none set. */
  emergencyLateFilingDays: number | null
  /** Ratio cut in percentage points against the local rate, by how the person came. */
  ratioCutPoints: Readonly<{ referral: number, emergency: number, otherTemporary: number }>
  /** The kinds of proof each category may bring (Chongqing 第六条, Jilin 第三条/第四条). */
  proofKinds: Readonly<Partial<Record<FilingCategory, readonly MaterialKind[]>>>
  /**
   * Referring hospitals whose referrals are paid at the local rate, with no cut (湛江 二(六)):
   * matched by 医疗机构代码, the name only shown. A name can be spelled many ways; a code is one.
   */
  fullRateReferralHospitals: readonly ListedHospital[]
  /** Lowest fund ratio for care without a filing; null: the insured region's general rules. */
  unfiledFloorRatioPercent: number | null
  /** Inpatient stays across 1 January: one settlement, or split by days (Jilin 第十六条). */
  crossYearStay: 'single' | 'split_by_days'
  /** Manual reimbursement deadline: end of the year after the care; null: not set. */
  manualClaimYearsAfter: number | null
  /** Days before each kind of deadline the server sends its SMS reminder (DOMAIN §5, §6, §11, §12). */
  reminderLeadDays: Readonly<Record<DeadlineKind, number>>
  /** Working days to process an online filing; 0 = instant. */
  onlineProcessingWorkingDays: number
  outpatient: Readonly<Record<InsuranceType, OutpatientBenefit>>
  /** True when `outpatient` holds sample figures, not the region's published ones. */
  outpatientIsSample: boolean
  inpatient: Readonly<Record<InsuranceType, InpatientBenefit>>
  /** True when `inpatient` holds sample figures, not the region's published ones. */
  inpatientIsSample: boolean
  texts: PolicyTexts
}
