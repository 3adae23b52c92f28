import type { ClaimSubmitInput } from '../../domain/schemas/claim'
import { submitAction } from '../../sync/submitAction'

/**
 * Queues a 手工报销 claim (works offline): its invoice and cost-detail photos are uploaded
 * through the attachment path before the action is sent.
 */
export function submitClaim(payload: ClaimSubmitInput): Promise<string> {
  return submitAction('claim.submit', payload, { attachmentIds: [...payload.invoicePhotos, ...payload.costDetailPhotos] })
}
