import type { YidiDatabase } from '../db/database'
import { deviceId } from '../db/deviceId'
import { defaultFlushLock, type FlushLock } from './flushLock'
import { type FlushOutcome, flushOutbox, type FlushProgress } from './flushOutbox'
import { httpAttachmentUploader, httpTransport, type HttpTransportOptions } from './httpTransport'
import { LAST_SYNCED_KEY } from './lastSynced'
import type { LocalEffects } from './localEffects'
import { createSyncScheduler, type SyncScheduler } from './syncScheduler'

export interface SyncEngineOptions extends HttpTransportOptions {
  database: YidiDatabase
  /** The signed-in account (`StoredSession.account`), read at each flush. */
  account?: () => Promise<string | undefined>
  lock?: FlushLock
  effects?: LocalEffects
  random?: () => number
  /** Actions per request (≤ 500, the server's limit); smaller batches only in tests. */
  maxActions?: number
  /** Timer behind the backoff; tests shorten the waits with their own. */
  setTimer?: (callback: () => void, ms: number) => unknown
  onFlushStart?: () => void
  onProgress?: (progress: FlushProgress) => void
  onOutcome?: (outcome: FlushOutcome) => void
}

/**
 * The outbox engine assembled: HTTP transport, one-flusher-at-a-time lock, backoff scheduler.
 * The same engine runs in the browser and in Node (the chaos test drives it there).
 */
export function createSyncEngine(options: SyncEngineOptions): SyncScheduler {
  const { database } = options
  const lock = options.lock ?? defaultFlushLock(database, crypto.randomUUID())
  const transport = httpTransport(options)
  const uploadAttachment = httpAttachmentUploader(options)
  let device: Promise<string> | undefined

  return createSyncScheduler({
    random: options.random,
    ...(options.setTimer ? { setTimer: options.setTimer } : {}),
    async flush() {
      options.onFlushStart?.()
      return flushOutbox({
        database,
        transport,
        uploadAttachment,
        lock,
        deviceId: await (device ??= deviceId(database)),
        account: await options.account?.(),
        ...(options.maxActions ? { maxActions: options.maxActions } : {}),
        ...(options.effects ? { effects: options.effects } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      })
    },
    onOutcome(outcome) {
      // "上次同步" is when the server last answered something, not when there was nothing to send.
      if (outcome.kind === 'drained' && outcome.sent > 0)
        void database.meta.put({ key: LAST_SYNCED_KEY, value: new Date().toISOString() })
      options.onOutcome?.(outcome)
    },
  })
}
