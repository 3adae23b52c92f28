import { careEndedOn, claimWindow } from '../../domain/claims/claimDeadline'
import { parseYuan } from '../../domain/money/yuan'
import type { RegionPolicy } from '../../domain/policy/types'
import { type ClaimReason, type ClaimSubmitInput, claimSubmitPayloadSchema } from '../../domain/schemas/claim'

/** The claim form as the person fills it in (and as its draft keeps it): amounts still as typed. */
export interface ClaimFormValues {
  claimId: string
  name: string
  idNumber: string
  kind: 'outpatient' | 'inpatient'
  hospitalName: string
  hospitalLevel: 'primary' | 'secondary' | 'tertiary' | ''
  treatmentRegion: string
  visitDate: string
  admissionDate: string
  dischargeDate: string
  reason: ClaimReason | ''
  reasonText: string
  invoicePhotos: string[]
  costDetailPhotos: string[]
  accountName: string
  bankName: string
  accountNumber: string
  /** 元, as typed. */
  paid: string
}

export const CLAIM_DRAFT_KEY = 'claim:new'

export function emptyClaimForm(): ClaimFormValues {
  return {
    claimId: crypto.randomUUID(),
    name: '',
    idNumber: '',
    kind: 'inpatient',
    hospitalName: '',
    hospitalLevel: '',
    treatmentRegion: '',
    visitDate: '',
    admissionDate: '',
    dischargeDate: '',
    reason: '',
    reasonText: '',
    invoicePhotos: [],
    costDetailPhotos: [],
    accountName: '',
    bankName: '',
    accountNumber: '',
    paid: '',
  }
}

/** The payload fields each step asks for; the first step holds the care, so its dates decide first. */
export const CLAIM_STEPS = [
  ['name', 'idNumber', 'kind', 'hospitalName', 'hospitalLevel', 'treatmentRegion', 'visitDate', 'admissionDate', 'dischargeDate', 'reason', 'reasonText'],
  ['invoicePhotos', 'costDetailPhotos', 'bank.accountName', 'bank.bankName', 'bank.accountNumber', 'paidFen'],
] as const

const blank = (value: string) => (value.trim() === '' ? undefined : value)

/** The `claim.submit` payload of the form; an amount that is not 元 stays out, so the schema names it. */
export function claimPayload(values: ClaimFormValues, today: string): ClaimSubmitInput {
  const paid = parseYuan(values.paid)
  const stay = values.kind === 'inpatient'
  return {
    claimId: values.claimId,
    name: values.name,
    idNumber: values.idNumber,
    kind: values.kind,
    hospitalName: values.hospitalName,
    hospitalLevel: (values.hospitalLevel || undefined) as ClaimSubmitInput['hospitalLevel'],
    treatmentRegion: values.treatmentRegion,
    ...(stay ? {} : { visitDate: blank(values.visitDate) }),
    ...(stay ? { admissionDate: blank(values.admissionDate), dischargeDate: blank(values.dischargeDate) } : {}),
    reason: (values.reason || undefined) as ClaimSubmitInput['reason'],
    reasonText: values.reason === 'other' ? values.reasonText : '',
    invoicePhotos: values.invoicePhotos,
    costDetailPhotos: values.costDetailPhotos,
    bank: { accountName: values.accountName, bankName: values.bankName, accountNumber: values.accountNumber },
    paidFen: paid.ok ? paid.fen : (undefined as unknown as number),
    submittedOn: today,
  }
}

/** The rulebook's messages for the fields of one step, by dotted path; empty when the step is complete. */
export function stepErrors(values: ClaimFormValues, step: number, today: string): Record<string, string> {
  const parsed = claimSubmitPayloadSchema.safeParse(claimPayload(values, today))
  if (parsed.success)
    return {}
  const fields: readonly string[] = CLAIM_STEPS[step] ?? []
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.')
    if (fields.includes(path) && !errors[path])
      errors[path] = issue.message
  }
  // An amount typed but not in 元 says how to write it, not that it is missing.
  const paid = parseYuan(values.paid)
  if (errors.paidFen && values.paid.trim() !== '' && !paid.ok)
    errors.paidFen = paid.message
  return errors
}

/**
 * Whether the insured region still takes this claim, from the dates typed on the first step
 * (Jilin 第十五条), so a person past the deadline hears it before photographing anything.
 * Undefined while the date is missing or the insured region is not known on this phone; the
 * server decides with its own clock either way.
 */
export function deadlineNotice(values: ClaimFormValues, policy: RegionPolicy | undefined, today: string): ReturnType<typeof claimWindow> | undefined {
  const ended = careEndedOn({ kind: values.kind, visitDate: blank(values.visitDate), dischargeDate: blank(values.dischargeDate) })
  if (!policy || !ended || !/^\d{4}-\d{2}-\d{2}$/.test(ended))
    return undefined
  return claimWindow(policy, ended, today)
}
