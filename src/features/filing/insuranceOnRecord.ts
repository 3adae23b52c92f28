import { computed, type ComputedRef } from 'vue'
import { ApiProblem, callApi } from '../../api'
import { db } from '../../db/database'
import { readSession, writeSession } from '../../db/session'
import { inForceOn } from '../../domain/registry/inForceOn'
import type { MyInsuranceResponse } from '../../domain/schemas/registry'
import { useSessionStore } from '../../stores/session'

export type RecordView = MyInsuranceResponse['records'][number]

/** `530100:employee`: one insurance relationship, as the wizard tells them apart. */
export const relationshipKey = (record: { insuredRegion: string, insuranceType: string }) => `${record.insuredRegion}:${record.insuranceType}`

/**
 * Brings the session's copy of the 参保登记 up to date (the agency may have changed a status or
 * added a relationship since sign-in). Offline, or on any refusal, the copy stays as it is.
 */
export async function refreshInsuranceOnRecord(): Promise<void> {
  const session = await readSession(db)
  if (session?.role !== 'insured' || !navigator.onLine)
    return
  try {
    const reply = await callApi<MyInsuranceResponse>('/me/insurance', { token: session.token })
    const current = await readSession(db)
    if (current?.token === session.token)
      await writeSession(db, { ...current, insurance: reply.records })
  }
  catch (error) {
    if (!(error instanceof ApiProblem))
      throw error
  }
}

/**
 * The signed-in person's own insurance relationships in force on `today`, and their 身份证号码:
 * a filing for oneself takes 参保地 and 险种 from these (DOMAIN §13), never from what is typed.
 * Empty when nobody insured is signed in, or the session came before records travelled with it.
 */
export function useInsuranceOnRecord(today: string): { records: ComputedRef<RecordView[]>, ownIdNumber: ComputedRef<string | undefined> } {
  const sessions = useSessionStore()
  const session = computed(() => (sessions.session?.role === 'insured' ? sessions.session : undefined))
  return {
    records: computed(() => (session.value?.insurance ?? []).filter(record => inForceOn(record, today))),
    ownIdNumber: computed(() => session.value?.account?.replace(/^insured:/, '')),
  }
}
