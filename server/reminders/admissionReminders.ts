import type { Kysely, Selectable } from 'kysely'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import { stayDeadlines } from '../../src/domain/reminders/stayDeadlines.ts'
import { inForceOn } from '../../src/domain/registry/inForceOn.ts'
import { insuredOwnerKey, loadOwnerKeyPepper } from '../auth/ownerKeys.ts'
import { filingsOfHolder } from '../filing/repository.ts'
import { coverageOnRecord } from '../registry/patientOnRecord.ts'
import { recordsOf } from '../registry/repository.ts'
import type { Database } from '../store/index.ts'
import type { AdmissionsTable } from '../store/schema.ts'
import { syncReminders } from './syncReminders.ts'

type AdmissionRow = Pick<Selectable<AdmissionsTable>, 'admission_id' | 'id_number' | 'name' | 'admission_date' | 'admission_type' | 'staff_username'>

/**
 * Hebei 第十一条 "因病情紧急等特殊情况未来得及备案的，可先行住院，10日内补办备案": an emergency
 * admission with no filing covering it gets a reminder of the 补办's last day, by the policy of
 * the 参保地 on record on the admission day (only regions that set such a window remind). A
 * filing that covers the admission — one in effect that day for the hospital's city, or a 补办
 * reaching back to it — cancels the reminder; if that filing is cancelled, it is due again.
 */
async function syncAdmission(db: Kysely<Database>, admission: AdmissionRow, owner: string, now: Date): Promise<void> {
  const records = (await recordsOf(db, admission.id_number)).filter(record => record.name === admission.name)
  const record = records.find(item => inForceOn(item, admission.admission_date)) ?? records[0]
  if (!record)
    return
  const staff = await db.selectFrom('staff_accounts').select('city_code').where('username', '=', admission.staff_username).executeTakeFirst()
  const filings = (await filingsOfHolder(db, admission.id_number)).filter(item => item.holder.name === admission.name).map(item => item.filing)
  // Asked as a normal admission: an emergency one is "deemed" covered, which is what the 补办 is for.
  const coverage = staff
    ? coverageOnRecord(records, { filings, hospitalCity: staff.city_code, admissionDate: admission.admission_date, admissionType: 'normal' })
    : undefined
  const policy = policyFor(record.insuredRegion)
  const deadlines = stayDeadlines({
    stayId: admission.admission_id,
    admissionDate: admission.admission_date,
    admissionType: admission.admission_type === 'emergency' ? 'emergency' : 'normal',
    filed: coverage?.outcome === 'valid',
    selfPaidDischargeOn: null,
  }, policy)
  await syncReminders(db, { kind: 'admission', id: admission.admission_id, owner }, deadlines, policy, now)
}

const admissionColumns = ['admission_id', 'id_number', 'name', 'admission_date', 'admission_type', 'staff_username'] as const

/** The 补办 reminder of one admission, just recorded by the counter. */
export async function syncAdmissionReminders(db: Kysely<Database>, admissionId: string, now: Date): Promise<void> {
  const admission = await db.selectFrom('admissions').select(admissionColumns).where('admission_id', '=', admissionId).executeTakeFirst()
  if (admission?.admission_type !== 'emergency')
    return
  await syncAdmission(db, admission, insuredOwnerKey(await loadOwnerKeyPepper(db), admission.id_number), now)
}

/** The 补办 reminders of a person's emergency admissions, after one of their filings changed. */
export async function syncHolderAdmissionReminders(db: Kysely<Database>, idNumber: string, now: Date): Promise<void> {
  const admissions = await db.selectFrom('admissions').select(admissionColumns)
    .where('id_number', '=', idNumber).where('admission_type', '=', 'emergency').execute()
  if (admissions.length === 0)
    return
  const owner = insuredOwnerKey(await loadOwnerKeyPepper(db), idNumber)
  for (const admission of admissions)
    await syncAdmission(db, admission, owner, now)
}
