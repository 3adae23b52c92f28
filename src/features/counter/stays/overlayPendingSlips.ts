import type { OutboxEntry } from '../../../db/database'
import type { OpenStayView, OutsideSlipView } from '../../../domain/schemas/stay'

/**
 * The open stays as the server last listed them, with what this counter did since: slips issued
 * and slip costs recorded offline show at once (and count in the split), like every action of the
 * app, and stay shown once applied until the next list from the server holds them. A refused
 * action shows in the outbox with its reason, not here.
 */
export function overlayPendingSlips<S extends OpenStayView>(stays: readonly S[], entries: readonly OutboxEntry[]): S[] {
  const waiting = entries.filter(entry => entry.status !== 'rejected')
  return stays.map((stay) => {
    const slips: OutsideSlipView[] = stay.slips.map(slip => ({ ...slip }))
    for (const entry of waiting) {
      if (entry.type === 'outsideSlip.issue' && entry.payload.admissionId === stay.admissionId && !slips.some(slip => slip.slipId === entry.payload.slipId)) {
        const { slipId, admissionId, ...form } = entry.payload
        slips.push({ slipId, admissionId, form, items: null, settlementId: null, issuedBy: entry.account ?? '', issuedAt: entry.createdAt })
      }
    }
    for (const entry of waiting) {
      if (entry.type !== 'outsideSlip.recordCosts')
        continue
      const slip = slips.find(item => item.slipId === entry.payload.slipId)
      if (slip && slip.items === null)
        slip.items = entry.payload.items
    }
    return { ...stay, slips }
  })
}

/** True when an entry is a discharge of this stay the server has not answered yet. */
export function isWaitingDischarge(entry: OutboxEntry, admissionId: string): boolean {
  return entry.type === 'settlement.record' && entry.payload.admissionId === admissionId && (entry.status === 'pending' || entry.status === 'sending')
}
