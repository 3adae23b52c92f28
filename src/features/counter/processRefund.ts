import { chinaDateOf } from '../../domain/dates/calendarDate'
import { submitAction } from '../../sync/submitAction'

/** The counter's decision on a refund request; an approval books the reversal on the server. */
export function processRefund(refundId: string, decision: 'approved' | 'rejected', note?: string): Promise<string> {
  return submitAction('refund.process', { refundId, decision, processedOn: chinaDateOf(new Date()), ...(note ? { note } : {}) })
}
