import { Dexie, type EntityTable } from 'dexie'

/** Where an action stands on its way to the server. */
export type OutboxStatus = 'pending' | 'sending' | 'applied' | 'rejected'

/** One action a person took, kept until the server has answered for it. */
export interface OutboxEntry {
  /** UUID; also the idempotency key the server stores. */
  id: string
  type: string
  payload: unknown
  /** UTC ISO-8601, the order actions are sent in. */
  createdAt: string
  status: OutboxStatus
  dependsOn?: string[]
  attempts: number
  /** The server's reason when it refused the action. */
  error?: { code: string, message: string, field?: string }
  /** The server's record once applied. */
  result?: unknown
}

/** A half-filled form, kept so nothing typed is lost on reload or a killed browser. */
export interface Draft {
  /** Form id plus instance, e.g. `filing:new`. */
  key: string
  data: unknown
  updatedAt: string
}

/** A filing as this device knows it: optimistic until synced, then the server's record. */
export interface LocalFiling {
  /** Client id of the creating action until the server assigns the 备案编号. */
  id: string
  filingNumber?: string
  status: string
  record: unknown
  updatedAt: string
}

/** Device settings and caches (device id, signing keys, revocation cursor, session…). */
export interface MetaEntry {
  key: string
  value: unknown
}

export class YidiDatabase extends Dexie {
  outbox!: EntityTable<OutboxEntry, 'id'>
  drafts!: EntityTable<Draft, 'key'>
  filings!: EntityTable<LocalFiling, 'id'>
  meta!: EntityTable<MetaEntry, 'key'>

  constructor(name = 'yidi') {
    // Strict durability: when the app says "saved", the write is on disk, not in an OS buffer.
    super(name, { chromeTransactionDurability: 'strict' })
    // Schema changes only ever add a new version below; never edit a released one.
    this.version(1).stores({
      outbox: 'id, createdAt, status, [status+createdAt]',
      drafts: 'key, updatedAt',
      filings: 'id, filingNumber, status, updatedAt',
      meta: 'key',
    })
  }
}

/** The app's one database. Tests make their own `new YidiDatabase(name)`. */
export const db = new YidiDatabase()
