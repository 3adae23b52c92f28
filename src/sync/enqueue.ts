import { asOutboxEntry, type YidiDatabase } from '../db/database'
import { readSession } from '../db/session'
import { requestPersistenceOnce } from '../db/storagePersistence'
import type { ActionPayloadInput, ActionType } from '../domain/schemas/actions'
import { parseActionPayload } from '../domain/schemas/parseAction'
import { InvalidActionError } from './invalidAction'
import { effectFor, effectTables, type LocalEffects, localEffects } from './localEffects'

export interface EnqueueOptions {
  /** Actions that must be applied before this one (e.g. the filing a change refers to). */
  dependsOn?: string[]
  /** Files in the `attachments` table that must reach the server before this action. */
  attachmentIds?: string[]
  /** The device clock; tests pass their own. */
  now?: () => Date
  effects?: LocalEffects
}

/**
 * Records an action a person took: validates it with the rulebook schema, then writes the outbox
 * entry and its optimistic local record in one transaction — both are on disk, or neither.
 * Returns the action id, which is also the idempotency key the server keeps for good.
 */
export async function enqueue<T extends ActionType>(
  database: YidiDatabase,
  type: T,
  payload: ActionPayloadInput<T>,
  options: EnqueueOptions = {},
): Promise<string> {
  const parsed = parseActionPayload(type, payload)
  if (!parsed.ok)
    throw new InvalidActionError(parsed.error)
  const effects = options.effects ?? localEffects
  const now = options.now ?? (() => new Date())
  const account = (await readSession(database))?.account
  const entry = asOutboxEntry<T>({
    id: crypto.randomUUID(),
    type,
    payload: parsed.payload,
    createdAt: '',
    status: 'pending',
    attempts: 0,
    ...(options.dependsOn?.length ? { dependsOn: options.dependsOn } : {}),
    ...(options.attachmentIds?.length ? { attachmentIds: options.attachmentIds } : {}),
    ...(account ? { account } : {}),
  })
  const effect = effectFor(effects, entry)
  const subject = effect?.subject?.(entry)
  if (subject)
    entry.subject = subject
  await database.transaction('rw', [database.outbox, ...effectTables(database, [type], effects)], async () => {
    entry.createdAt = await nextCreatedAt(database, now())
    await database.outbox.add(entry)
    await effect?.optimistic?.(database, entry)
  })
  await requestPersistenceOnce(database)
  return entry.id
}

/**
 * Creation times are strictly increasing on a device, so sending in `createdAt` order is sending
 * in the order the person acted, even for two actions in the same millisecond or after the clock
 * was set back.
 */
async function nextCreatedAt(database: YidiDatabase, now: Date): Promise<string> {
  const latest = await database.outbox.orderBy('createdAt').last()
  const latestMs = latest ? Date.parse(latest.createdAt) : Number.NEGATIVE_INFINITY
  return new Date(Math.max(now.getTime(), latestMs + 1)).toISOString()
}
