import { categoryKind, type FilingCategory } from '../../domain/filing/categories'
import type { RegionPolicy } from '../../domain/policy/types'

/** What one 人员类别 means under the chosen 参保地's policy, in plain words for the person. */
export interface CategoryExplanation {
  kind: '长期' | '临时'
  validity: string
  ratio: string
  proof: string
}

export function describeCategory(category: FilingCategory, policy: RegionPolicy): CategoryExplanation {
  const temporary = categoryKind(category) === 'temporary'
  return {
    kind: temporary ? '临时' : '长期',
    validity: validityText(category, policy),
    ratio: ratioText(category, policy),
    proof: proofText(category, policy),
  }
}

function validityText(category: FilingCategory, policy: RegionPolicy): string {
  if (categoryKind(category) === 'long_term') {
    const lock = policy.longTermLock
    return lock ? `长期有效，直到变更或取消；备案后${lock.months}个月内不能变更${lock.locks.includes('cancel') ? '或取消' : '就医地'}` : '长期有效，直到变更或取消'
  }
  const rule = policy.temporaryValidity[category === 'referral' ? 'referral' : 'other_temporary']
  return rule.kind === 'one_visit' ? '仅限本次就医有效' : `自开始日期起${rule.months}个月内有效`
}

function ratioText(category: FilingCategory, policy: RegionPolicy): string {
  if (categoryKind(category) === 'long_term')
    return '按参保地同级医疗机构支付比例报销'
  const points = category === 'referral' ? policy.ratioCutPoints.referral : policy.ratioCutPoints.otherTemporary
  return points > 0 ? `支付比例比参保地同级医疗机构低${points}个百分点` : '按参保地同级医疗机构支付比例报销'
}

function proofText(category: FilingCategory, policy: RegionPolicy): string {
  const promise = policy.promise.categories.includes(category)
  if (category === 'other_temporary')
    return promise ? '无需证明材料，也可签署个人承诺书' : '无需证明材料'
  const proof = category === 'referral' ? '转诊转院证明' : '居住或工作证明材料'
  return promise ? `需提供${proof}，或签署个人承诺书（承诺制）` : `需提供${proof}`
}
