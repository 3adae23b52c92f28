/**
 * 人员类别 of a filing (DOMAIN §2). Emergency care (异地急诊抢救人员) is not a filing category:
 * it is deemed filed at the counter (national 二(三), Jilin 第五条).
 */
export const FILING_CATEGORIES = [
  'retired_resettled',
  'long_term_resident',
  'resident_worker',
  'migrant_worker',
  'entrepreneur',
  'referral',
  'other_temporary',
] as const

export type FilingCategory = (typeof FILING_CATEGORIES)[number]

/** 长期 (until changed or cancelled) or 临时 (a validity window). */
export type CategoryKind = 'long_term' | 'temporary'

export const CATEGORY_LABELS: Readonly<Record<FilingCategory, string>> = {
  retired_resettled: '异地安置退休人员',
  long_term_resident: '异地长期居住人员',
  resident_worker: '常驻异地工作人员',
  migrant_worker: '外出务工农民',
  entrepreneur: '外来就业创业人员',
  referral: '异地转诊就医人员',
  other_temporary: '其他临时外出就医人员',
}

/** 001 annex 1 / Hebei 第七条: the first five are 异地长期居住人员, the rest 临时外出就医人员. */
export function categoryKind(category: FilingCategory): CategoryKind {
  return category === 'referral' || category === 'other_temporary' ? 'temporary' : 'long_term'
}

/**
 * Categories that must bring proof (or a 个人承诺书 where the policy allows it): long-term
 * categories prove residence or work, referrals bring the 转诊转院证明 (Chongqing 第六条,
 * Jilin 第三条/第四条). Other temporary trips need none.
 */
export function categoryNeedsProof(category: FilingCategory): boolean {
  return category !== 'other_temporary'
}

/** 险种 (001 annex 1): 职工医保 or 城乡居民医保. */
export const INSURANCE_TYPES = ['employee', 'resident'] as const
export type InsuranceType = (typeof INSURANCE_TYPES)[number]

export const INSURANCE_TYPE_LABELS: Readonly<Record<InsuranceType, string>> = {
  employee: '职工医保',
  resident: '城乡居民医保',
}
