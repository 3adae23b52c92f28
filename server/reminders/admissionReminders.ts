import type { Kysely, Selectable } from 'kysely'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import type { RegionPolicy } from '../../src/domain/policy/types.ts'
import { stayDeadlines } from '../../src/domain/reminders/stayDeadlines.ts'
import { inForceOn } from '../../src/domain/registry/inForceOn.ts'
import type { InsuredRecord } from '../../src/domain/schemas/registry.ts'
import { insuredOwnerKey, loadOwnerKeyPepper } from '../auth/ownerKeys.ts'
import { filingsOfHolder } from '../filing/repository.ts'
import { coverageOnRecord } from '../registry/patientOnRecord.ts'
import { recordsOf } from '../registry/repository.ts'
import type { Database } from '../store/index.ts'
import type { AdmissionsTable } from '../store/schema.ts'
import { syncReminders } from './syncReminders.ts'

type AdmissionRow = Pick<Selectable<AdmissionsTable>, 'admission_id' | 'id_number' | 'name' | 'admission_date' | 'admission_type' | 'staff_username' | 'discharged_unsettled_on'>

const admissionColumns = ['admission_id', 'id_number', 'name', 'admission_date', 'admission_type', 'staff_username', 'discharged_unsettled_on'] as const

/** The patient's registry records under the admission's 姓名, and the policy of the one in force on the admission day. */
export async function admissionPolicy(db: Kysely<Database>, admission: Pick<AdmissionRow, 'id_number' | 'name' | 'admission_date'>): Promise<{ records: InsuredRecord[], insuredRegion: string, policy: RegionPolicy } | undefined> {
  const records = (await recordsOf(db, admission.id_number)).filter(record => record.name === admission.name)
  const record = records.find(item => inForceOn(item, admission.admission_date)) ?? records[0]
  return record && { records, insuredRegion: record.insuredRegion, policy: policyFor(record.insuredRegion) }
}

/**
 * The deadlines of one stay from the server's own records, by the policy of the 参保地 on record
 * on the admission day (a region that sets no such deadline reminds of none):
 * - Hebei 第十一条 "因病情紧急等特殊情况未来得及备案的，可先行住院，10日内补办备案": an emergency
 *   admission no filing covers. A filing that covers it (one in effect that day for the hospital's
 *   city, or a 补办 reaching back to it) or its direct settlement cancels the reminder; if that
 *   filing is cancelled, it is due again.
 * - Jilin 第十五条 "未直接结算的，在次年年底前可…申请手工报销": a stay discharged without direct
 *   settlement (`admission.discharge`), counted from that discharge (第十六条). A claim for the
 *   stay cancels it; if that claim is turned down, the claim's own reminder takes over.
 */
async function syncAdmission(db: Kysely<Database>, admission: AdmissionRow, owner: string, now: Date): Promise<void> {
  const known = await admissionPolicy(db, admission)
  if (!known)
    return
  const settled = await db.selectFrom('settlements').select('settlement_id').where('admission_id', '=', admission.admission_id).executeTakeFirst()
  let filed = settled !== undefined
  if (!filed && admission.admission_type === 'emergency') {
    const staff = await db.selectFrom('staff_accounts').select('city_code').where('username', '=', admission.staff_username).executeTakeFirst()
    const filings = (await filingsOfHolder(db, admission.id_number)).filter(item => item.holder.name === admission.name).map(item => item.filing)
    // Asked as a normal admission: an emergency one is "deemed" covered, which is what the 补办 is for.
    filed = staff !== undefined && coverageOnRecord(known.records, { filings, hospitalCity: staff.city_code, admissionDate: admission.admission_date, admissionType: 'normal' }).outcome === 'valid'
  }
  const discharged = admission.discharged_unsettled_on
  const claimed = discharged !== null && await db.selectFrom('claims').select('claim_id')
    .where('id_number', '=', admission.id_number).where('kind', '=', 'inpatient').where('care_ended_on', '=', discharged)
    .executeTakeFirst() !== undefined
  const deadlines = stayDeadlines({
    stayId: admission.admission_id,
    admissionDate: admission.admission_date,
    admissionType: admission.admission_type === 'emergency' ? 'emergency' : 'normal',
    // Once discharged the 补办 can no longer make the stay settle directly: the claim is what is left.
    filed: filed || discharged !== null,
    selfPaidDischargeOn: claimed ? null : discharged,
  }, known.policy)
  await syncReminders(db, { kind: 'admission', id: admission.admission_id, owner }, deadlines, known.policy, now)
}

/** The reminders of one admission, after the counter recorded it or its discharge. */
export async function syncAdmissionReminders(db: Kysely<Database>, admissionId: string, now: Date): Promise<void> {
  const admission = await db.selectFrom('admissions').select(admissionColumns).where('admission_id', '=', admissionId).executeTakeFirst()
  if (admission)
    await syncAdmission(db, admission, insuredOwnerKey(await loadOwnerKeyPepper(db), admission.id_number), now)
}

/** The reminders of a person's stays that may have any, after one of their filings or claims changed. */
export async function syncHolderAdmissionReminders(db: Kysely<Database>, idNumber: string, now: Date): Promise<void> {
  const admissions = await db.selectFrom('admissions').select(admissionColumns)
    .where('id_number', '=', idNumber)
    .where(eb => eb.or([eb('admission_type', '=', 'emergency'), eb('discharged_unsettled_on', 'is not', null)]))
    .execute()
  if (admissions.length === 0)
    return
  const owner = insuredOwnerKey(await loadOwnerKeyPepper(db), idNumber)
  for (const admission of admissions)
    await syncAdmission(db, admission, owner, now)
}
