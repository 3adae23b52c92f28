import type { FilingCreatePayload } from '../../domain/schemas/filing'

/** How the person proves the filing: documents, or a personal promise (承诺制). */
export type ProofMode = 'promise' | 'materials'

/**
 * 已经住院了吗？ Not yet; in hospital now (a 补办 that reaches back to the admission, national
 * 二(四)); or discharged after paying in full (that stay goes to 手工报销).
 */
export type StayAnswer = 'no' | 'in_hospital' | 'discharged'

/**
 * Everything the wizard holds, saved as a draft after every change. The payload part has the
 * `filing.create` shape with strings as typed; `forFamily` and `proofMode` are choices of the UI.
 */
export interface FilingForm {
  forFamily: boolean
  proofMode: ProofMode
  /** Absent in drafts saved before the question was asked: read as `no`. */
  stay?: StayAnswer
  values: FilingFormValues
}

export type FilingFormValues = Partial<Omit<FilingCreatePayload, 'promise' | 'agent' | 'materials' | 'inHospital'>> & {
  filingId: string
  filledOn: string
  promise?: Partial<NonNullable<FilingCreatePayload['promise']>>
  agent?: Partial<NonNullable<FilingCreatePayload['agent']>>
  materials?: NonNullable<FilingCreatePayload['materials']>
  inHospital?: Partial<NonNullable<FilingCreatePayload['inHospital']>>
}

export const FILING_DRAFT_KEY = 'filing:new'

/** The six screens of the wizard, and the payload fields each one asks for. */
export const FILING_STEPS = [
  { name: 'who', fields: ['name', 'idNumber', 'sex', 'phone', 'phone2', 'insuranceType', 'insuredRegion', 'homeAddress', 'agent.name', 'agent.idNumber', 'agent.phone', 'agent.relationship'] },
  { name: 'category', fields: ['category'] },
  { name: 'destination', fields: ['destination', 'address'] },
  { name: 'dates', fields: ['startDate', 'inHospital.admissionDate', 'inHospital.hospital', 'inHospital.emergency'] },
  { name: 'proof', fields: ['promise', 'promise.noticeAccepted', 'promise.commitmentAccepted', 'promise.signature', 'materials', 'referringHospital', 'referringHospitalCode'] },
  { name: 'review', fields: [] },
] as const

export type FilingStepName = (typeof FILING_STEPS)[number]['name']

export function emptyFilingForm(today: string): FilingForm {
  return {
    forFamily: false,
    proofMode: 'promise',
    stay: 'no',
    values: { filingId: crypto.randomUUID(), filledOn: today, startDate: today },
  }
}

/** The `filing.create` payload the form describes, before schema validation. */
export function payloadFromForm(form: FilingForm): Record<string, unknown> {
  const { promise, agent, materials, inHospital, ...values } = form.values
  return {
    ...values,
    ...(form.stay === 'in_hospital' ? { inHospital } : {}),
    ...(form.forFamily ? { agent } : {}),
    ...(form.proofMode === 'promise' ? { promise } : { materials }),
  }
}

// What the wizard fills in by itself: a draft holding only these has nothing of the person's.
const PREFILLED = new Set(['filingId', 'filledOn', 'startDate'])

/** True when the person has entered something (a draft worth offering to continue). */
export function hasInput(form: FilingForm): boolean {
  return form.forFamily || Object.entries(form.values).some(([key, value]) => !PREFILLED.has(key) && value !== undefined && value !== '')
}
