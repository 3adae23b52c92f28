import { syncResponseSchema } from '../domain/schemas/sync'
import type { SyncTransport, TransportOutcome } from './transport'
import type { AttachmentUploader } from './uploadAttachments'

export interface HttpTransportOptions {
  /** e.g. `/api` in the browser or `http://127.0.0.1:8080/api` in Node. */
  apiBase: string
  /** The current session token, or undefined when nobody is signed in. */
  token: () => Promise<string | undefined> | string | undefined
  /** A request that takes longer is abandoned and retried (its answer may still be stored: replays are safe). */
  timeoutMs?: number
  fetch?: typeof globalThis.fetch
}

/** `POST {apiBase}/sync` with the session token, mapping HTTP statuses to flusher decisions. */
export function httpTransport(options: HttpTransportOptions): SyncTransport {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis)
  return async (body) => {
    const token = await options.token()
    if (!token)
      return { kind: 'unauthorized' }
    let response: Response
    try {
      response = await send(`${options.apiBase}/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      })
    }
    catch (error) {
      return { kind: 'retry', reason: error instanceof Error ? error.message : 'network error' }
    }
    return outcomeOf(response)
  }
}

/** `PUT {apiBase}/attachments/:id` with the file's bytes, before the action that refers to it. */
export function httpAttachmentUploader(options: HttpTransportOptions): AttachmentUploader {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis)
  return async (attachment) => {
    const token = await options.token()
    if (!token)
      return { kind: 'unauthorized' }
    try {
      const response = await send(`${options.apiBase}/attachments/${attachment.id}`, {
        method: 'PUT',
        headers: { 'content-type': attachment.mime, 'authorization': `Bearer ${token}` },
        body: attachment.blob,
        signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
      })
      if (response.ok)
        return { kind: 'answered', response: { results: [], serverTime: new Date().toISOString() } }
      return await outcomeOf(response)
    }
    catch (error) {
      return { kind: 'retry', reason: error instanceof Error ? error.message : 'network error' }
    }
  }
}

async function outcomeOf(response: Response): Promise<TransportOutcome> {
  const { status } = response
  if (status === 200) {
    const parsed = syncResponseSchema.safeParse(await response.json().catch(() => undefined))
    return parsed.success
      ? { kind: 'answered', response: parsed.data }
      : { kind: 'retry', reason: 'unreadable answer' }
  }
  if (status === 401)
    return { kind: 'unauthorized' }
  if (status === 413)
    return { kind: 'too-large' }
  if (status === 408 || status === 429 || status >= 500)
    return { kind: 'retry', reason: `HTTP ${status}`, ...retryAfter(response.headers.get('retry-after')) }
  const problem = await response.json().catch(() => ({})) as { code?: string, detail?: string, title?: string }
  return { kind: 'refused', status, code: problem.code ?? `http_${status}`, message: problem.detail ?? problem.title ?? `服务器拒绝了请求（${status}）` }
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfter(header: string | null): { retryAfterMs?: number } {
  if (!header)
    return {}
  const seconds = Number(header)
  if (Number.isFinite(seconds))
    return { retryAfterMs: Math.max(0, seconds * 1000) }
  const at = Date.parse(header)
  return Number.isNaN(at) ? {} : { retryAfterMs: Math.max(0, at - Date.now()) }
}
