import type { OutboxEntry, YidiDatabase } from '../db/database'
import type { SyncResult } from '../domain/schemas/sync'
import { effectTables, type LocalEffects } from './localEffects'

export interface RejectionReason {
  code: string
  message: string
  field?: string
}

/**
 * Stores the server's answers for a batch in one transaction: applied and duplicate actions take
 * the server's record in place of the optimistic one; rejected ones keep their payload and the
 * reason. An action the answer does not mention stays pending and is sent again.
 */
export async function storeResults(database: YidiDatabase, entries: OutboxEntry[], results: SyncResult[], effects: LocalEffects): Promise<number> {
  const byId = new Map(entries.map(entry => [entry.id, entry]))
  let stored = 0
  await database.transaction('rw', [database.outbox, ...effectTables(database, entries.map(entry => entry.type), effects)], async () => {
    const answered: OutboxEntry[] = []
    for (const result of results) {
      const entry = byId.get(result.id)
      if (!entry)
        continue
      const effect = effects[entry.type as keyof LocalEffects]
      if (result.status === 'rejected') {
        const error = result.error ?? { code: 'rejected', message: '服务器退回了此操作' }
        answered.push({ ...entry, status: 'rejected', error, attempts: entry.attempts + 1 })
        await effect?.rejected?.(database, entry)
      }
      else {
        const { error: _cleared, ...rest } = entry
        answered.push({ ...rest, status: 'applied', result: result.result, attempts: entry.attempts + 1 })
        await effect?.applied?.(database, entry, result.result)
      }
    }
    // One write for the whole batch: far cheaper than an update per action.
    await database.outbox.bulkPut(answered)
    stored = answered.length
  })
  return stored
}

/** Marks actions rejected without a per-action answer (the whole request was refused, or too large). */
export async function rejectLocally(database: YidiDatabase, entries: OutboxEntry[], reason: RejectionReason, effects: LocalEffects): Promise<void> {
  await storeResults(database, entries, entries.map(entry => ({ id: entry.id, status: 'rejected' as const, error: reason })), effects)
}
