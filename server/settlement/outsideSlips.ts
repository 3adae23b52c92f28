import type { Kysely } from 'kysely'
import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import type { BillItem } from '../../src/domain/money/settle.ts'
import { type SlipCosts, slipTotalFen } from '../../src/domain/money/stayBill.ts'
import { type Refusal, refusal } from '../../src/domain/refusal.ts'
import type { ActionResult } from '../../src/domain/schemas/results.ts'
import type { OutsideSlipIssuePayload } from '../../src/domain/schemas/outsideSlip.ts'
import type { CounterCaller } from '../auth/caller.ts'
import type { Database } from '../store/index.ts'
import type { AdmissionsTable } from '../store/schema.ts'
import type { ActionHandler, ActionHandlers } from '../sync/actionHandler.ts'
import { reject } from '../sync/actionHandler.ts'

/** The slip as issued: the `outsideSlip.issue` payload without its ids. */
export type OutsideSlipForm = Omit<OutsideSlipIssuePayload, 'slipId' | 'admissionId'>

type OpenStay = { ok: true, admission: AdmissionsTable } | { ok: false, refusal: Refusal }

/**
 * An admission of the caller's own hospital that is not yet settled: only such a stay may have a
 * slip issued, or a slip's costs recorded (001 第三十三条: "住院期间").
 */
export async function openStayOf(db: Kysely<Database>, caller: CounterCaller, admissionId: string): Promise<OpenStay> {
  const admission = await db.selectFrom('admissions').selectAll().where('admission_id', '=', admissionId).executeTakeFirst()
  if (!admission || admission.hospital_code !== caller.hospitalCode)
    return { ok: false, refusal: refusal('admission_not_found', '未找到本院的这条入院登记，请先办理入院登记', 'admissionId') }
  if (await db.selectFrom('settlements').select('settlement_id').where('admission_id', '=', admissionId).executeTakeFirst())
    return { ok: false, refusal: refusal('stay_closed', '这次住院已经出院结算，不能再开具外院检查治疗或购药单，也不能再录入其费用', 'admissionId') }
  if (admission.discharged_unsettled_on !== null)
    return { ok: false, refusal: refusal('stay_closed', `这次住院已于${admission.discharged_unsettled_on}登记为未直接结算出院，不能再开具外院检查治疗或购药单；费用请回参保地手工报销`, 'admissionId') }
  return { ok: true, admission }
}

/**
 * `outsideSlip.issue` (counter): a 住院期间外院检查治疗或定点药店购药单 for a patient of one of this
 * hospital's open stays. The row keeps who issued it and when (the audit of the slip).
 */
export const outsideSlipIssue: ActionHandler<'outsideSlip.issue'> = async (db, { caller, now }, payload) => {
  if (caller.role !== 'counter')
    return reject('forbidden', '外院检查治疗或购药单由医保窗口开具')
  if (await db.selectFrom('outside_slips').select('slip_id').where('slip_id', '=', payload.slipId).executeTakeFirst())
    return reject('slip_exists', '这张外院检查治疗或购药单已经开具过', 'slipId')
  const stay = await openStayOf(db, caller, payload.admissionId)
  if (!stay.ok)
    return { reject: stay.refusal }
  if (payload.issuedOn < stay.admission.admission_date)
    return reject('slip_before_admission', `开具日期不能早于入院日期（${stay.admission.admission_date}）`, 'issuedOn')
  if (payload.issuedOn > chinaDateOf(now))
    return reject('slip_in_future', '开具日期不能晚于今天', 'issuedOn')
  const { slipId: _slipId, admissionId: _admissionId, ...form } = payload
  await db.insertInto('outside_slips').values({
    slip_id: payload.slipId,
    admission_id: payload.admissionId,
    hospital_code: caller.hospitalCode,
    issued_by: caller.username,
    issued_at: now.toISOString(),
    form: JSON.stringify(form satisfies OutsideSlipForm),
    costs: null,
    costs_recorded_by: null,
    costs_recorded_at: null,
    settlement_id: null,
    claim_id: null,
  }).execute()
  return { result: { slipId: payload.slipId, admissionId: payload.admissionId } satisfies ActionResult<'outsideSlip.issue'> }
}

/**
 * `outsideSlip.recordCosts` (counter): the slip's costs as they came back, recorded once, while
 * its stay is open; the discharge settlement then includes them (001 第三十三条).
 */
export const outsideSlipRecordCosts: ActionHandler<'outsideSlip.recordCosts'> = async (db, { caller, now }, payload) => {
  if (caller.role !== 'counter')
    return reject('forbidden', '外院费用由医保窗口录入')
  const slip = await db.selectFrom('outside_slips').selectAll().where('slip_id', '=', payload.slipId).executeTakeFirst()
  if (!slip || slip.hospital_code !== caller.hospitalCode)
    return reject('slip_not_found', '未找到本院开具的这张外院检查治疗或购药单', 'slipId')
  const stay = await openStayOf(db, caller, slip.admission_id)
  if (!stay.ok)
    return { reject: stay.refusal }
  if (slip.costs !== null)
    return reject('slip_costs_recorded', '这张单据的费用已经录入过', 'slipId')
  const form = JSON.parse(slip.form) as OutsideSlipForm
  if (payload.recordedOn < form.issuedOn)
    return reject('costs_before_slip', `录入日期不能早于开具日期（${form.issuedOn}）`, 'recordedOn')
  if (payload.recordedOn > chinaDateOf(now))
    return reject('costs_in_future', '录入日期不能晚于今天', 'recordedOn')
  await db.updateTable('outside_slips')
    .set({ costs: JSON.stringify(payload.items), costs_recorded_by: caller.username, costs_recorded_at: now.toISOString() })
    .where('slip_id', '=', payload.slipId)
    .execute()
  return { result: { slipId: payload.slipId, totalFen: slipTotalFen(payload.items) } satisfies ActionResult<'outsideSlip.recordCosts'> }
}

/**
 * The recorded costs of a stay's slips, oldest slip first. A slip whose costs have not come back
 * holds the discharge: settling without them would leave costs the article puts in this stay
 * out of it, and the stay cannot be settled a second time.
 */
export async function slipCostsOfStay(db: Kysely<Database>, admissionId: string): Promise<{ ok: true, slips: SlipCosts[] } | { ok: false, refusal: Refusal }> {
  const rows = await db.selectFrom('outside_slips').selectAll().where('admission_id', '=', admissionId).orderBy('issued_at').orderBy('slip_id').execute()
  const waiting = rows.find(row => row.costs === null)
  if (waiting) {
    const form = JSON.parse(waiting.form) as OutsideSlipForm
    return { ok: false, refusal: refusal('slip_costs_missing', `${form.issuedOn}开具的外院检查治疗或购药单（${form.outsideName}）尚未录入费用：请先录入；未发生费用的，录入为“未发生费用”`, 'admissionId') }
  }
  return { ok: true, slips: rows.map(row => ({ slipId: row.slip_id, items: JSON.parse(row.costs!) as BillItem[] })) }
}

/** The outside-slip handlers of the sync contract (counter only). */
export const outsideSlipHandlers: ActionHandlers = { 'outsideSlip.issue': outsideSlipIssue, 'outsideSlip.recordCosts': outsideSlipRecordCosts }
