import { manualClaimDeadline } from '../filing/counterNotes'
import type { RegionPolicy } from '../policy/types'

/** Whether a 手工报销 may still be claimed, and until when (null: the region sets no deadline). */
export type ClaimWindow =
  | { open: true, deadline: string | null }
  | { open: false, reason: 'deadline_passed', deadline: string }
  | { open: false, reason: 'care_not_ended' }

/**
 * Jilin 第十五条: "参保人员异地就医医疗费用未直接结算的，在次年年底前可向受理单位…申请手工报销" —
 * the insured region's deadline counts from the end of the care (a stay's discharge, 第十六条
 * "按照出院时间核定待遇"; an outpatient visit's day). `today` is the deciding side's China day:
 * the server's on the server, the phone's only to warn before the person does the work.
 * Care that has not ended by `today` cannot be claimed yet.
 */
export function claimWindow(policy: RegionPolicy, endedOn: string, today: string): ClaimWindow {
  if (endedOn > today)
    return { open: false, reason: 'care_not_ended' }
  const deadline = manualClaimDeadline(policy, endedOn)
  if (deadline !== null && today > deadline)
    return { open: false, reason: 'deadline_passed', deadline }
  return { open: true, deadline }
}

/** The day the care of a claim ended: a stay's discharge, or the outpatient visit. */
export function careEndedOn(claim: { kind: 'outpatient' | 'inpatient', visitDate?: string | undefined, dischargeDate?: string | undefined }): string | undefined {
  return claim.kind === 'inpatient' ? claim.dischargeDate : claim.visitDate
}
