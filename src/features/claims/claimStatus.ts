import type { MyClaim } from './myClaims'

/** How a claim reads on the phone: a state key of `claims.states`, and the amount or reason that goes with it. */
export type ClaimStatusView =
  | { state: 'waiting' | 'submitted' | 'reviewing' }
  | { state: 'approved', fundPaidFen: number }
  | { state: 'rejected', reason: string | null }

/** The state shown for a claim: `waiting` while it is still on this phone, then the server's. */
export function claimStatusView(claim: MyClaim | undefined): ClaimStatusView {
  if (!claim)
    return { state: 'waiting' }
  if (claim.status === 'approved')
    return { state: 'approved', fundPaidFen: claim.payment?.fundPaidFen ?? 0 }
  if (claim.status === 'rejected')
    return { state: 'rejected', reason: claim.note }
  return { state: claim.status }
}
