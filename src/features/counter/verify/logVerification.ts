import type { AdmissionType } from '../../../domain/filing/coversAdmission'
import { submitAction } from '../../../sync/submitAction'
import type { Verification } from './verifyCredential'

export interface VerifiedAdmission {
  idNumber: string
  admissionDate: string
  admissionType: AdmissionType
  hospitalCity: string
}

/**
 * An offline QR check joins the audit log through the outbox, like every action: it is sent
 * when the network allows, under the staff account that made it.
 */
export function logOfflineVerification(checked: Extract<Verification, { kind: 'checked' }>, admission: VerifiedAdmission): Promise<string> {
  const { claims } = checked
  return submitAction('counter.verify.logged', {
    verificationId: crypto.randomUUID(),
    idNumber: admission.idNumber,
    name: claims.maskedName,
    admissionDate: admission.admissionDate,
    admissionType: admission.admissionType,
    hospitalCity: admission.hospitalCity,
    method: 'credential_offline',
    outcome: checked.outcome,
    filingNumber: claims.filingNumber,
    keyId: claims.keyId,
    ...(checked.impersonation ? { impersonationSuspected: true } : {}),
    verifiedAt: new Date().toISOString(),
  })
}
