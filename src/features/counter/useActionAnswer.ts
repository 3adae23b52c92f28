import { liveQuery } from 'dexie'
import { computed, type ComputedRef, onScopeDispose, type Ref, shallowRef, watch } from 'vue'
import { db, type OutboxEntry } from '../../db/database'
import type { Refusal } from '../../domain/refusal'
import type { ActionType } from '../../domain/schemas/actions'
import { type ActionResult, parseActionResult } from '../../domain/schemas/results'

export type ActionAnswer<T extends ActionType> =
  | { state: 'none' }
  | { state: 'waiting' }
  | { state: 'applied', result: ActionResult<T> | undefined }
  | { state: 'rejected', error: Refusal | undefined }

/**
 * The server's answer to one action this device sent, read live from its outbox entry: waiting
 * while unsent (offline included), then the answer the server gave.
 */
export function useActionAnswer<T extends ActionType>(type: T, actionId: Ref<string | undefined>): ComputedRef<ActionAnswer<T>> {
  const entry = shallowRef<OutboxEntry>()
  let unsubscribe = () => {}
  // A new action id means a new entry to follow: the old subscription ends first.
  watch(actionId, (id) => {
    unsubscribe()
    entry.value = undefined
    if (!id)
      return
    const subscription = liveQuery(() => db.outbox.get(id)).subscribe({ next: (value) => {
      entry.value = value
    } })
    unsubscribe = () => subscription.unsubscribe()
  }, { immediate: true })
  onScopeDispose(() => unsubscribe())
  return computed((): ActionAnswer<T> => {
    const current = entry.value
    if (!actionId.value || !current || current.id !== actionId.value)
      return { state: actionId.value ? 'waiting' : 'none' }
    if (current.status === 'applied')
      return { state: 'applied', result: parseActionResult(type, current.result) }
    if (current.status === 'rejected')
      return { state: 'rejected', error: current.error }
    return { state: 'waiting' }
  })
}
