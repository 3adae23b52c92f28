import { liveQuery } from 'dexie'
import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'

export interface UseLiveQueryReturn<T> {
  data: ShallowRef<T | undefined>
  error: ShallowRef<unknown>
}

/**
 * Reads IndexedDB live: the ref follows every committed change, from this tab or another, the
 * same online and offline. Unsubscribes when the calling scope ends.
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, initial?: T): UseLiveQueryReturn<T> {
  const data = shallowRef<T | undefined>(initial)
  const error = shallowRef<unknown>()
  const subscription = liveQuery(query).subscribe({
    next: (value) => {
      data.value = value
      error.value = undefined
    },
    error: (e: unknown) => {
      error.value = e
    },
  })
  onScopeDispose(() => subscription.unsubscribe())
  return { data, error }
}
