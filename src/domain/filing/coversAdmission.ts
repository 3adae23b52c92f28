import type { RegionPolicy } from '../policy/types'
import type { InsuranceType } from './categories'
import type { CounterNote } from './counterNotes'
import type { Filing } from './filing'
import { destinationCovers } from '../regions/codes'
import { chooseBestFiling, ratioCutFor } from './bestFiling'
import { CATEGORY_LABELS } from './categories'
import { emergencyFilingDeadline, manualReimbursementNotes, note } from './counterNotes'
import { effectiveEndDate, isInEffect, materialsSuppliedBy } from './status'

/** 住院类型 as the counter uploads it: 急诊 admissions are deemed filed. */
export const ADMISSION_TYPES = ['normal', 'emergency'] as const
export type AdmissionType = (typeof ADMISSION_TYPES)[number]

/** The counter's answers of DOMAIN §8. */
export const ADMISSION_OUTCOMES = ['valid', 'deemed', 'none', 'frozen'] as const
export type AdmissionOutcome = (typeof ADMISSION_OUTCOMES)[number]

export interface AdmissionQuery {
  filings: readonly Filing[]
  /** City (or county) code of the hospital, from the counter's staff account. */
  hospitalCity: string
  admissionDate: string
  admissionType: AdmissionType
  policy: RegionPolicy
  /** Current 参保地 and 险种: filings of an earlier insurance relationship do not count. */
  insured?: { region: string, insuranceType: InsuranceType }
  /** 待遇冻结 (欠费/违规) on the admission day. */
  benefitsFrozen?: boolean
  /** 待遇暂停 on the registry (Hebei 第十二条): no direct settlement until restored. */
  benefitsSuspended?: boolean
  /** Last day of the insurance relationship when it ended before the admission day. */
  insuranceEndedOn?: string
}

export interface AdmissionCoverage {
  outcome: AdmissionOutcome
  filing?: Filing
  ratioCutPoints: number
  notes: CounterNote[]
}

function validNotes(filing: Filing, cut: number, query: AdmissionQuery): CounterNote[] {
  const end = effectiveEndDate(filing)
  const notes = [note('filing_valid', `备案有效：${CATEGORY_LABELS[filing.category]}，${filing.startDate} 至 ${end ?? '长期'}`)]
  if (filing.byPromise && !materialsSuppliedBy(filing, query.admissionDate)) {
    notes.push(note('promise_pending_materials', '承诺制备案，尚未补齐证明材料'))
    if (query.policy.promise.twoWayBenefitAfterMaterials)
      notes.push(note('two_way_after_materials', '补齐材料后方可在参保地和就医地双向享受待遇'))
  }
  if (cut > 0)
    notes.push(note('ratio_cut', `临时外出就医，支付比例降低${cut}个百分点`))
  if (filing.oneVisit)
    notes.push(note('one_visit_referral', '转诊备案仅限本次就医使用'))
  // National 二(四): a 补办 during the stay reaches back to its admission.
  if (filing.filedOn > query.admissionDate)
    notes.push(note('filed_before_discharge', `入院后于${filing.filedOn}补办备案，出院结算前补办的可直接结算`))
  if (end !== null)
    notes.push(note('settles_past_window', `入院在有效期内，出院晚于${end}也可直接结算`))
  return notes
}

/**
 * The counter's answer at admission (DOMAIN §8): frozen benefits pay in full (Hebei 第十九条),
 * and so do suspended ones until restored (Hebei 第十二条); an ended insurance relationship
 * settles nothing directly;
 * a filing in effect on the admission day whose destination covers the hospital settles
 * directly, even if it ends before discharge (Yunnan 第十二条, Chongqing 第十条, Jilin 第十三条),
 * the best one chosen by 待遇择优 (Jilin 第十八条); an emergency is deemed filed (Jilin 第二十六条)
 * unless a filing gives more; otherwise the person is guided to 补办 (national 二(四)).
 */
export function coversAdmission(query: AdmissionQuery): AdmissionCoverage {
  const { policy, admissionDate } = query
  if (query.benefitsFrozen)
    return { outcome: 'frozen', ratioCutPoints: 0, notes: [note('benefits_frozen', '医保待遇处于冻结状态（欠费或违规），费用由本人全额现金结算，按参保地规定报销')] }
  if (query.benefitsSuspended)
    return { outcome: 'frozen', ratioCutPoints: 0, notes: [note('benefits_suspended', '医保待遇暂停，不能直接结算：费用由本人全额现金结算，待遇恢复后按参保地规定报销')] }
  if (query.insuranceEndedOn !== undefined && query.insuranceEndedOn < admissionDate)
    return { outcome: 'none', ratioCutPoints: 0, notes: [note('insurance_ended', `参保关系已于${query.insuranceEndedOn}终止，不能直接结算；请患者联系参保地医保经办机构`)] }
  const insured = query.insured
  const own = insured
    ? query.filings.filter(f => f.insuredRegion === insured.region && f.insuranceType === insured.insuranceType)
    : query.filings
  const inEffect = own.filter(f => isInEffect(f, admissionDate))
  const here = inEffect.filter(f => destinationCovers(f.destination, query.hospitalCity))
  const best = chooseBestFiling(here, admissionDate, policy)
  const bestCut = best ? ratioCutFor(best, policy) : undefined
  if (query.admissionType === 'emergency' && (bestCut === undefined || bestCut > policy.ratioCutPoints.emergency)) {
    const notes = [note('emergency_deemed', '急诊抢救视同已备案，按参保地急诊待遇直接结算')]
    const deadline = emergencyFilingDeadline(policy, admissionDate)
    if (deadline)
      notes.push(note('emergency_late_filing_window', `请在${deadline}前（入院后${policy.emergencyLateFilingDays}日内）补办备案`))
    return { outcome: 'deemed', ratioCutPoints: policy.ratioCutPoints.emergency, notes }
  }
  if (best && bestCut !== undefined)
    return { outcome: 'valid', filing: best, ratioCutPoints: bestCut, notes: validNotes(best, bestCut, query) }
  const notes = [note('file_before_discharge', '未查到本地有效备案：出院结算前补办备案，仍可直接结算')]
  if (inEffect.length > 0)
    notes.push(note('filing_other_destination', '已有备案的就医地不含本院所在地区，可变更就医地或另行备案'))
  if (own.length < query.filings.length)
    notes.push(note('new_filing_required', '参保地或险种已变更，原备案不再适用，需要重新备案'))
  notes.push(...manualReimbursementNotes(policy, null))
  return { outcome: 'none', ratioCutPoints: 0, notes }
}
