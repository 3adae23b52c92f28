import type { OutboxEntry, OutboxEntryOf } from '../../../db/database'
import type { OpenStayView } from '../../../domain/schemas/stay'
import { patientFacts } from '../../../domain/stay/patientFacts'
import { madeByAnother } from '../../../sync/accounts'

/**
 * An open stay as the counter's screens show it: the server's, or one this device recorded and
 * has not seen listed yet (`pending`, shown 待同步); `leaving` once this device queued its
 * discharge without direct settlement, until the server answers or the next list drops it.
 */
export type CounterStay = OpenStayView & { pending?: true, leaving?: true }

export interface OverlayContext {
  /** The signed-in account: another account's unsent admissions are not this counter's patients. */
  account: string | undefined
  /** When the server's list was fetched; an admission made after it is not in it. */
  savedAt: string | undefined
  /** Admissions still unsent when the list was fetched: not in it, even once applied since. */
  unconfirmed: readonly string[]
}

/** The stay an unsent admission will be once the server has it; its coverage is the server's to find. */
function pendingStay(entry: OutboxEntryOf<'admission.record'>): CounterStay {
  const { admissionId, idNumber, name, admissionDate, admissionType } = entry.payload
  return {
    admissionId,
    idNumber,
    name,
    ...patientFacts(idNumber, admissionDate),
    admissionDate,
    admissionType,
    // Shown through `pending`, never as a refusal: the server has not judged the stay yet.
    coverage: { ok: false, refusal: { code: 'not_synced', message: '' } },
    claimRegion: null,
    accumulators: {},
    slips: [],
    pending: true,
  }
}

/** True while the list cannot hold the admission: unsent, or applied after the list was fetched. */
export function notListedYet(entry: OutboxEntryOf<'admission.record'>, context: Pick<OverlayContext, 'savedAt' | 'unconfirmed'>): boolean {
  if (entry.status === 'pending' || entry.status === 'sending')
    return true
  return entry.status === 'applied' && (context.savedAt === undefined || entry.createdAt > context.savedAt || context.unconfirmed.includes(entry.payload.admissionId))
}

/**
 * The open stays with what this counter did since the server listed them: admissions it recorded
 * (offline included) are among the patients in hospital at once, above the listed ones, and a stay it discharged without direct settlement is marked leaving (the list
 * hides it at once). A refused action changes nothing here; its reason shows in the outbox and
 * beside the button that sent it.
 */
export function overlayPendingAdmissions(stays: readonly OpenStayView[], entries: readonly OutboxEntry[], context: OverlayContext): CounterStay[] {
  const listed = new Set(stays.map(stay => stay.admissionId))
  const added: CounterStay[] = []
  for (const entry of entries) {
    if (entry.type === 'admission.record' && !madeByAnother(entry, context.account) && !listed.has(entry.payload.admissionId) && notListedYet(entry, context)) {
      listed.add(entry.payload.admissionId)
      added.push(pendingStay(entry))
    }
  }
  const leaving = new Set(entries.flatMap(entry => (entry.type === 'admission.discharge' && entry.status !== 'rejected' ? [entry.payload.admissionId] : [])))
  const all: CounterStay[] = [...added.toSorted((a, b) => b.admissionDate.localeCompare(a.admissionDate)), ...stays]
  return all.map(stay => (leaving.has(stay.admissionId) ? { ...stay, leaving: true } : stay))
}
