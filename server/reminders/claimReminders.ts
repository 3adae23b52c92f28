import type { Kysely } from 'kysely'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import { rejectedClaimDeadlines } from '../../src/domain/reminders/claimDeadlines.ts'
import type { ClaimSubmitPayload } from '../../src/domain/schemas/claim.ts'
import { careEndedOn } from '../../src/domain/claims/claimDeadline.ts'
import { insuredOwnerKey, loadOwnerKeyPepper } from '../auth/ownerKeys.ts'
import { claimById, formOf } from '../claims/repository.ts'
import type { Database } from '../store/index.ts'
import { cancelReminder, syncReminders } from './syncReminders.ts'

/**
 * Jilin 第十五条: after a claim is decided, its deadline is reminded if it may be made again
 * (rejected), by the policy of the claim's own 参保地.
 */
export async function syncClaimReminders(db: Kysely<Database>, claimId: string, now: Date): Promise<void> {
  const claim = await claimById(db, claimId)
  if (!claim)
    return
  const policy = policyFor(claim.insured_region)
  const owner = insuredOwnerKey(await loadOwnerKeyPepper(db), claim.id_number)
  const deadlines = rejectedClaimDeadlines({ claimId, status: claim.status, careEndedOn: claim.care_ended_on }, policy)
  await syncReminders(db, { kind: 'claim', id: claimId, owner }, deadlines, policy, now)
}

/**
 * A claim submitted for care the person was being reminded to claim: the reminder is met and
 * cancelled. The same care is the same patient, kind, hospital, admission and end of care.
 */
export async function cancelClaimedReminders(db: Kysely<Database>, payload: ClaimSubmitPayload, now: Date): Promise<void> {
  const owner = insuredOwnerKey(await loadOwnerKeyPepper(db), payload.idNumber)
  const pending = await db.selectFrom('reminders').select(['id', 'subject_id'])
    .where('owner', '=', owner).where('kind', '=', 'manual_claim_due').where('subject_kind', '=', 'claim')
    .where('status', 'in', ['due', 'sending']).execute()
  for (const reminder of pending) {
    const earlier = await claimById(db, reminder.subject_id)
    const form = earlier && formOf(earlier)
    if (form && form.kind === payload.kind && careEndedOn(form) === careEndedOn(payload)
      && form.hospitalName === payload.hospitalName && form.admissionDate === payload.admissionDate)
      await cancelReminder(db, reminder.id, now)
  }
}
