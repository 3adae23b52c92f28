import { maskPhone } from '../../src/domain/identity/mask.ts'
import type { InsuredRecord, MyInsuranceResponse } from '../../src/domain/schemas/registry.ts'

/**
 * A person's records as their own phone may show them: no 身份证号码 (the session knows whose they
 * are), phones masked,
 * family members by name and relationship only, never their 身份证号码.
 */
export function insuranceView(records: readonly InsuredRecord[]): MyInsuranceResponse['records'] {
  return records.map(({ idNumber: _idNumber, phones, family, ...record }) => ({
    ...record,
    phonesMasked: phones.map(maskPhone),
    family: family.map(member => ({ name: member.name, relationship: member.relationship })),
  }))
}
