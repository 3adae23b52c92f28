import type { OutboxEntry, YidiDatabase } from '../db/database'
import type { SyncActionEnvelope } from '../domain/schemas/sync'
import { madeByAnother } from './accounts'

/** DESIGN §4: the server takes at most 500 actions and 1 MiB per request. */
export const MAX_BATCH_ACTIONS = 500
export const MAX_BATCH_BYTES = 1024 * 1024
// Room for `{"deviceId":"…","actions":[…]}` around the actions.
const ENVELOPE_OVERHEAD_BYTES = 256

export interface Batch {
  entries: OutboxEntry[]
  /** Single actions too large to ever fit a request. */
  oversized: OutboxEntry[]
}

export function toEnvelope(entry: OutboxEntry): SyncActionEnvelope {
  return {
    id: entry.id,
    type: entry.type as SyncActionEnvelope['type'],
    payload: entry.payload,
    createdAt: entry.createdAt,
    ...(entry.dependsOn ? { dependsOn: entry.dependsOn } : {}),
  }
}

/**
 * The next pending actions in creation order, within the action and byte limits. An action
 * waits while anything it depends on is rejected or itself waiting: it is sent only once its
 * parent is resolved (resubmitted, or discarded — then the server answers `dependency_rejected`).
 * An action made under another account than `account` waits for that account's next sign-in.
 */
export async function nextBatch(database: YidiDatabase, maxActions = MAX_BATCH_ACTIONS, maxBytes = MAX_BATCH_BYTES, account?: string): Promise<Batch> {
  const rejected = new Set(await database.outbox.where('status').equals('rejected').primaryKeys())
  const held = new Set<string>()
  const encoder = new TextEncoder()
  const batch: Batch = { entries: [], oversized: [] }
  let bytes = ENVELOPE_OVERHEAD_BYTES
  let full = false
  // Walk pending actions in creation order and stop reading as soon as the batch is full.
  await database.outbox
    .where('[status+createdAt]')
    .between(['pending', ''], ['pending', '\uFFFF'])
    .until(() => full)
    .each((entry) => {
      if (madeByAnother(entry, account) || entry.dependsOn?.some(parent => held.has(parent) || rejected.has(parent))) {
        held.add(entry.id)
        return
      }
      const size = encoder.encode(JSON.stringify(toEnvelope(entry))).length + 1
      if (size + ENVELOPE_OVERHEAD_BYTES > maxBytes) {
        batch.oversized.push(entry)
        held.add(entry.id)
        return
      }
      if (batch.entries.length >= maxActions || bytes + size > maxBytes) {
        full = true
        return
      }
      batch.entries.push(entry)
      bytes += size
      full = batch.entries.length >= maxActions
    })
  return batch
}
