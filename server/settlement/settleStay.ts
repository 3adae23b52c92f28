import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import type { InpatientRecord } from '../../src/domain/money/refund.ts'
import { settleInpatient } from '../../src/domain/money/settleInpatient.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import type { ActionResult } from '../../src/domain/schemas/results.ts'
import type { ActionPayload } from '../../src/domain/schemas/actions.ts'
import type { AdmissionType } from '../../src/domain/filing/coversAdmission.ts'
import type { Kysely } from 'kysely'
import type { CounterCaller } from '../auth/caller.ts'
import type { Database } from '../store/index.ts'
import type { HandlerOutcome } from '../sync/actionHandler.ts'
import { reject } from '../sync/actionHandler.ts'
import { filingsOfHolder } from '../filing/repository.ts'
import { useUpReferral } from '../filing/useReferral.ts'
import { syncAdmissionReminders } from '../reminders/admissionReminders.ts'
import { coverageOnRecord } from '../registry/patientOnRecord.ts'
import { recordsOf } from '../registry/repository.ts'
import { inpatientAccumulatorsNow } from './repository.ts'
import type { StoredSettlement } from './storedSettlement.ts'

/**
 * A stay settled once, at discharge, against this hospital's admission record (001 第二十八条;
 * Jilin 第十六条). What decides the money comes from the server's own records, not the payload:
 * the 参保地 and 险种 of the insurance relationship that covers the admission, and the ratio cut
 * of the filing that covers it, checked again now so that a filing 补办 before discharge still
 * settles directly (001 二(四)). A typed ratio cut, 参保地 or 险种 is ignored: a counter that
 * settled offline may have had an older answer, and the server's answer is what it shows next.
 * The discharge date is `settledOn`.
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
  // 001 第三十二条 and 二(四): only injuries without a third party settle directly; the rest
  // follow the 参保地's rules (manual reimbursement, or the liable party pays).
  if (admission.trauma_flag === 1 && admission.third_party_flag === 1)
    return reject('third_party_injury', '外伤且涉及第三方责任的费用不能直接结算，请按参保地规定办理（如手工报销）', 'admissionId')
  if (admission.trauma_flag === 1 && !admission.trauma_commitment_id)
    return reject('trauma_commitment_required', '外伤且无第三方责任的，须先签署《外伤无第三方责任承诺书》方可直接结算', 'admissionId')

  const records = (await recordsOf(db, admission.id_number)).filter(record => record.name === admission.name)
  if (records.length === 0)
    return reject('not_on_record', '未查到该患者的参保登记，不能直接结算', 'idNumber')
  const filings = (await filingsOfHolder(db, admission.id_number)).filter(item => item.holder.name === admission.name).map(item => item.filing)
  const coverage = coverageOnRecord(records, {
    filings,
    hospitalCity: caller.cityCode,
    admissionDate: admission.admission_date,
    admissionType: admission.admission_type as AdmissionType,
  })
  if (coverage.outcome === 'frozen')
    return reject('benefits_frozen', '医保待遇冻结或暂停，不能直接结算：费用由本人全额现金结算，按参保地规定报销')
  if (coverage.outcome === 'none')
    return reject('no_filing', '未查到覆盖本院、在入院日有效的异地就医备案：出院结算前补办备案后可直接结算，否则按参保地规定手工报销')

  const { insuredRegion, insuranceType } = coverage.record
  const policy = policyFor(insuredRegion)
  const benefit = policy.inpatient[insuranceType]
  const context = {
    hospitalLevel: payload.hospitalLevel,
    ratioCutPoints: coverage.ratioCutPoints,
    admissionDate: admission.admission_date,
    dischargeDate,
    crossYearStay: policy.crossYearStay,
  }
  const accumulatorsOf = await inpatientAccumulatorsNow(db, admission.id_number)
  const split = settleInpatient(payload.items, benefit, accumulatorsOf, context)
  if (payload.fundPaidFen !== undefined && payload.fundPaidFen !== split.fundPaidFen)
    return reject('split_mismatch', `医院计算的基金支付（${payload.fundPaidFen}分）与参保地政策计算结果（${split.fundPaidFen}分）不一致，请核对`, 'fundPaidFen')
  const record: InpatientRecord & StoredSettlement = {
    kind: 'inpatient',
    settlementId: payload.settlementId,
    hospitalCode: caller.hospitalCode,
    settledOn: dischargeDate,
    items: payload.items,
    benefit,
    before: Object.fromEntries(split.years.map(share => [share.year, accumulatorsOf(share.year)])),
    context,
    split,
    insuredRegion,
    insuranceType,
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
  if (coverage.filing)
    await useUpReferral(db, coverage.filing.filingId, admission.admission_date, { actionId, now })
  // Settled directly: an emergency 补办 reminder of the stay has nothing left to ask.
  await syncAdmissionReminders(db, admission.admission_id, now)
  const result: ActionResult<'settlement.record'> = { settlementId: payload.settlementId, kind: 'inpatient', insuredRegion, insuranceType, ratioCutPoints: coverage.ratioCutPoints, split }
  return { result }
}
