import { refundSettlement } from '../../src/domain/money/refund.ts'
import { settleOutpatient } from '../../src/domain/money/settle.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import type { ActionResult } from '../../src/domain/schemas/results.ts'
import type { ActionHandler, ActionHandlers } from '../sync/actionHandler.ts'
import { reject } from '../sync/actionHandler.ts'
import { counterHospitalLevel } from '../hospitals/counterHospital.ts'
import { accumulatorsNow, closedPeriods, reversalsOf } from './repository.ts'
import { admissionDischarge } from './dischargeUnsettled.ts'
import { settleStay } from './settleStay.ts'
import { parseStoredSettlement, type StoredSettlement } from './storedSettlement.ts'

/**
 * `settlement.record` (counter): a stay goes to `settleStay` (settled once at discharge against
 * its admission); otherwise, at the hospital level of the directory where it lists the hospital, settles an outpatient bill under the 参保地's policy against
 * the person's accumulators for that year as they stand now, and keeps the whole record (items,
 * figures, accumulators before, split) so a later refund recomputes exactly this settlement.
 */
export const settlementRecord: ActionHandler<'settlement.record'> = async (db, { caller, now, actionId }, payload) => {
  if (caller.role !== 'counter')
    return reject('forbidden', '结算仅限医保窗口录入')
  if (payload.kind === 'inpatient' && !payload.items)
    return reject('items_required', '请录入费用明细，由系统按参保地政策计算基金与个人支付', 'items')
  if (await db.selectFrom('settlements').select('settlement_id').where('settlement_id', '=', payload.settlementId).executeTakeFirst())
    return reject('settlement_exists', '这笔结算已经录入过', 'settlementId')
  if (payload.kind === 'inpatient' && payload.items)
    return settleStay(db, caller, { now, actionId }, { ...payload, items: payload.items })
  if (!payload.items || !payload.insuredRegion || !payload.insuranceType)
    return reject('items_required', '请录入费用明细、参保地和险种，由系统计算基金与个人支付', 'items')
  const benefit = policyFor(payload.insuredRegion).outpatient[payload.insuranceType]
  const before = await accumulatorsNow(db, payload.idNumber, Number(payload.settledOn.slice(0, 4)))
  const context = { hospitalLevel: await counterHospitalLevel(db, caller.hospitalCode, payload.hospitalLevel), ratioCutPoints: payload.ratioCutPoints ?? 0 }
  const split = settleOutpatient(payload.items, benefit, before, context)
  if (payload.fundPaidFen !== undefined && payload.fundPaidFen !== split.fundPaidFen)
    return reject('split_mismatch', `医院计算的基金支付（${payload.fundPaidFen}分）与参保地政策计算结果（${split.fundPaidFen}分）不一致，请核对`, 'fundPaidFen')
  const record: StoredSettlement = {
    settlementId: payload.settlementId,
    hospitalCode: caller.hospitalCode,
    settledOn: payload.settledOn,
    items: payload.items,
    benefit,
    before,
    context,
    split,
    insuredRegion: payload.insuredRegion,
    insuranceType: payload.insuranceType,
  }
  await db.insertInto('settlements').values({
    settlement_id: payload.settlementId,
    hospital_code: caller.hospitalCode,
    id_number: payload.idNumber,
    settled_on: payload.settledOn,
    record: JSON.stringify(record),
    created_at: now.toISOString(),
  }).execute()
  return { result: { settlementId: payload.settlementId, hospitalLevel: context.hospitalLevel, split } satisfies ActionResult<'settlement.record'> }
}

/** `refund.request` (insured): a refund of one of the person's own settlements, with a reason. */
export const refundRequest: ActionHandler<'refund.request'> = async (db, { caller }, payload) => {
  if (caller.role !== 'insured')
    return reject('forbidden', '退费申请由参保人本人提出')
  const settlement = await db.selectFrom('settlements').select(['hospital_code', 'id_number']).where('settlement_id', '=', payload.settlementId).executeTakeFirst()
  if (!settlement || settlement.id_number !== caller.idNumber)
    return reject('not_found', '未找到这笔结算', 'settlementId')
  const open = await db.selectFrom('refunds').select('refund_id').where('settlement_id', '=', payload.settlementId).where('status', '=', 'pending').executeTakeFirst()
  if (open)
    return reject('refund_pending', '这笔结算已有待处理的退费申请')
  await db.insertInto('refunds').values({
    refund_id: payload.refundId,
    settlement_id: payload.settlementId,
    hospital_code: settlement.hospital_code,
    id_number: caller.idNumber,
    item_ids: payload.itemIds ? JSON.stringify(payload.itemIds) : null,
    reason: payload.reason,
    status: 'pending',
    requested_on: payload.requestedOn,
    processed_on: null,
    note: null,
    reversal: null,
  }).execute()
  return { result: { refundId: payload.refundId, status: 'pending' } satisfies ActionResult<'refund.request'> }
}

/**
 * `refund.process` (counter of the settlement's hospital): approval books the reversal with the
 * money engine (隔笔, 跨年, 清算后); no other settlement changes.
 */
export const refundProcess: ActionHandler<'refund.process'> = async (db, { caller }, payload) => {
  if (caller.role !== 'counter')
    return reject('forbidden', '退费由医保窗口处理')
  const refund = await db.selectFrom('refunds').selectAll().where('refund_id', '=', payload.refundId).executeTakeFirst()
  if (!refund || refund.hospital_code !== caller.hospitalCode)
    return reject('not_found', '未找到这条退费申请', 'refundId')
  if (refund.status !== 'pending')
    return reject('already_processed', '这条退费申请已经处理过')
  if (payload.decision === 'rejected') {
    await db.updateTable('refunds').set({ status: 'rejected', processed_on: payload.processedOn, note: payload.note ?? null }).where('refund_id', '=', refund.refund_id).execute()
    return { result: { refundId: refund.refund_id, status: 'rejected' } satisfies ActionResult<'refund.process'> }
  }
  const row = await db.selectFrom('settlements').select('record').where('settlement_id', '=', refund.settlement_id).executeTakeFirstOrThrow()
  const selection = refund.item_ids ? JSON.parse(refund.item_ids) as string[] : 'all'
  const outcome = refundSettlement(parseStoredSettlement(row.record), selection, await reversalsOf(db, refund.id_number), await closedPeriods(db, refund.hospital_code))
  if (!outcome.ok)
    return reject(outcome.code, outcome.message)
  await db.updateTable('refunds')
    .set({ status: 'approved', processed_on: payload.processedOn, note: payload.note ?? null, reversal: JSON.stringify(outcome.reversal) })
    .where('refund_id', '=', refund.refund_id)
    .execute()
  return { result: { refundId: refund.refund_id, status: 'approved', reversal: outcome.reversal } satisfies ActionResult<'refund.process'> }
}

/** The money handlers of the sync contract: settlements and their refunds. */
export const settlementHandlers: ActionHandlers = { 'settlement.record': settlementRecord, 'admission.discharge': admissionDischarge, 'refund.request': refundRequest, 'refund.process': refundProcess }
