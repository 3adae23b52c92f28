import type { Signature } from '../../components/SignaturePad.vue'
import { db } from '../../db/database'
import { saveDraft } from '../../db/drafts'
import type { SignatureStroke } from '../../domain/trauma/signatureStrokes'

/** Where the commitment being filled in on this tablet is kept between reloads. */
export const TRAUMA_DRAFT_KEY = 'trauma:new'

/** The 外伤无第三方责任承诺书 as the patient fills it in, before it is sealed. */
export interface TraumaForm {
  commitmentId: string
  patient: { name: string, idType: 'resident_id' | 'other', idNumber: string, phone: string }
  injuredOn: string
  injuredHour: number | ''
  place: string
  account: string
  insuredRegion: string
  signer: 'patient' | 'relative'
  relative: { name: string, idNumber: string, phone: string, relationship: string }
  accepted: number[]
  warningRead: boolean
  admissionId?: string | undefined
  admissionNumber: string
}

export function emptyTraumaForm(today: string, admissionId?: string): TraumaForm {
  return {
    commitmentId: crypto.randomUUID(),
    patient: { name: '', idType: 'resident_id', idNumber: '', phone: '' },
    injuredOn: today,
    injuredHour: '',
    place: '',
    account: '',
    insuredRegion: '',
    signer: 'patient',
    relative: { name: '', idNumber: '', phone: '', relationship: '' },
    accepted: [],
    warningRead: false,
    admissionId,
    admissionNumber: '',
  }
}

/**
 * True when the form holds something of a patient: a form opened and left untouched (its date and
 * id filled in by the app) is nobody's, and may be reused without showing anyone anything.
 */
export function hasPatientInput(form: TraumaForm): boolean {
  const typed = [form.patient.name, form.patient.idNumber, form.patient.phone, form.place, form.account, form.relative.name, form.relative.idNumber, form.admissionNumber]
  return typed.some(value => value.trim() !== '') || form.accepted.length > 0 || form.warningRead
}

/**
 * Opens the commitment for an admission just recorded, with the patient's name and number as
 * the counter read them. They travel in the draft, never in the page address.
 */
export async function startTraumaDraft(today: string, admissionId: string, patient: { name: string, idNumber: string }): Promise<void> {
  const form = emptyTraumaForm(today, admissionId)
  await saveDraft(db, TRAUMA_DRAFT_KEY, { ...form, patient: { ...form.patient, ...patient } })
}

/** The pen's path as the payload keeps it: whole pixels, times from each stroke's start. */
export function strokesOf(value: Signature | undefined): SignatureStroke[] {
  return (value?.strokes ?? []).map((group) => {
    const start = group.points[0]?.time ?? 0
    return group.points.map(point => ({ x: Math.round(point.x), y: Math.round(point.y), t: point.time - start }))
  })
}

export interface SigningContext {
  textVersion: string
  signature: string
  strokes: SignatureStroke[]
  today: string
  hospitalCity?: string | undefined
}

/** The `trauma.sign` payload for a filled-in form; the rulebook schema validates it next. */
export function traumaPayload(form: TraumaForm, context: SigningContext): Record<string, unknown> {
  return {
    commitmentId: form.commitmentId,
    patient: form.patient,
    injuredOn: form.injuredOn,
    injuredHour: form.injuredHour === '' ? undefined : Number(form.injuredHour),
    place: form.place,
    account: form.account,
    commitmentsAccepted: true,
    textVersion: context.textVersion,
    signer: form.signer,
    ...(form.signer === 'relative' ? { relative: form.relative } : {}),
    signature: context.signature,
    strokes: context.strokes,
    signedOn: context.today,
    signedAt: new Date().toISOString(),
    ...(context.hospitalCity ? { hospitalCity: context.hospitalCity } : {}),
    ...(form.insuredRegion ? { insuredRegion: form.insuredRegion } : {}),
    ...(form.admissionId ? { admissionId: form.admissionId } : {}),
    ...(form.admissionNumber ? { admissionNumber: form.admissionNumber } : {}),
  }
}
