import type { AdmissionType } from '../filing/coversAdmission'
import type { RegionPolicy } from '../policy/types'
import type { Deadline } from './deadline'
import { emergencyFilingDeadline, manualClaimDeadline } from '../filing/counterNotes'

/** A hospital stay as far as its deadlines need it. */
export interface KnownStay {
  stayId: string
  admissionDate: string
  admissionType: AdmissionType
  /** True once a filing covering the stay was made (the 补办 is done). */
  filed: boolean
  /** Day of a discharge settled with self-payment, which opens the 手工报销 route; null otherwise. */
  selfPaidDischargeOn: string | null
}

/**
 * The deadlines of a stay: Hebei 第十一条 "可先行住院，10日内补办备案" after an emergency
 * admission not yet filed, and the 手工报销 deadline after a self-paid discharge (Jilin 第十五条:
 * "在次年年底前").
 */
export function stayDeadlines(stay: KnownStay, policy: RegionPolicy): Deadline[] {
  const deadlines: Deadline[] = []
  const filingDue = stay.admissionType === 'emergency' && !stay.filed ? emergencyFilingDeadline(policy, stay.admissionDate) : null
  if (filingDue !== null) {
    deadlines.push({ kind: 'emergency_filing_due', date: filingDue, subject: stay.stayId, article: '河北规程 第十一条', reason: `急诊入院须在${policy.emergencyLateFilingDays}日内补办异地就医备案` })
  }
  const claimDue = stay.selfPaidDischargeOn === null ? null : manualClaimDeadline(policy, stay.selfPaidDischargeOn)
  if (claimDue !== null) {
    deadlines.push({ kind: 'manual_claim_due', date: claimDue, subject: stay.stayId, article: '吉医保规〔2023〕4号 第十五条', reason: '出院自费结算的费用须在此日前回参保地申请手工报销' })
  }
  return deadlines
}
