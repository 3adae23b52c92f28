import { Dexie, type EntityTable } from 'dexie'
import type { DesignatedHospital } from '../domain/schemas/hospital'
import type { Filing } from '../domain/filing/filing'
import type { Refusal } from '../domain/refusal'
import type { FilingHistoryEntry } from '../domain/schemas/filing'
import type { ActionPayload, ActionType } from '../domain/schemas/actions'
import { databaseComesIntoUse } from './databaseInUse'
import { DATABASE_NAME } from './databaseName'

/** Where an action stands on its way to the server. */
export type OutboxStatus = 'pending' | 'sending' | 'applied' | 'rejected'

/** One action a person took, of type `T`, kept until the server has answered for it. */
export interface OutboxEntryOf<T extends ActionType> {
  /** UUID; also the idempotency key the server stores. */
  id: string
  type: T
  /** The payload as the rulebook schema parsed it. */
  payload: ActionPayload<T>
  /** UTC ISO-8601, the order actions are sent in. */
  createdAt: string
  status: OutboxStatus
  /** The record the action is about (a filing's id), so its other actions are found by index. */
  subject?: string
  dependsOn?: string[]
  attempts: number
  /** The server's reason when it refused the action. */
  error?: Refusal
  /** The server's answer once applied (`actionResultSchemas`). */
  result?: unknown
  /** Local attachments to upload before the action is sent. */
  attachmentIds?: string[]
  /** The account signed in when the action was made (`StoredSession.account`); only it sends the action. */
  account?: string
}

/** An outbox entry of any of the types in `T`, narrowed by its `type`. */
export type OutboxEntry<T extends ActionType = ActionType> = { [K in T]: OutboxEntryOf<K> }[T]

/**
 * An entry of one type as an entry of the table. TypeScript cannot see that `OutboxEntryOf<T>`
 * for a generic `T` is one of the union's members, so it is told here, once.
 */
export function asOutboxEntry<T extends ActionType>(entry: OutboxEntryOf<T>): OutboxEntry {
  return entry as OutboxEntry
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
  /** The filing's id, made on the phone (`filingId`); the 备案编号 comes from the server. */
  id: string
  filingNumber?: string
  /** Where the record stands on its way to the server. */
  status: 'pending' | 'synced' | 'rejected'
  record: FilingRecord
  /**
   * The credential's QR, drawn once the credential reached the device (`drawCredentialQrs`), so
   * the filing's page shows it without encoding it first. Kept with the credential it draws: a
   * changed credential is drawn anew.
   */
  credentialQr?: { credential: string, image: string }
  updatedAt: string
}

/** What the phone keeps of a filing: the rules' view, who it is for, and its credential. */
export interface FilingRecord {
  filing: Filing
  holder: { name: string, idNumber: string }
  /** `family`: filed on this device for someone else (代办); `own`: the signed-in person's. */
  relation: 'own' | 'family'
  /** Set when a family member filed it (代办). */
  agent?: { name: string, relationship: string }
  /** The form as filed (the `filing.create` payload with later changes), for print and detail. */
  form?: Record<string, unknown>
  /**
   * The server's own version while edits made on this phone wait to be answered; the filing shown
   * is it with those edits applied, so a refused or discarded edit disappears again.
   */
  confirmed?: Filing
  /** Compact signed credential (shown as a QR code), once the server has issued it. */
  credential?: string
  /** The 办理记录 of the holder's own filing, from the server: who did what, when. */
  history?: FilingHistoryEntry[]
}

/** A trauma commitment signed on this counter tablet, with its sync state. */
export interface LocalTraumaCommitment {
  /** `commitmentId`. */
  id: string
  status: 'pending' | 'synced' | 'rejected'
  /** The sealed `trauma.sign` payload: form, signature, strokes and digest. */
  payload: ActionPayload<'trauma.sign'>
  createdAt: string
  /** The server's receipt time once synced. */
  receivedAt?: string
}

/** A photo or PDF kept on the device until the server has it (materials travel outside the batch). */
export interface LocalAttachment {
  /** Chosen on the device; the server stores the file under the same id. */
  id: string
  blob: Blob
  mime: string
  name: string
  size: number
  createdAt: string
  uploadedAt?: string
}

/** A directory entry the phone has seen online, so the same search answers offline. */
export interface LocalHospital extends DesignatedHospital {
  savedAt: string
}

/**
 * A lock on the whole device (patient mode), seen by every tab and kept across a browser
 * restart; the hand-over PIN is only a salted PBKDF2 hash (src/features/trauma/patientMode.ts).
 */
export interface DeviceLock {
  /** `patient-mode`: the tablet shows only the trauma commitment form. */
  key: 'patient-mode'
  pin: { salt: string, hash: string, iterations: number }
  /** Wrong PINs so far, each counted before it is checked (two tabs share one count). */
  failedPins: number
  /** A wrong-PIN streak makes the next try wait until then (ms since epoch). */
  retryAfter?: number
  /** The staff account that handed the tablet over: its password unlocks it even after the session ended. */
  staff?: string
  /** Which commitment the patient is filling in: the admission it follows, and that admission's action. */
  resume: { admissionId?: string, after?: string }
  lockedAt: string
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
  attachments!: EntityTable<LocalAttachment, 'id'>
  trauma!: EntityTable<LocalTraumaCommitment, 'id'>
  hospitals!: EntityTable<LocalHospital, 'code'>
  locks!: EntityTable<DeviceLock, 'key'>

  constructor(name = DATABASE_NAME) {
    // Strict durability: when the app says "saved", the write is on disk, not in an OS buffer.
    super(name, { chromeTransactionDurability: 'strict' })
    // Schema changes only ever add a new version below; never edit a released one.
    this.version(1).stores({
      outbox: 'id, createdAt, status, [status+createdAt]',
      drafts: 'key, updatedAt',
      filings: 'id, filingNumber, status, updatedAt',
      meta: 'key',
    })
    this.version(2).stores({
      attachments: 'id, createdAt',
    })
    this.version(3).stores({
      trauma: 'id, status, createdAt',
    })
    this.version(4).stores({
      outbox: 'id, createdAt, status, [status+createdAt], subject',
    }).upgrade(async (transaction) => {
      await transaction.table('outbox').toCollection().modify((entry: { payload?: { filingId?: unknown }, subject?: string }) => {
        if (typeof entry.payload?.filingId === 'string')
          entry.subject = entry.payload.filingId
      })
    })
    // Not personal: the 定点医疗机构 directory as far as this phone has searched it online.
    this.version(7).stores({
      hospitals: 'code, city',
    })
    // Patient mode belongs to the device, not to one tab (sessionStorage before).
    this.version(8).stores({
      locks: 'key',
    })
  }
}

/** The app's one database. Tests make their own `new YidiDatabase(name)`. */
export const db = new YidiDatabase()

// Whatever loads this module is about to read or write the database: what waits for it may start.
databaseComesIntoUse()
