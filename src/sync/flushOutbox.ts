import type { YidiDatabase } from '../db/database'
import type { FlushLock } from './flushLock'
import { type LocalEffects, localEffects } from './localEffects'
import { MAX_BATCH_ACTIONS, MAX_BATCH_BYTES, nextBatch, toEnvelope } from './nextBatch'
import { rejectLocally, storeResults } from './storeResults'
import type { SyncTransport } from './transport'
import { type AttachmentUploader, uploadAttachments } from './uploadAttachments'

/** How a flush ended, which decides what the scheduler does next. */
export type FlushOutcome =
  /** Nothing left to send here; `sent`: how many the server answered in this flush. */
  | { kind: 'drained', sent: number }
  /** The session ended: wait for sign-in, keep everything. */
  | { kind: 'paused-auth' }
  | { kind: 'retry-later', retryAfterMs?: number, reason: string }
  /** Another tab is flushing. */
  | { kind: 'busy' }

export interface FlushProgress {
  sent: number
  total: number
}

export interface FlushOptions {
  database: YidiDatabase
  transport: SyncTransport
  lock: FlushLock
  deviceId: string
  /** The signed-in account: only actions made under it (or under none) are sent. */
  account?: string | undefined
  maxActions?: number
  maxBytes?: number
  effects?: LocalEffects
  /** Sends the files actions refer to; needed only when some action has attachments. */
  uploadAttachment?: AttachmentUploader
  onProgress?: (progress: FlushProgress) => void
}

const TOO_LARGE = { code: 'too_large', message: '这条记录的数据超过了单次同步的上限，无法发送。请删除后重新填写（例如减少或压缩附件）。' }

/**
 * Sends pending actions in creation order, batch after batch, until none is left or the network
 * or the session says stop. An action counts as sent only once the server's answer for it is
 * stored here; if anything fails in between, it is sent again and the server answers `duplicate`.
 */
export async function flushOutbox(options: FlushOptions): Promise<FlushOutcome> {
  const outcome = await options.lock.runExclusive(() => flushBatches(options))
  return outcome === 'busy' ? { kind: 'busy' } : outcome
}

async function flushBatches(options: FlushOptions): Promise<FlushOutcome> {
  const { database, transport } = options
  const effects = options.effects ?? localEffects
  const maxBytes = options.maxBytes ?? MAX_BATCH_BYTES
  let maxActions = options.maxActions ?? MAX_BATCH_ACTIONS
  // Counted on the index: actions waiting for another account are included, and never sent here.
  const total = await database.outbox.where('status').equals('pending').count()
  let sent = 0
  options.onProgress?.({ sent, total })

  for (;;) {
    const batch = await nextBatch(database, maxActions, maxBytes, options.account)
    if (batch.oversized.length > 0)
      await rejectLocally(database, batch.oversized, TOO_LARGE, effects)
    if (batch.entries.length === 0)
      return { kind: 'drained', sent }
    if (options.uploadAttachment && batch.entries.some(entry => entry.attachmentIds?.length)) {
      const uploads = await uploadAttachments(database, batch.entries, options.uploadAttachment)
      if (uploads.kind === 'unauthorized')
        return { kind: 'paused-auth' }
      if (uploads.kind === 'retry')
        return { kind: 'retry-later', reason: uploads.reason, ...(uploads.retryAfterMs === undefined ? {} : { retryAfterMs: uploads.retryAfterMs }) }
      for (const { entry, code, message } of uploads.refused)
        await rejectLocally(database, [entry], { code, message }, effects)
      if (uploads.refused.length > 0)
        continue
    }

    const outcome = await transport({ deviceId: options.deviceId, actions: batch.entries.map(toEnvelope) })
    switch (outcome.kind) {
      case 'answered': {
        const stored = await storeResults(database, batch.entries, outcome.response.results, effects)
        // An answer about none of the actions sent would loop forever on the same batch.
        if (stored === 0)
          return { kind: 'retry-later', reason: 'the server answered without results' }
        sent += stored
        options.onProgress?.({ sent, total: Math.max(total, sent) })
        break
      }
      case 'too-large':
        // The server's limit is lower than ours: halve and try again; one action alone can't be split.
        if (batch.entries.length === 1)
          await rejectLocally(database, batch.entries, TOO_LARGE, effects)
        maxActions = Math.max(1, Math.ceil(batch.entries.length / 2))
        break
      case 'refused':
        await rejectLocally(database, batch.entries, { code: outcome.code, message: outcome.message }, effects)
        break
      case 'unauthorized':
        return { kind: 'paused-auth' }
      case 'retry':
        return { kind: 'retry-later', reason: outcome.reason, ...(outcome.retryAfterMs === undefined ? {} : { retryAfterMs: outcome.retryAfterMs }) }
    }
  }
}
