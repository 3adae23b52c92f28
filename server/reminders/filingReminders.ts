import type { Kysely } from 'kysely'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import { filingDeadlines } from '../../src/domain/reminders/filingDeadlines.ts'
import { insuredOwnerKey, loadOwnerKeyPepper } from '../auth/ownerKeys.ts'
import type { StoredFiling } from '../filing/repository.ts'
import type { Database } from '../store/index.ts'
import { syncHolderAdmissionReminders } from './admissionReminders.ts'
import { syncReminders } from './syncReminders.ts'

/**
 * Brings a filing's SMS reminders in line with its deadlines as the rules compute them now, in the
 * transaction that changed the filing (dates changed, materials supplied, filing cancelled). A
 * filing may also be the 补办 an emergency admission was waiting for (Hebei 第十一条), so the
 * holder's admissions are looked at again too.
 */
export async function syncFilingReminders(db: Kysely<Database>, stored: StoredFiling, now: Date): Promise<void> {
  const policy = policyFor(stored.filing.insuredRegion)
  const owner = insuredOwnerKey(await loadOwnerKeyPepper(db), stored.holder.idNumber)
  await syncReminders(db, { kind: 'filing', id: stored.filing.filingId, owner }, filingDeadlines(stored.filing, policy), policy, now)
  await syncHolderAdmissionReminders(db, stored.holder.idNumber, now)
}
