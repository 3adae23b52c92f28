import type { RegionPolicy } from '../policy/types'
import type { AdmissionType } from './coversAdmission'
import type { CounterNote } from './counterNotes'
import { emergencyFilingDeadline, manualReimbursementNotes, note } from './counterNotes'

export interface LateFilingCase {
  admissionDate: string
  admissionType: AdmissionType
  /** Day the 补办 filing was made. */
  filedOn: string
  /** Day the stay was settled at the hospital with self-payment; null while still in hospital. */
  selfPaidDischargeOn: string | null
}

export interface LateFilingGuidance {
  route: 'direct_settlement' | 'manual_reimbursement'
  notes: CounterNote[]
}

/**
 * What a 补办 filing allows (national 二(四), Yunnan 三(四), 湛江 二(三)): made before the
 * discharge settlement, direct settlement; made after a self-paid discharge, manual
 * reimbursement at the insured region. Hebei 第十一条: an emergency 补办 later than the
 * window also falls back to manual reimbursement. A filing on the discharge day counts as before.
 */
export function lateFilingGuidance(policy: RegionPolicy, late: LateFilingCase): LateFilingGuidance {
  const deadline = late.admissionType === 'emergency' ? emergencyFilingDeadline(policy, late.admissionDate) : null
  if (deadline !== null && late.filedOn > deadline) {
    const missed = note('emergency_late_filing_missed', `急诊入院须在${policy.emergencyLateFilingDays}日内补办备案，已超过期限（${deadline}）`)
    return { route: 'manual_reimbursement', notes: [missed, ...manualReimbursementNotes(policy, late.selfPaidDischargeOn)] }
  }
  if (late.selfPaidDischargeOn === null || late.filedOn <= late.selfPaidDischargeOn)
    return { route: 'direct_settlement', notes: [note('filed_before_discharge', '出院结算前已补办备案，可直接结算')] }
  return { route: 'manual_reimbursement', notes: manualReimbursementNotes(policy, late.selfPaidDischargeOn) }
}
