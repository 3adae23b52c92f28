import type { RegionPolicy } from '../policy/types'
import { addDays, yearOf } from '../dates/calendarDate'

/** A line of guidance the counter shows, with a stable code for tests and translations. */
export interface CounterNote {
  code: CounterNoteCode
  message: string
}

export type CounterNoteCode =
  | 'filing_valid'
  | 'promise_pending_materials'
  | 'two_way_after_materials'
  | 'ratio_cut'
  | 'one_visit_referral'
  | 'settles_past_window'
  | 'emergency_deemed'
  | 'emergency_late_filing_window'
  | 'emergency_late_filing_missed'
  | 'filing_other_destination'
  | 'new_filing_required'
  | 'file_before_discharge'
  | 'filed_before_discharge'
  | 'manual_reimbursement_after_discharge'
  | 'manual_claim_deadline'
  | 'unfiled_ratio_floor'
  | 'benefits_frozen'
  | 'benefits_suspended'
  | 'insurance_ended'

/** Shorthand for a note. */
export function note(code: CounterNoteCode, message: string): CounterNote {
  return { code, message }
}

/** Hebei 第十一条: the last day to 补办 after an emergency admission, or null when not set. */
export function emergencyFilingDeadline(policy: RegionPolicy, admissionDate: string): string | null {
  const days = policy.emergencyLateFilingDays
  return days === null ? null : addDays(admissionDate, days)
}

/**
 * Jilin 第十五条 "在次年年底前可…申请手工报销", with benefits fixed by the discharge date (第十六条
 * "按照出院时间核定待遇"): the last day to claim for a stay that ended on `dischargedOn`, or null
 * when the region sets none.
 */
export function manualClaimDeadline(policy: RegionPolicy, dischargedOn: string): string | null {
  const years = policy.manualClaimYearsAfter
  return years === null ? null : `${yearOf(dischargedOn) + years}-12-31`
}

/**
 * Manual reimbursement lines: the route, its deadline and the unfiled floor where set. Before
 * discharge (`dischargedOn` null) the deadline is said as a rule, since it counts from discharge.
 */
export function manualReimbursementNotes(policy: RegionPolicy, dischargedOn: string | null): CounterNote[] {
  const notes = [note('manual_reimbursement_after_discharge', '出院自费结算后补办备案的，可回参保地按规定申请手工报销')]
  const years = policy.manualClaimYearsAfter
  if (years !== null) {
    const deadline = dischargedOn === null ? `出院${years === 1 ? '次' : `后第${years}`}年的12月31日` : manualClaimDeadline(policy, dischargedOn)
    notes.push(note('manual_claim_deadline', `手工报销请在${deadline}前申请`))
  }
  if (policy.unfiledFloorRatioPercent !== null)
    notes.push(note('unfiled_ratio_floor', `未备案发生的费用支付比例可适当降低，但不低于${policy.unfiledFloorRatioPercent}%`))
  return notes
}
