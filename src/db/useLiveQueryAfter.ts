import { onScopeDispose, shallowRef } from 'vue'
import type { YidiDatabase } from './database'
import type { UseLiveQueryReturn } from './useLiveQuery'

/**
 * useLiveQuery for what a screen may show a moment after it is drawn: Dexie and the database
 * (a third of a first visit's script) are fetched once `ready` resolves, e.g.
 * `afterFirstScreen(router)`; until then the ref holds `initial`. Unsubscribes when the calling
 * scope ends, even before the first answer. `firstRead` (`readRecordWithoutDexie`) answers meanwhile
 * where the screen's main content is one record: the screen draws it without waiting for Dexie.
 */
export function useLiveQueryAfter<T>(ready: Promise<unknown>, query: (database: YidiDatabase) => T | Promise<T>, initial?: T, firstRead?: () => Promise<T | undefined>): UseLiveQueryReturn<T> {
  const data = shallowRef<T | undefined>(initial)
  const error = shallowRef<unknown>()
  let answered = false
  async function readFirst(read: () => Promise<T | undefined>): Promise<void> {
    const value = await read()
    if (!answered && value !== undefined)
      data.value = value
  }
  if (firstRead)
    void readFirst(firstRead)
  let disposed = false
  let unsubscribe = () => {
    disposed = true
  }
  onScopeDispose(() => unsubscribe())

  async function subscribeWhenReady(): Promise<void> {
    await ready
    const [{ liveQuery }, { db }] = await Promise.all([import('dexie'), import('./database')])
    if (disposed)
      return
    const subscription = liveQuery(() => query(db)).subscribe({
      next: (value) => {
        answered = true
        data.value = value
        error.value = undefined
      },
      error: (e: unknown) => {
        error.value = e
      },
    })
    unsubscribe = () => subscription.unsubscribe()
  }
  subscribeWhenReady().catch((e: unknown) => {
    error.value = e
  })
  return { data, error }
}
