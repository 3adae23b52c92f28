import type { RegionPolicy } from './types'
import { FILING_CATEGORIES } from '../filing/categories'
import { NATIONAL_PROOF_KINDS } from '../filing/proofKinds'
import { defaultPolicyTexts } from './texts'

/** Key of the national default policy. */
export const NATIONAL_REGION = '000000'

/**
 * Outpatient figures for every region until a deployment loads published ones. SAMPLE values:
 * none of the seed documents gives them.
 */
export const SAMPLE_OUTPATIENT: RegionPolicy['outpatient'] = {
  employee: {
    deductibleFen: 80_000,
    ratioPercentByLevel: { primary: 80, secondary: 70, tertiary: 60 },
    annualCapFen: 1_000_000,
  },
  resident: {
    deductibleFen: 20_000,
    ratioPercentByLevel: { primary: 60, secondary: 50, tertiary: 40 },
    annualCapFen: 300_000,
  },
}

/**
 * Inpatient figures for every region until a deployment loads published ones. SAMPLE values:
 * none of the seed documents gives them.
 */
export const SAMPLE_INPATIENT: RegionPolicy['inpatient'] = {
  employee: {
    deductibleFenByLevel: { primary: 30_000, secondary: 60_000, tertiary: 90_000 },
    ratioPercentByLevel: { primary: 90, secondary: 85, tertiary: 80 },
    annualCapFen: 30_000_000,
  },
  resident: {
    deductibleFenByLevel: { primary: 20_000, secondary: 50_000, tertiary: 80_000 },
    ratioPercentByLevel: { primary: 80, secondary: 70, tertiary: 60 },
    annualCapFen: 15_000_000,
  },
}

/** National 二(六): referral and emergency cut by up to 10 points, other temporary trips by up to 20. */
const NATIONAL_CUTS = { referral: 10, emergency: 10, otherTemporary: 20 }

/**
 * National default, 医保发〔2022〕22号 (quoted in Chongqing 001): temporary filings ≥ 6 months
 * (二(三)); a change/cancel lock of at most 6 months is left to each region (二(三)), so none
 * here; promise filings for long-term categories with 双向享受 after materials (二(五)); ratio
 * cuts of at most 10 / 20 points, taken at the maximum (二(六)).
 */
export const NATIONAL_POLICY: RegionPolicy = {
  region: NATIONAL_REGION,
  name: '全国默认',
  sources: ['医保发〔2022〕22号 二(三) 二(五) 二(六)'],
  categories: FILING_CATEGORIES.filter(c => c !== 'migrant_worker' && c !== 'entrepreneur'),
  insuranceTypes: ['employee', 'resident'],
  temporaryValidity: {
    referral: { kind: 'months', months: 6 },
    other_temporary: { kind: 'months', months: 6 },
  },
  longTermLock: null,
  promise: {
    categories: ['retired_resettled', 'long_term_resident', 'resident_worker'],
    validityMonths: null,
    singleActive: false,
    lockedUntilMaterials: false,
    noRepeatAfterLapse: false,
    twoWayBenefitAfterMaterials: true,
  },
  maxLongTermFilings: null,
  emergencyLateFilingDays: null,
  ratioCutPoints: NATIONAL_CUTS,
  proofKinds: NATIONAL_PROOF_KINDS,
  fullRateReferralHospitals: [],
  unfiledFloorRatioPercent: null,
  longTermMinimumMonths: null,
  crossYearStay: 'single',
  manualClaimYearsAfter: null,
  // Not set by any article: long enough to gather papers for a month-scale deadline, short
  // enough for the 10-day 补办 (Hebei 第十一条) to be reminded while it can still be met.
  reminderLeadDays: {
    temporary_filing_ends: 14,
    promise_materials_due: 30,
    emergency_filing_due: 3,
    manual_claim_due: 30,
    referral_one_visit: 0,
    long_term_lock_ends: 0,
  },
  onlineProcessingWorkingDays: 0,
  outpatient: SAMPLE_OUTPATIENT,
  outpatientIsSample: true,
  inpatient: SAMPLE_INPATIENT,
  inpatientIsSample: true,
  texts: defaultPolicyTexts(NATIONAL_CUTS),
}
