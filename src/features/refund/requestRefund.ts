import { chinaDateOf } from '../../domain/dates/calendarDate'
import { submitAction } from '../../sync/submitAction'

/** Asks for a refund of one of the person's own settlements (退费申请); works offline. */
export function requestRefund(settlementId: string, reason: string): Promise<string> {
  return submitAction('refund.request', { refundId: crypto.randomUUID(), settlementId, reason, requestedOn: chinaDateOf(new Date()) })
}
