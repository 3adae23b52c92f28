import { db } from '../../db/database'
import type { FilingCancelPayload, FilingChangePayload, FilingSupplementPayload } from '../../domain/schemas/filing'
import { enqueue } from '../../sync/enqueue'

/**
 * A change made while the filing itself still waits in the outbox must reach the server after
 * it: the new action depends on every unsent action about the same filing.
 */
async function unsentActionsFor(filingId: string): Promise<string[]> {
  const waiting = await db.outbox.where('status').anyOf('pending', 'rejected').toArray()
  return waiting.filter(entry => (entry.payload as { filingId?: string }).filingId === filingId).map(entry => entry.id)
}

export async function cancelFiling(payload: FilingCancelPayload): Promise<string> {
  return enqueue(db, 'filing.cancel', payload, { dependsOn: await unsentActionsFor(payload.filingId) })
}

export async function changeFiling(payload: FilingChangePayload): Promise<string> {
  return enqueue(db, 'filing.change', payload, { dependsOn: await unsentActionsFor(payload.filingId) })
}

/** Materials for a promise filing: the files go up first, then the action (Jilin 第六条(二)). */
export async function supplementFiling(payload: FilingSupplementPayload): Promise<string> {
  const attachmentIds = payload.materials.flatMap(material => (material.fileRef ? [material.fileRef] : []))
  return enqueue(db, 'filing.supplement', payload, { dependsOn: await unsentActionsFor(payload.filingId), ...(attachmentIds.length ? { attachmentIds } : {}) })
}
