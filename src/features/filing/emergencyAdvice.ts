import type { RegionPolicy } from '../../domain/policy/types'

/** A message key of the wizard with its values. */
export interface EmergencyAdvice {
  key: 'category.emergencyAdvice' | 'category.emergencyAdviceLateFiling'
  values: Record<string, number>
}

/**
 * What a person choosing emergency care is told, by the insured region's rule: deemed filed
 * (national 二(三)), or, in Hebei, admitted first and filed within 10 days (第十一条 "可先行住院，
 * 10日内补办备案").
 */
export function emergencyAdvice(policy: RegionPolicy | undefined): EmergencyAdvice {
  const days = policy?.emergencyLateFilingDays ?? null
  return days === null
    ? { key: 'category.emergencyAdvice', values: {} }
    : { key: 'category.emergencyAdviceLateFiling', values: { days } }
}
