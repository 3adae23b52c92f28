import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { manualClaimDeadline } from '../../src/domain/filing/counterNotes.ts'
import type { ActionResult } from '../../src/domain/schemas/results.ts'
import { admissionPolicy, syncAdmissionReminders } from '../reminders/admissionReminders.ts'
import type { ActionHandler } from '../sync/actionHandler.ts'
import { reject } from '../sync/actionHandler.ts'

/**
 * `admission.discharge` (counter): this hospital's stay left without direct settlement, so the
 * person paid and claims at the 参保地 (Jilin 第十五条 "未直接结算的，在次年年底前可…申请手工报销").
 * Recorded once, for a stay not settled directly; the discharge day is judged by the server's
 * China day. The person is reminded of the claim's last day by SMS and on the phone, and the
 * answer names it so the counter can say it.
 */
export const admissionDischarge: ActionHandler<'admission.discharge'> = async (db, { caller, now }, payload) => {
  if (caller.role !== 'counter')
    return reject('forbidden', '出院登记仅限医保窗口')
  const admission = await db.selectFrom('admissions').selectAll().where('admission_id', '=', payload.admissionId).executeTakeFirst()
  if (!admission || admission.hospital_code !== caller.hospitalCode)
    return reject('admission_not_found', '未找到本院的这条入院登记，请先办理入院登记', 'admissionId')
  if (await db.selectFrom('settlements').select('settlement_id').where('admission_id', '=', admission.admission_id).executeTakeFirst())
    return reject('stay_already_settled', '这次住院已经直接结算，无需登记未结算出院', 'admissionId')
  if (admission.discharged_unsettled_on !== null)
    return reject('already_discharged', `这次住院已于${admission.discharged_unsettled_on}登记出院`, 'admissionId')
  if (payload.dischargedOn < admission.admission_date)
    return reject('discharge_before_admission', `出院日期不能早于入院日期（${admission.admission_date}）`, 'dischargedOn')
  if (payload.dischargedOn > chinaDateOf(now))
    return reject('discharge_in_future', '出院日期不能晚于今天', 'dischargedOn')
  await db.updateTable('admissions').set({ discharged_unsettled_on: payload.dischargedOn }).where('admission_id', '=', admission.admission_id).execute()
  await syncAdmissionReminders(db, admission.admission_id, now)
  const known = await admissionPolicy(db, admission)
  const claimDeadline = known ? manualClaimDeadline(known.policy, payload.dischargedOn) : null
  return { result: { admissionId: admission.admission_id, dischargedOn: payload.dischargedOn, claimDeadline } satisfies ActionResult<'admission.discharge'> }
}
