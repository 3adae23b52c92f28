import { policyFor } from '../../../src/domain/policy/policyFor.ts'
import type { Person } from './session.ts'

/** A 1×1 PNG standing in for a handwritten signature (the server stores it, it does not judge it). */
export const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg=='

/** A `filing.create` for `who` starting `today`: long-term, to 广州, by personal promise unless overridden. */
export function filingCreatePayload(who: Person, insuredRegion: string, today: string, overrides: Record<string, unknown> = {}) {
  return {
    filingId: crypto.randomUUID(),
    idNumber: who.idNumber,
    name: who.name,
    sex: Number(who.idNumber[16]) % 2 === 1 ? 'male' : 'female',
    phone: who.phone,
    insuranceType: 'employee',
    category: 'long_term_resident',
    insuredRegion,
    homeAddress: '参保地家庭住址1号',
    address: '广东省广州市天河区体育西路2号',
    destination: '440100',
    startDate: today,
    filledOn: today,
    promise: { noticeVersion: policyFor(insuredRegion).texts.version, noticeAccepted: true, commitmentAccepted: true, signature: SIGNATURE, signedOn: today },
    ...overrides,
  }
}
