import type { AdmissionOutcome } from '../../../domain/filing/coversAdmission'

/** One answer at the counter, whichever way it was reached (QR offline, or lookup online). */
export interface AdmissionResult {
  method: 'credential_offline' | 'online'
  outcome: AdmissionOutcome
  revoked: boolean
  impersonation: boolean
  maskedIdentity: string
  filing?: { filingNumber: string, category: string, destination: string, startDate: string, endDate: string | null, promise: boolean }
  ratioCutPoints: number
  notes: { code: string, message: string }[]
  warnings: string[]
}

/** The outcome in large text, as the counter says it (DOMAIN §8). */
export const OUTCOME_LABELS: Record<AdmissionOutcome, string> = {
  valid: '可直接结算',
  deemed: '视同备案（急诊）',
  none: '未备案',
  frozen: '待遇冻结',
}

export function headline(result: AdmissionResult): string {
  if (result.impersonation)
    return '疑似冒用 · 停止办理'
  if (result.revoked)
    return '已撤销'
  return OUTCOME_LABELS[result.outcome]
}
