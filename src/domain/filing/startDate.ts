import type { RegionPolicy } from '../policy/types'
import type { RuleResult } from '../result'
import type { FilingRuleCode } from './ruleCodes'
import { OK, refuse } from '../result'
import { lateFilingGuidance } from './lateFiling'
import { FILING_RULE_MESSAGES as M } from './ruleCodes'

/** A stay the person is in while filing (补办): the filing reaches back to its admission. */
export interface OpenStay {
  admissionDate: string
  /** 急诊 admission: Hebei 第十一条 sets a window for the 补办. */
  emergency: boolean
}

/**
 * When a filing may start, on the server's `today`. From today on, as a rule. A person already
 * in hospital may file back to the admission day while the stay is open — national 二(四):
 * "参保人员跨省出院结算前补办异地就医备案的，就医地联网定点医疗机构应为参保人员办理医疗费用跨省直接结算" —
 * except where the insured region's window for an emergency 补办 has passed (Hebei 第十一条:
 * "10日内补办备案"); that stay goes to 手工报销, and a filing for later care starts today.
 */
export function checkStartDate(startDate: string, today: string, stay: OpenStay | undefined, policy: RegionPolicy): RuleResult<FilingRuleCode> {
  if (!stay)
    return startDate < today ? refuse('start_in_past', M.start_in_past) : OK
  if (stay.admissionDate > today)
    return refuse('admission_in_future', M.admission_in_future)
  if (startDate !== stay.admissionDate)
    return refuse('late_filing_start', M.late_filing_start)
  const guidance = lateFilingGuidance(policy, { admissionDate: stay.admissionDate, admissionType: stay.emergency ? 'emergency' : 'normal', filedOn: today, selfPaidDischargeOn: null })
  if (guidance.route === 'manual_reimbursement')
    return refuse('late_filing_window_missed', `${guidance.notes.map(item => item.message).join('；')}。${M.late_filing_window_missed}`)
  return OK
}
