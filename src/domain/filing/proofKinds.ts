import type { RegionPolicy } from '../policy/types'
import { OK, refuse, type RuleResult } from '../result'
import type { FilingCategory } from './categories'

/** Kinds of proof a filing may bring (Chongqing 第六条, Jilin 第三条 and 第四条). */
export const MATERIAL_KINDS = ['resettlement', 'residence', 'work', 'referral_certificate', 'other'] as const

export type MaterialKind = (typeof MATERIAL_KINDS)[number]

/**
 * The proof each category must bring, as the national form and Chongqing 第六条 name it: 异地安置
 * 认定材料 for the resettled retired, 居住证明 for long-term residents, 工作证明 for those working
 * away, and the hospital's 转诊转院证明 for a referral (重庆 第六条(四)). A region may accept any of
 * several kinds (Jilin 第三条: "3、4、5 提供任意一项即可").
 */
export const NATIONAL_PROOF_KINDS: Readonly<Partial<Record<FilingCategory, readonly MaterialKind[]>>> = {
  retired_resettled: ['resettlement'],
  long_term_resident: ['residence'],
  resident_worker: ['work'],
  migrant_worker: ['residence', 'work'],
  entrepreneur: ['residence', 'work'],
  referral: ['referral_certificate'],
}

/** The kinds a filing of `category` may prove itself with under `policy`; empty: none needed. */
export function proofKindsFor(category: FilingCategory, policy: RegionPolicy): readonly MaterialKind[] {
  return policy.proofKinds[category] ?? []
}

/**
 * Do these materials prove this category? At least one must be of a kind the category asks
 * for; other papers may come with it. A referral with only a 居住证明 does not prove a referral.
 */
export function checkProofKinds(category: FilingCategory, kinds: readonly MaterialKind[], policy: RegionPolicy): RuleResult<'materials_wrong_kind'> {
  const wanted = proofKindsFor(category, policy)
  if (wanted.length === 0 || kinds.length === 0 || kinds.some(kind => wanted.includes(kind)))
    return OK
  return refuse('materials_wrong_kind', `这类备案需要提交的证明材料是：${wanted.map(kind => MATERIAL_KIND_LABELS[kind]).join('或')}`)
}

/** How the rulebook names each kind in its messages (the screens have their own translations). */
export const MATERIAL_KIND_LABELS: Readonly<Record<MaterialKind, string>> = {
  resettlement: '异地安置认定材料',
  residence: '长期居住证明',
  work: '异地工作证明',
  referral_certificate: '转诊转院证明',
  other: '其他材料',
}
