import type { Table } from 'dexie'
import type { OutboxEntry, YidiDatabase } from '../db/database'
import type { ActionType } from '../domain/schemas/actions'
import type { ActionResult } from '../domain/schemas/results'
import { filingCancelEffect, filingChangeEffect, filingCreateEffect, filingSupplementEffect } from './effects/filingEffects'
import { traumaSignEffect } from './effects/traumaEffects'

/**
 * What an action of type `T` does to this device's own records: the optimistic record written
 * with the outbox entry, and how the server's answer replaces or withdraws it. Each step runs
 * inside the transaction that writes the outbox, so both land or neither does; by then the
 * outbox already holds the entry's new status.
 */
export interface LocalEffect<T extends ActionType> {
  /** Tables the effect writes, so the transaction covers them. */
  tables: (database: YidiDatabase) => Table[]
  /** The record the action is about, kept on the outbox entry (`subject`) to find its other actions. */
  subject?: (entry: OutboxEntry<T>) => string
  optimistic?: (database: YidiDatabase, entry: OutboxEntry<T>) => Promise<void>
  /**
   * The server applied the action. `result` is its answer, or undefined when the answer has a
   * shape this app does not know (a newer server): the record then waits for the next refresh.
   */
  applied?: (database: YidiDatabase, entry: OutboxEntry<T>, result: ActionResult<T> | undefined) => Promise<void>
  rejected?: (database: YidiDatabase, entry: OutboxEntry<T>) => Promise<void>
  discarded?: (database: YidiDatabase, entry: OutboxEntry<T>) => Promise<void>
}

/** Local effects by action type; an action without one only lives in the outbox. */
export type LocalEffects = { [T in ActionType]?: LocalEffect<T> }

export const localEffects: LocalEffects = {
  'filing.create': filingCreateEffect,
  'filing.change': filingChangeEffect,
  'filing.cancel': filingCancelEffect,
  'filing.supplement': filingSupplementEffect,
  'trauma.sign': traumaSignEffect,
}

/**
 * The effect for an entry's own type. TypeScript cannot follow that `effects[entry.type]` and
 * `entry` share one `T`, so the lookup says it once here instead of a cast at every call.
 */
export function effectFor<T extends ActionType>(effects: LocalEffects, entry: OutboxEntry<T>): LocalEffect<T> | undefined {
  return (effects as Record<ActionType, LocalEffect<T> | undefined>)[entry.type]
}

/** The tables a transaction over these entries' effects must include. */
export function effectTables(database: YidiDatabase, types: Iterable<ActionType>, effects: LocalEffects): Table[] {
  const tables = new Set<Table>()
  for (const type of types) {
    for (const table of effects[type]?.tables(database) ?? [])
      tables.add(table)
  }
  return [...tables]
}
