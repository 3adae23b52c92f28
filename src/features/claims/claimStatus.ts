import type { OutboxEntryOf } from '../../db/database'
import type { MyClaim } from './myClaims'

/** How a claim reads on the phone: a state key of `claims.states`, and the amount or reason that goes with it. */
export type ClaimStatusView =
  | { state: 'waiting' | 'submitted' | 'reviewing' }
  | { state: 'approved', fundPaidFen: number }
  | { state: 'rejected', reason: string | null }
  | { state: 'refused', reason: string }

/** One line of the claims list: a claim the server has, or one still (or refused) on this phone. */
export interface ClaimRow {
  claimId: string
  hospitalName: string
  date: string
  paidFen: number
  deadline: string | null
  status: ClaimStatusView
  /** Only for a claim the server has: where the payment goes, masked. */
  payTo?: { bankName: string, accountMasked: string }
}

/** The state the server gives a claim: submitted, under review, approved with the fund's amount, rejected with the reason. */
export function claimStatusView(claim: MyClaim): ClaimStatusView {
  if (claim.status === 'approved')
    return { state: 'approved', fundPaidFen: claim.payment?.fundPaidFen ?? 0 }
  if (claim.status === 'rejected')
    return { state: 'rejected', reason: claim.note }
  return { state: claim.status }
}

/**
 * The list: claims made on this phone the server has not answered yet come first (waiting, or
 * refused with the server's reason, e.g. past the deadline by the server's clock), then the
 * server's claims as last fetched.
 */
export function claimRows(claims: readonly MyClaim[], outbox: readonly OutboxEntryOf<'claim.submit'>[]): ClaimRow[] {
  const known = new Set(claims.map(claim => claim.claimId))
  const local = outbox.filter(entry => entry.status !== 'applied' && !known.has(entry.payload.claimId)).map((entry): ClaimRow => ({
    claimId: entry.payload.claimId,
    hospitalName: entry.payload.hospitalName,
    date: entry.payload.dischargeDate ?? entry.payload.visitDate ?? '',
    paidFen: entry.payload.paidFen,
    deadline: null,
    status: entry.status === 'rejected' ? { state: 'refused', reason: entry.error?.message ?? '' } : { state: 'waiting' },
  }))
  const sent = claims.map((claim): ClaimRow => ({
    claimId: claim.claimId,
    hospitalName: claim.hospitalName,
    date: claim.dischargeDate ?? claim.visitDate ?? '',
    paidFen: claim.paidFen,
    deadline: claim.deadline,
    status: claimStatusView(claim),
    payTo: { bankName: claim.bankName, accountMasked: claim.accountMasked },
  }))
  return [...local, ...sent]
}
