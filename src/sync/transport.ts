import type { SyncActionEnvelope, SyncResponse } from '../domain/schemas/sync'

export interface SyncRequestBody {
  deviceId: string
  actions: SyncActionEnvelope[]
}

/** What became of one `POST /api/sync`, reduced to what the flusher must do next. */
export type TransportOutcome =
  | { kind: 'answered', response: SyncResponse }
  /** 401: the session ended; keep every action and ask the person to sign in again. */
  | { kind: 'unauthorized' }
  /** 413: the batch is too large for the server; send fewer at once. */
  | { kind: 'too-large' }
  /** Another 4xx: the server refuses the whole batch for a reason retrying will not change. */
  | { kind: 'refused', status: number, code: string, message: string }
  /** Network failure, timeout, 408, 429 or 5xx: try again later, not before `retryAfterMs`. */
  | { kind: 'retry', retryAfterMs?: number, reason: string }

/** Sends one batch; the flusher does not care whether it goes over HTTP or anything else. */
export type SyncTransport = (body: SyncRequestBody) => Promise<TransportOutcome>
