import { computed, type ComputedRef, onMounted, ref, type Ref, watch } from 'vue'
import { ApiProblem, callApi } from '../../../api'
import { db } from '../../../db/database'
import { readSession } from '../../../db/session'
import { useLiveQuery } from '../../../db/useLiveQuery'
import type { CounterHospital, OpenStaysResponse } from '../../../domain/schemas/stay'
import { type CounterStay, notListedYet, overlayPendingAdmissions } from './overlayPendingAdmissions'
import { overlayPendingSlips } from './overlayPendingSlips'

/** The actions of this counter that change the open stays before the server lists them again. */
const OVERLAID = new Set(['admission.record', 'admission.discharge', 'outsideSlip.issue', 'outsideSlip.recordCosts'])

/** Where the last list of open stays is kept, so the discharge screen works offline (cleared at sign-out). */
export const OPEN_STAYS_KEY = 'counterStays'

export interface SavedOpenStays {
  response: OpenStaysResponse
  savedAt: string
  /** This device's admissions still unsent when the list was asked for (absent in lists saved before). */
  unconfirmed?: string[]
}

export interface UseOpenStaysReturn {
  /** The patients in hospital: the server's list with this counter's unsent admissions, without the stays it discharged unsettled. */
  stays: ComputedRef<CounterStay[]>
  /** Every stay, the ones leaving too: the stay screen follows a discharge until the server answers it. */
  allStays: ComputedRef<CounterStay[]>
  hospital: ComputedRef<CounterHospital | undefined>
  savedAt: ComputedRef<string | undefined>
  /** The server's reason when the list could not be refreshed (offline included). */
  problem: Ref<string | undefined>
  refresh: () => Promise<void>
}

/**
 * The counter's open stays: the server's list, kept on the device when it answers, read live
 * with this counter's unsent admissions, discharges and slips laid over it. Refreshes when the
 * screen opens.
 */
export function useOpenStays(): UseOpenStaysReturn {
  const problem = ref<string>()
  const { data: saved } = useLiveQuery(async () => (await db.meta.get(OPEN_STAYS_KEY))?.value as SavedOpenStays | undefined)
  const { data: entries } = useLiveQuery(() => db.outbox.filter(entry => OVERLAID.has(entry.type)).toArray(), [])
  const { data: account } = useLiveQuery(async () => (await readSession(db))?.account)

  async function refresh() {
    problem.value = undefined
    const token = (await readSession(db))?.token
    if (!token)
      return
    // Read before asking: an admission the server applies while the list is on its way may be missing from it.
    const unconfirmed = (await db.outbox.filter(entry => entry.type === 'admission.record').toArray())
      .flatMap(entry => (entry.type === 'admission.record' && (entry.status === 'pending' || entry.status === 'sending') ? [entry.payload.admissionId] : []))
    try {
      const response = await callApi<OpenStaysResponse>('/counter/stays', { token })
      await db.meta.put({ key: OPEN_STAYS_KEY, value: { response, savedAt: new Date().toISOString(), unconfirmed } satisfies SavedOpenStays })
    }
    catch (error) {
      if (!(error instanceof ApiProblem))
        throw error
      problem.value = error.detail
    }
  }
  onMounted(refresh)
  // An admission of this device applied after the list was fetched: the server has it now, so the
  // list is fetched again for its coverage (the 待同步 mark then goes).
  const context = computed(() => ({ account: account.value, savedAt: saved.value?.savedAt, unconfirmed: saved.value?.unconfirmed ?? [] }))
  const appliedSince = computed(() => (entries.value ?? [])
    .filter(entry => entry.type === 'admission.record' && entry.status === 'applied' && notListedYet(entry, context.value))
    .map(entry => entry.id)
    .join())
  watch(appliedSince, (ids) => {
    if (ids)
      void refresh()
  })

  const allStays = computed(() => {
    const laid = overlayPendingAdmissions(saved.value?.response.stays ?? [], entries.value ?? [], context.value)
    return overlayPendingSlips(laid, entries.value ?? [])
  })
  return {
    stays: computed(() => allStays.value.filter(stay => !stay.leaving)),
    allStays,
    hospital: computed(() => saved.value?.response.hospital),
    savedAt: computed(() => saved.value?.savedAt),
    problem,
    refresh,
  }
}
