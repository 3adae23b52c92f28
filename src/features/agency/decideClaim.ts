import type { ClaimDecidePayload } from '../../domain/schemas/claim'
import type { ActionResult } from '../../domain/schemas/results'
import type { SyncResult } from '../../domain/schemas/sync'
import { agencyApi } from './agencySession'

/**
 * Sends the desk's decision as one `claim.decide` action. `actionId` is made once per decision
 * on the screen and sent again on a retry, so a decision whose answer was lost is answered from
 * the server's record instead of being applied twice.
 */
export async function decideClaim(actionId: string, payload: ClaimDecidePayload): Promise<SyncResult> {
  const { results } = await agencyApi<{ results: SyncResult[] }>('/sync', {
    body: { deviceId: 'agency-desk', actions: [{ id: actionId, type: 'claim.decide', payload, createdAt: new Date().toISOString() }] },
  })
  return results[0]!
}

export type ClaimDecision = ActionResult<'claim.decide'>
