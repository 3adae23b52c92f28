import type { AdmissionOutcome } from '../../../domain/filing/coversAdmission'
import { maskIdNumber } from '../../../domain/identity/mask'
import type { CounterVerifyResponse } from '../../../domain/schemas/http'
import type { AnyCredentialClaims } from '../../../domain/credential/claims'
import type { Verification } from './verifyCredential'

/** One answer at the counter, whichever way it was reached (QR offline, or lookup online). */
export interface AdmissionResult {
  method: 'credential_offline' | 'online'
  /** A QR read and its signature good, but the patient's 身份证 not read yet: no outcome so far. */
  awaitingId?: boolean
  outcome: AdmissionOutcome
  revoked: boolean
  impersonation: boolean
  maskedIdentity: string
  filing?: { filingNumber: string, category: string, insuredRegion?: string, destination: string, startDate: string, endDate: string | null, oneVisit: boolean, promise: boolean }
  ratioCutPoints: number
  notes: { code: string, message: string }[]
  warnings: string[]
}

/** The message key of the outcome in large text, as the counter says it (DOMAIN §8). */
export function headlineKey(result: AdmissionResult): string {
  if (result.awaitingId)
    return 'admission.awaitingId'
  if (result.impersonation)
    return 'admission.impersonation'
  if (result.revoked)
    return 'admission.revoked'
  // A filing in effect for another city is not "no filing": say what does not match.
  if (result.outcome === 'none' && result.notes.some(item => item.code === 'filing_other_destination'))
    return 'admission.otherDestination'
  return `admission.outcomes.${result.outcome}`
}

const credentialFiling = (claims: AnyCredentialClaims): NonNullable<AdmissionResult['filing']> => ({
  filingNumber: claims.filingNumber,
  category: claims.category,
  insuredRegion: claims.insuredRegion,
  destination: claims.destination,
  startDate: claims.validFrom,
  endDate: claims.validTo,
  oneVisit: claims.oneVisit,
  promise: claims.promise,
})

/** The card right after a scan: what the credential says (姓名 as it holds it), waiting for the 身份证. */
export function scannedResult(claims: AnyCredentialClaims): AdmissionResult {
  return {
    method: 'credential_offline',
    awaitingId: true,
    outcome: 'none',
    revoked: false,
    impersonation: false,
    maskedIdentity: claims.maskedName,
    filing: credentialFiling(claims),
    ratioCutPoints: 0,
    notes: [],
    warnings: [],
  }
}

/** The card for a QR checked offline: what the credential says, with the number read off the card masked. */
export function offlineResult(checked: Extract<Verification, { kind: 'checked' }>, idNumber: string): AdmissionResult {
  const { claims } = checked
  return {
    method: 'credential_offline',
    outcome: checked.outcome,
    revoked: checked.revoked,
    impersonation: checked.impersonation,
    maskedIdentity: `${claims.maskedName}（${maskIdNumber(idNumber)}）`,
    filing: credentialFiling(claims),
    ratioCutPoints: checked.ratioCutPoints,
    notes: checked.notes,
    warnings: checked.warnings,
  }
}

/** The card for the server's answer to an online lookup. */
export function onlineResult(reply: CounterVerifyResponse, idNumber: string): AdmissionResult {
  return {
    method: 'online',
    outcome: reply.outcome,
    revoked: false,
    impersonation: false,
    maskedIdentity: maskIdNumber(idNumber.trim().toUpperCase()),
    ...(reply.filing ? { filing: reply.filing } : {}),
    ratioCutPoints: reply.ratioCutPoints,
    notes: reply.notes,
    warnings: [],
  }
}
