import type { OutboxEntry, YidiDatabase } from '../db/database'
import type { Refusal } from '../domain/refusal'
import { parseActionResult } from '../domain/schemas/results'
import type { SyncResult } from '../domain/schemas/sync'
import { effectFor, effectTables, type LocalEffects } from './localEffects'

const NO_REASON: Refusal = { code: 'rejected', message: '服务器退回了此操作' }

/** The entry as the server's answer leaves it. */
function answeredEntry(entry: OutboxEntry, result: SyncResult): OutboxEntry {
  const attempts = entry.attempts + 1
  if (result.status === 'rejected')
    return { ...entry, status: 'rejected', error: result.error ?? NO_REASON, attempts }
  const { error: _cleared, ...rest } = entry
  return { ...rest, status: 'applied', result: result.result, attempts }
}

/**
 * Stores the server's answers for a batch in one transaction: applied and duplicate actions take
 * the server's record in place of the optimistic one; rejected ones keep their payload and the
 * reason. An action the answer does not mention stays pending and is sent again.
 */
export async function storeResults(database: YidiDatabase, entries: OutboxEntry[], results: SyncResult[], effects: LocalEffects): Promise<number> {
  const byId = new Map(entries.map(entry => [entry.id, entry]))
  const answered = results.flatMap((result) => {
    const entry = byId.get(result.id)
    return entry ? [answeredEntry(entry, result)] : []
  })
  await database.transaction('rw', [database.outbox, ...effectTables(database, entries.map(entry => entry.type), effects)], async () => {
    // One write for the whole batch, far cheaper than an update per action; the effects then see
    // every answer of the batch, so an edit refused beside another is withdrawn alone.
    await database.outbox.bulkPut(answered)
    for (const entry of answered)
      await settle(database, entry, effects)
  })
  return answered.length
}

async function settle<T extends OutboxEntry>(database: YidiDatabase, entry: T, effects: LocalEffects): Promise<void> {
  const effect = effectFor(effects, entry)
  if (entry.status === 'rejected')
    await effect?.rejected?.(database, entry)
  else
    await effect?.applied?.(database, entry, parseActionResult(entry.type, entry.result))
}

/** Marks actions rejected without a per-action answer (the whole request was refused, or too large). */
export async function rejectLocally(database: YidiDatabase, entries: OutboxEntry[], reason: Refusal, effects: LocalEffects): Promise<void> {
  await storeResults(database, entries, entries.map(entry => ({ id: entry.id, status: 'rejected' as const, error: reason })), effects)
}
