import type { RegionPolicy } from '../policy/types'
import type { Deadline } from './deadline'
import { manualClaimDeadline } from '../filing/counterNotes'

/** A 手工报销 claim as far as its deadline needs it. */
export interface KnownClaim {
  claimId: string
  status: 'submitted' | 'reviewing' | 'approved' | 'rejected'
  /** The discharge of a stay or the day of an outpatient visit. */
  careEndedOn: string
}

/**
 * Jilin 第十五条 "未直接结算的，在次年年底前可…申请手工报销", counted from the discharge (第十六条
 * "按照出院时间核定待遇"): a claim the agency turned down may be made again — the server answers
 * "如上次未通过，可重新申请" — until the same last day, so a rejected claim reminds of it. A claim
 * still open or paid has nothing left to claim, and a region without a deadline reminds of none.
 */
export function rejectedClaimDeadlines(claim: KnownClaim, policy: RegionPolicy): Deadline[] {
  const date = claim.status === 'rejected' ? manualClaimDeadline(policy, claim.careEndedOn) : null
  if (date === null)
    return []
  return [{ kind: 'manual_claim_due', date, subject: claim.claimId, article: '吉医保规〔2023〕4号 第十五条、第十六条', reason: '报销申请未通过的，可在此日前重新申请手工报销' }]
}
