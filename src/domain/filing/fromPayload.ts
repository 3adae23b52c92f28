import type { FilingCreatePayload } from '../schemas/filing'
import type { FilingDraft } from './canCreate'
import type { NewFiling } from './validity'

/** The rule-relevant facts of a validated `filing.create` payload, for `canCreate`. */
export function draftFromCreatePayload(payload: FilingCreatePayload): FilingDraft {
  return {
    insuredRegion: payload.insuredRegion,
    insuranceType: payload.insuranceType,
    category: payload.category,
    destination: payload.destination,
    startDate: payload.startDate,
    byPromise: payload.promise !== undefined,
    hasMaterials: (payload.materials?.length ?? 0) > 0,
    longStayDeclared: payload.longStayDeclared === true,
    ...(payload.inHospital ? { openStay: { admissionDate: payload.inHospital.admissionDate, emergency: payload.inHospital.emergency } } : {}),
  }
}

/** The input of `buildFiling` for a validated `filing.create` payload and its 备案编号. */
export function newFilingFromCreatePayload(payload: FilingCreatePayload, filingNumber: string): NewFiling {
  const referral = {
    ...(payload.referringHospital !== undefined && { referredBy: payload.referringHospital }),
    ...(payload.referringHospitalCode !== undefined && { referredByCode: payload.referringHospitalCode }),
  }
  return { ...draftFromCreatePayload(payload), filingId: payload.filingId, filingNumber, ...referral }
}
