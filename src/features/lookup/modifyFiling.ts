import { db } from '../../db/database'
import type { FilingCancelPayload, FilingChangePayload, FilingSupplementPayload } from '../../domain/schemas/filing'
import { submitAction } from '../../sync/submitAction'

/**
 * A change made while the filing itself still waits in the outbox must reach the server after
 * it: the new action depends on every unsent action about the same filing.
 */
async function unsentActionsFor(filingId: string): Promise<string[]> {
  return db.outbox.where('subject').equals(filingId).filter(entry => entry.status !== 'applied').primaryKeys()
}

export async function cancelFiling(payload: FilingCancelPayload): Promise<string> {
  return submitAction('filing.cancel', payload, { dependsOn: await unsentActionsFor(payload.filingId) })
}

export async function changeFiling(payload: FilingChangePayload): Promise<string> {
  return submitAction('filing.change', payload, { dependsOn: await unsentActionsFor(payload.filingId) })
}

/** Materials for a promise filing: the files go up first, then the action (Jilin 第六条(二)). */
export async function supplementFiling(payload: FilingSupplementPayload): Promise<string> {
  const attachmentIds = payload.materials.flatMap(material => (material.fileRef ? [material.fileRef] : []))
  return submitAction('filing.supplement', payload, { dependsOn: await unsentActionsFor(payload.filingId), ...(attachmentIds.length ? { attachmentIds } : {}) })
}
