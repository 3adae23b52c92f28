import type { Table } from 'dexie'
import type { OutboxEntry, YidiDatabase } from '../db/database'
import type { ActionType } from '../domain/schemas/actions'
import { filingCancelEffect, filingChangeEffect, filingCreateEffect, filingSupplementEffect } from './effects/filingEffects'
import { traumaSignEffect } from './effects/traumaEffects'

/**
 * What an action does to this device's own records: the optimistic record written with the
 * outbox entry, and how the server's answer replaces or withdraws it. Each runs inside the
 * transaction that writes the outbox, so both land or neither does.
 */
export interface LocalEffect {
  /** Tables the effect writes, so the transaction covers them. */
  tables: (database: YidiDatabase) => Table[]
  optimistic?: (database: YidiDatabase, entry: OutboxEntry) => Promise<void>
  applied?: (database: YidiDatabase, entry: OutboxEntry, result: unknown) => Promise<void>
  rejected?: (database: YidiDatabase, entry: OutboxEntry) => Promise<void>
  discarded?: (database: YidiDatabase, entry: OutboxEntry) => Promise<void>
}

/** Local effects by action type; an action without one only lives in the outbox. */
export type LocalEffects = Partial<Record<ActionType, LocalEffect>>

export const localEffects: LocalEffects = {
  'filing.create': filingCreateEffect,
  'filing.change': filingChangeEffect,
  'filing.cancel': filingCancelEffect,
  'filing.supplement': filingSupplementEffect,
  'trauma.sign': traumaSignEffect,
}

/** The tables a transaction over these entries' effects must include. */
export function effectTables(database: YidiDatabase, types: Iterable<string>, effects: LocalEffects): Table[] {
  const tables = new Set<Table>()
  for (const type of types) {
    for (const table of effects[type as ActionType]?.tables(database) ?? [])
      tables.add(table)
  }
  return [...tables]
}
