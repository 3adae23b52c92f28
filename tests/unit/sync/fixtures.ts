import type { OutboxEntry } from '../../../src/db/database'
import { YidiDatabase } from '../../../src/db/database'
import type { SyncResult } from '../../../src/domain/schemas/sync'
import type { FlushLock } from '../../../src/sync/flushLock'
import type { SyncRequestBody, SyncTransport, TransportOutcome } from '../../../src/sync/transport'

/** A valid `counter.verify.logged` payload; `n` makes each one distinct. */
export function verificationPayload(n = 0) {
  return {
    verificationId: crypto.randomUUID(),
    idNumber: '11010519491231002X',
    name: `患者${n}`,
    admissionDate: '2026-11-20',
    admissionType: 'normal' as const,
    hospitalCity: '530100',
    method: 'credential_offline' as const,
    outcome: 'valid' as const,
    filingNumber: `BA${String(n).padStart(6, '0')}`,
    verifiedAt: '2026-11-20T08:00:00.000Z',
  }
}

export function freshDatabase(): YidiDatabase {
  return new YidiDatabase(`sync-${crypto.randomUUID()}`)
}

export const noLock: FlushLock = { runExclusive: task => task() }

/** A server stand-in: applies everything unless told otherwise, and records what it was sent. */
export function recordingTransport(decide: (body: SyncRequestBody) => TransportOutcome | undefined = () => undefined) {
  const requests: SyncRequestBody[] = []
  const transport: SyncTransport = async (body) => {
    requests.push(structuredClone(body))
    const decided = decide(body)
    if (decided)
      return decided
    const results: SyncResult[] = body.actions.map(action => ({ id: action.id, status: 'applied', result: { stored: action.id } }))
    return { kind: 'answered', response: { results, serverTime: new Date().toISOString() } }
  }
  return { transport, requests, sentIds: () => requests.flatMap(request => request.actions.map(action => action.id)) }
}

export async function statuses(database: YidiDatabase): Promise<Record<string, OutboxEntry['status']>> {
  return Object.fromEntries((await database.outbox.toArray()).map(entry => [entry.id, entry.status]))
}
