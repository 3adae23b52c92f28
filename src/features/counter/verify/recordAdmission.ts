import type { AdmissionOutcome, AdmissionType } from '../../../domain/filing/coversAdmission'
import { submitAction } from '../../../sync/submitAction'

export interface AdmissionInput {
  idNumber: string
  name: string
  admissionDate: string
  admissionType: AdmissionType
  outcome: AdmissionOutcome
  filingNumber?: string
}

/**
 * Records the 入院登记 through the outbox (works offline). An injury without a third party is
 * recorded without the flags; the trauma commitment signed next sets them on the server
 * (外伤标志 = 是, 涉及第三方标志 = 否), and is sent after this action.
 */
export async function recordAdmission(input: AdmissionInput, injury: 'none' | 'third_party' | 'no_third_party'): Promise<{ admissionId: string, actionId: string }> {
  const admissionId = crypto.randomUUID()
  const actionId = await submitAction('admission.record', {
    admissionId,
    idNumber: input.idNumber,
    name: input.name,
    admissionDate: input.admissionDate,
    admissionType: input.admissionType,
    traumaFlag: injury === 'third_party',
    thirdPartyFlag: injury === 'third_party',
    outcome: input.outcome,
    ...(input.filingNumber ? { filingNumber: input.filingNumber } : {}),
  })
  return { admissionId, actionId }
}
