import { type CategoryKind, categoryKind, type FilingCategory } from '../../domain/filing/categories'
import type { RegionPolicy } from '../../domain/policy/types'

/** A message key with its values; `count` picks the plural form where English needs one. */
export interface CategoryFact {
  key: string
  values?: Record<string, number>
  count?: number
}

/** What one 人员类别 means under the chosen 参保地's policy, in plain words for the person. */
export interface CategoryExplanation {
  kind: CategoryKind
  validity: CategoryFact
  ratio: CategoryFact
  proof: CategoryFact
}

export function describeCategory(category: FilingCategory, policy: RegionPolicy): CategoryExplanation {
  return {
    kind: categoryKind(category),
    validity: validityFact(category, policy),
    ratio: ratioFact(category, policy),
    proof: proofFact(category, policy),
  }
}

function validityFact(category: FilingCategory, policy: RegionPolicy): CategoryFact {
  if (categoryKind(category) === 'long_term') {
    const lock = policy.longTermLock
    if (!lock)
      return { key: 'category.longTerm' }
    const key = lock.locks.includes('cancel') ? 'category.longTermNoChangeOrCancel' : 'category.longTermNoChange'
    return { key, values: { months: lock.months }, count: lock.months }
  }
  const rule = policy.temporaryValidity[category === 'referral' ? 'referral' : 'other_temporary']
  return rule.kind === 'one_visit' ? { key: 'category.oneVisit' } : { key: 'category.months', values: { months: rule.months }, count: rule.months }
}

function ratioFact(category: FilingCategory, policy: RegionPolicy): CategoryFact {
  if (categoryKind(category) === 'long_term')
    return { key: 'category.ratioSame' }
  const points = category === 'referral' ? policy.ratioCutPoints.referral : policy.ratioCutPoints.otherTemporary
  return points > 0 ? { key: 'category.ratioCut', values: { points }, count: points } : { key: 'category.ratioSame' }
}

function proofFact(category: FilingCategory, policy: RegionPolicy): CategoryFact {
  const promise = policy.promise.categories.includes(category)
  if (category === 'other_temporary')
    return { key: promise ? 'category.proofNoneOrPromise' : 'category.proofNone' }
  const proof = category === 'referral' ? 'category.proofReferral' : 'category.proofResidence'
  return { key: promise ? `${proof}OrPromise` : proof }
}
