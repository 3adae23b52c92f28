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

/** The message key of the outcome in large text, as the counter says it (DOMAIN §8). */
export function headlineKey(result: AdmissionResult): string {
  if (result.impersonation)
    return 'admission.impersonation'
  if (result.revoked)
    return 'admission.revoked'
  return `admission.outcomes.${result.outcome}`
}
