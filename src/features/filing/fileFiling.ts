import type { FilingCreatePayload } from '../../domain/schemas/filing'
import { submitAction } from '../../sync/submitAction'

/**
 * Files the filing: one outbox action (with its proof files to upload first) and the optimistic
 * record, written together. Online it is active within a moment; offline it waits in the outbox.
 */
export async function fileFiling(payload: FilingCreatePayload): Promise<string> {
  const attachmentIds = (payload.materials ?? []).flatMap(material => (material.fileRef ? [material.fileRef] : []))
  await submitAction('filing.create', payload, attachmentIds.length ? { attachmentIds } : {})
  return payload.filingId
}
