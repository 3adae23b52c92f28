import { ApiProblem, callApi } from '../../api'
import { db } from '../../db/database'
import { readSession } from '../../db/session'
import type { ClaimPayment } from '../../domain/schemas/results'
import type { MyInsuranceResponse } from '../../domain/schemas/registry'

/** One claim as `GET /api/me/claims` lists it: the bank account already masked by the server. */
export interface MyClaim {
  claimId: string
  status: 'submitted' | 'reviewing' | 'approved' | 'rejected'
  kind: 'outpatient' | 'inpatient'
  patientName: string
  hospitalName: string
  visitDate: string | null
  admissionDate: string | null
  dischargeDate: string | null
  paidFen: number
  bankName: string
  accountMasked: string
  deadline: string | null
  submittedAt: string
  decidedOn: string | null
  note: string | null
  payment: ClaimPayment | null
}

/** `meta` keys of the last lists from the server: personal, so they go at sign-out. */
export const CLAIMS_KEY = 'myClaims'
export const INSURANCE_KEY = 'myInsurance'

/** Brings the person's claims and insurance record onto the phone, where they stay readable offline. */
export async function refreshMyClaims(): Promise<void> {
  const session = await readSession(db)
  if (!session || session.role !== 'insured' || !navigator.onLine)
    return
  try {
    const [{ claims }, insurance] = await Promise.all([
      callApi<{ claims: MyClaim[] }>('/me/claims', { token: session.token }),
      callApi<MyInsuranceResponse>('/me/insurance', { token: session.token }),
    ])
    await db.meta.bulkPut([{ key: CLAIMS_KEY, value: claims }, { key: INSURANCE_KEY, value: insurance }])
  }
  catch (error) {
    if (!(error instanceof ApiProblem))
      throw error
  }
}

/** The signed-in person's insured region as last seen from the server (the first relationship in force). */
export async function cachedInsuredRegion(today: string): Promise<string | undefined> {
  const insurance = (await db.meta.get(INSURANCE_KEY))?.value as MyInsuranceResponse | undefined
  const records = insurance?.records ?? []
  return (records.find(record => record.validFrom <= today && (record.validTo === null || record.validTo >= today)) ?? records[0])?.insuredRegion
}
