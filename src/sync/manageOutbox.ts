import { asOutboxEntry, type YidiDatabase } from '../db/database'
import type { ActionPayloadInput, ActionType } from '../domain/schemas/actions'
import { parseActionPayload } from '../domain/schemas/parseAction'
import { InvalidActionError } from './invalidAction'
import { effectFor, effectTables, type LocalEffects, localEffects } from './localEffects'

/**
 * The person gives up a rejected (or not yet sent) action: it and its optimistic record go.
 * Actions that depended on it stay, and the server will answer them `dependency_rejected`.
 */
export async function discardAction(database: YidiDatabase, id: string, effects: LocalEffects = localEffects): Promise<void> {
  const entry = await database.outbox.get(id)
  if (!entry || entry.status === 'applied')
    return
  await database.transaction('rw', [database.outbox, ...effectTables(database, [entry.type], effects)], async () => {
    await database.outbox.delete(id)
    await effectFor(effects, entry)?.discarded?.(database, entry)
  })
}

/**
 * The person fixed a rejected action: the corrected payload goes out as a new action (a new
 * idempotency key, since the server keeps its answer to the old one) in the old one's place in
 * the queue, so whatever waited for it is still sent after it, and now waits for the new id.
 */
export async function resubmitAction<T extends ActionType>(
  database: YidiDatabase,
  id: string,
  payload: ActionPayloadInput<T>,
  effects: LocalEffects = localEffects,
): Promise<string> {
  const old = await database.outbox.get(id)
  if (old?.status !== 'rejected')
    throw new Error('Only a rejected action can be resubmitted')
  const parsed = parseActionPayload(old.type as T, payload)
  if (!parsed.ok)
    throw new InvalidActionError(parsed.error)
  const { error: _error, result: _result, ...kept } = old
  const entry = asOutboxEntry<T>({ ...kept, type: old.type as T, id: crypto.randomUUID(), payload: parsed.payload, status: 'pending', attempts: 0 })
  await database.transaction('rw', [database.outbox, ...effectTables(database, [old.type], effects)], async () => {
    await database.outbox.delete(id)
    await database.outbox.add(entry)
    await database.outbox.where('status').equals('pending')
      .filter(pending => pending.dependsOn?.includes(id) ?? false)
      .modify((pending) => {
        pending.dependsOn = pending.dependsOn?.map(parent => parent === id ? entry.id : parent)
      })
    await effectFor(effects, old)?.discarded?.(database, old)
    await effectFor(effects, entry)?.optimistic?.(database, entry)
  })
  return entry.id
}
