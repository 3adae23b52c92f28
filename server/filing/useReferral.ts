import type { Kysely } from 'kysely'
import { markUsed } from '../../src/domain/filing/transitions.ts'
import { syncFilingReminders } from '../reminders/filingReminders.ts'
import type { Database } from '../store/index.ts'
import { filingById, saveFiling } from './repository.ts'

/**
 * Hebei 第九条: "转诊转院仅限当次异地就医使用". The discharge settlement of the stay a one-visit
 * referral covered uses it up: a new version records the admission day, its QR is revoked, and
 * the next referral to the same place is no longer a duplicate of it. A filing that is not a
 * one-visit referral, or is already used, is left as it is.
 */
export async function useUpReferral(db: Kysely<Database>, filingId: string, admissionDate: string, context: { actionId: string, now: Date }): Promise<void> {
  const stored = await filingById(db, filingId)
  if (!stored?.filing.oneVisit || stored.filing.usedOn !== null)
    return
  const used = { ...stored, filing: markUsed(stored.filing, admissionDate), version: stored.version + 1, credential: null }
  await saveFiling(db, used, { ...context, revokeReason: 'used' })
  // The visit is made: its "one visit only" reminder is no longer to be sent.
  await syncFilingReminders(db, used, context.now)
}
