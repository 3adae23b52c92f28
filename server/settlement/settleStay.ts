import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import type { InpatientRecord } from '../../src/domain/money/refund.ts'
import { settleInpatient } from '../../src/domain/money/settleInpatient.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import type { ActionResult } from '../../src/domain/schemas/results.ts'
import type { ActionPayload } from '../../src/domain/schemas/actions.ts'
import { isSlipItemId, stayBill } from '../../src/domain/money/stayBill.ts'
import type { Kysely } from 'kysely'
import type { CounterCaller } from '../auth/caller.ts'
import type { Database } from '../store/index.ts'
import type { HandlerOutcome } from '../sync/actionHandler.ts'
import { reject } from '../sync/actionHandler.ts'
import { useUpReferral } from '../filing/useReferral.ts'
import { counterHospitalLevel } from '../hospitals/counterHospital.ts'
import { slipCostsOfStay } from './outsideSlips.ts'
import { syncAdmissionReminders } from '../reminders/admissionReminders.ts'
import { inpatientAccumulatorsNow } from './repository.ts'
import type { StoredSettlement } from './storedSettlement.ts'
import { stayCoverage } from './stayCoverage.ts'

/**
 * A stay settled once, at discharge, against this hospital's admission record (001 第二十八条;
 * Jilin 第十六条). What decides the money comes from the server's own records, not the payload:
 * the 参保地 and 险种 of the insurance relationship that covers the admission, and the ratio cut
 * of the filing that covers it, checked again now so that a filing 补办 before discharge still
 * settles directly (001 二(四)). A typed ratio cut, 参保地 or 险种 is ignored: a counter that
 * settled offline may have had an older answer, and the server's answer is what it shows next.
 * The discharge date is `settledOn`. The hospital level is the directory's where it lists this
 * hospital, and the costs recorded on the stay's 外院检查治疗或购药单 join its bill (001 第三十三条).
 */
export async function settleStay(db: Kysely<Database>, caller: CounterCaller, { now, actionId }: { now: Date, actionId: string }, payload: ActionPayload<'settlement.record'> & { items: NonNullable<ActionPayload<'settlement.record'>['items']> }): Promise<HandlerOutcome> {
  const admission = payload.admissionId
    ? await db.selectFrom('admissions').selectAll().where('admission_id', '=', payload.admissionId).executeTakeFirst()
    : undefined
  if (!admission || admission.hospital_code !== caller.hospitalCode)
    return reject('admission_not_found', '未找到本院的这条入院登记，请先办理入院登记', 'admissionId')
  if (admission.id_number !== payload.idNumber)
    return reject('admission_other_patient', '这条入院登记不是该患者的', 'idNumber')
  if (await db.selectFrom('settlements').select('settlement_id').where('admission_id', '=', admission.admission_id).executeTakeFirst())
    return reject('stay_already_settled', '这次住院已经办理过出院结算，不能重复结算；如需更正请先办理退费', 'admissionId')
  if (admission.discharged_unsettled_on !== null)
    return reject('stay_discharged_unsettled', `这次住院已于${admission.discharged_unsettled_on}登记为未直接结算出院，费用请回参保地按规定手工报销`, 'admissionId')
  const dischargeDate = payload.settledOn
  if (dischargeDate < admission.admission_date)
    return reject('discharge_before_admission', `出院日期不能早于入院日期（${admission.admission_date}）`, 'settledOn')
  if (dischargeDate > chinaDateOf(now))
    return reject('discharge_in_future', '出院日期不能晚于今天', 'settledOn')
  const covered = await stayCoverage(db, caller, admission)
  if (!covered.ok)
    return { reject: covered.refusal }
  const { coverage } = covered
  const slips = await slipCostsOfStay(db, admission.admission_id)
  if (!slips.ok)
    return { reject: slips.refusal }
  if (payload.items.some(item => isSlipItemId(item.id)))
    return reject('reserved_item_id', '项目编号不能以 slip- 开头：外院检查治疗或购药单的费用由系统并入', 'items')
  // 001 第三十三条: the slips' costs are part of this stay's bill, settled with it, once.
  const items = stayBill(payload.items, slips.slips)

  const { insuredRegion, insuranceType } = coverage.record
  const policy = policyFor(insuredRegion)
  const benefit = policy.inpatient[insuranceType]
  const context = {
    hospitalLevel: await counterHospitalLevel(db, caller.hospitalCode, payload.hospitalLevel),
    ratioCutPoints: coverage.ratioCutPoints,
    admissionDate: admission.admission_date,
    dischargeDate,
    crossYearStay: policy.crossYearStay,
  }
  const accumulatorsOf = await inpatientAccumulatorsNow(db, admission.id_number)
  const split = settleInpatient(items, benefit, accumulatorsOf, context)
  if (payload.fundPaidFen !== undefined && payload.fundPaidFen !== split.fundPaidFen)
    return reject('split_mismatch', `医院计算的基金支付（${payload.fundPaidFen}分）与参保地政策计算结果（${split.fundPaidFen}分）不一致，请核对`, 'fundPaidFen')
  const record: InpatientRecord & StoredSettlement = {
    kind: 'inpatient',
    settlementId: payload.settlementId,
    hospitalCode: caller.hospitalCode,
    settledOn: dischargeDate,
    items,
    benefit,
    before: Object.fromEntries(split.years.map(share => [share.year, accumulatorsOf(share.year)])),
    context,
    split,
    insuredRegion,
    insuranceType,
    ...(payload.stay ? { stay: payload.stay } : {}),
  }
  await db.insertInto('settlements').values({
    settlement_id: payload.settlementId,
    hospital_code: caller.hospitalCode,
    id_number: admission.id_number,
    settled_on: dischargeDate,
    record: JSON.stringify(record),
    created_at: now.toISOString(),
    kind: 'inpatient',
    admission_id: admission.admission_id,
  }).execute()
  if (slips.slips.length > 0)
    await db.updateTable('outside_slips').set({ settlement_id: payload.settlementId }).where('admission_id', '=', admission.admission_id).execute()
  if (coverage.filing)
    await useUpReferral(db, coverage.filing.filingId, admission.admission_date, { actionId, now })
  // Settled directly: an emergency 补办 reminder of the stay has nothing left to ask.
  await syncAdmissionReminders(db, admission.admission_id, now)
  const result: ActionResult<'settlement.record'> = { settlementId: payload.settlementId, kind: 'inpatient', insuredRegion, insuranceType, ratioCutPoints: coverage.ratioCutPoints, hospitalLevel: context.hospitalLevel, split }
  return { result }
}
