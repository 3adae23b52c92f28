import { computed, type ComputedRef, onMounted, ref, type Ref } from 'vue'
import { ApiProblem, callApi } from '../../../api'
import { db } from '../../../db/database'
import { readSession } from '../../../db/session'
import { useLiveQuery } from '../../../db/useLiveQuery'
import type { CounterHospital, OpenStaysResponse, OpenStayView } from '../../../domain/schemas/stay'
import { overlayPendingSlips } from './overlayPendingSlips'

/** Where the last list of open stays is kept, so the discharge screen works offline (cleared at sign-out). */
export const OPEN_STAYS_KEY = 'counterStays'

export interface SavedOpenStays {
  response: OpenStaysResponse
  savedAt: string
}

export interface UseOpenStaysReturn {
  stays: ComputedRef<OpenStayView[]>
  hospital: ComputedRef<CounterHospital | undefined>
  savedAt: ComputedRef<string | undefined>
  /** The server's reason when the list could not be refreshed (offline included). */
  problem: Ref<string | undefined>
  refresh: () => Promise<void>
}

/**
 * The counter's open stays: the server's list, kept on the device when it answers, read live
 * with this counter's unsent slips laid over it. Refreshes when the screen opens.
 */
export function useOpenStays(): UseOpenStaysReturn {
  const problem = ref<string>()
  const { data: saved } = useLiveQuery(async () => (await db.meta.get(OPEN_STAYS_KEY))?.value as SavedOpenStays | undefined)
  const { data: entries } = useLiveQuery(() => db.outbox.filter(entry => entry.type === 'outsideSlip.issue' || entry.type === 'outsideSlip.recordCosts').toArray(), [])

  async function refresh() {
    problem.value = undefined
    const token = (await readSession(db))?.token
    if (!token)
      return
    try {
      const response = await callApi<OpenStaysResponse>('/counter/stays', { token })
      await db.meta.put({ key: OPEN_STAYS_KEY, value: { response, savedAt: new Date().toISOString() } satisfies SavedOpenStays })
    }
    catch (error) {
      if (!(error instanceof ApiProblem))
        throw error
      problem.value = error.detail
    }
  }
  onMounted(refresh)

  return {
    stays: computed(() => overlayPendingSlips(saved.value?.response.stays ?? [], entries.value ?? [])),
    hospital: computed(() => saved.value?.response.hospital),
    savedAt: computed(() => saved.value?.savedAt),
    problem,
    refresh,
  }
}
