import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { careEndedOn, claimWindow } from '../../src/domain/claims/claimDeadline.ts'
import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { maskIdNumber } from '../../src/domain/identity/mask.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import type { ClaimSubmitPayload } from '../../src/domain/schemas/claim.ts'
import type { ActionResult } from '../../src/domain/schemas/results.ts'
import { type AgencyCaller, callerKey } from '../auth/caller.ts'
import { referenceAttachments } from '../filing/referenceAttachments.ts'
import { inForceOn } from '../../src/domain/registry/inForceOn.ts'
import { isFamilyOnRecord } from '../registry/insuranceRelationship.ts'
import { recordsOf } from '../registry/repository.ts'
import type { Database } from '../store/index.ts'
import type { ActionHandler, ActionHandlers } from '../sync/actionHandler.ts'
import { reject } from '../sync/actionHandler.ts'
import { syncHolderAdmissionReminders } from '../reminders/admissionReminders.ts'
import { cancelClaimedReminders, syncClaimReminders } from '../reminders/claimReminders.ts'
import { claimedStayOf, claimSlips, settledDirectly, slipCostsOf } from './claimedStay.ts'
import { paymentOf } from './paymentOf.ts'
import { claimById, type ClaimDecision, type ClaimRow, formOf } from './repository.ts'

const NOT_FOUND = reject('not_found', '未找到这份报销申请', 'claimId')

/** True when the same care of the same person already has a claim that is not rejected: it is paid once. */
async function sameCareClaimed(db: Kysely<Database>, payload: ClaimSubmitPayload): Promise<boolean> {
  const open = await db.selectFrom('claims').selectAll()
    .where('id_number', '=', payload.idNumber)
    .where('care_ended_on', '=', careEndedOn(payload)!)
    .where('status', '!=', 'rejected')
    .execute()
  return open.some((row) => {
    const form = formOf(row)
    return form.kind === payload.kind && form.hospitalName === payload.hospitalName && form.admissionDate === payload.admissionDate
  })
}

/**
 * `claim.submit` (insured): a 手工报销 for the caller or a family member on the patient's record.
 * 参保地 and 险种 are those of the relationship on record in force when the care began; the
 * deadline is that region's (Jilin 第十五条), judged by the server's China day.
 */
export const claimSubmit: ActionHandler<'claim.submit'> = async (db, { caller, now }, payload) => {
  if (caller.role !== 'insured')
    return reject('forbidden', '手工报销由参保人本人或其家人申请')
  if (await claimById(db, payload.claimId))
    return reject('claim_exists', '这份报销申请已经提交过', 'claimId')
  const records = await recordsOf(db, payload.idNumber)
  if (payload.idNumber !== caller.idNumber && !isFamilyOnRecord(records, caller.idNumber))
    return reject('not_family_on_record', '只能为本人或参保登记中的家庭成员申请手工报销。请参保人本人登录申请', 'idNumber')
  const named = records.filter(record => record.name === payload.name)
  if (named.length === 0) {
    return records.length === 0
      ? reject('not_on_record', '未查到该身份证号码的参保登记，无法报销。请联系参保地医保经办机构核实参保信息', 'idNumber')
      : reject('name_mismatch', '姓名与身份证号码不符（以参保登记为准），请核对后重新提交', 'name')
  }
  const ended = careEndedOn(payload)!
  const began = payload.admissionDate ?? ended
  const record = named.find(item => inForceOn(item, began)) ?? named.find(item => inForceOn(item, ended))
  if (!record)
    return reject('insurance_not_in_force', '就医时没有有效的参保关系，无法报销。如登记有误，请联系参保地医保经办机构', 'visitDate')
  const window = claimWindow(policyFor(record.insuredRegion), ended, chinaDateOf(now))
  if (!window.open) {
    return window.reason === 'care_not_ended'
      ? reject('care_not_ended', '就诊或出院日期晚于今天：请在出院或就诊结束后申请', payload.kind === 'inpatient' ? 'dischargeDate' : 'visitDate')
      : reject('claim_deadline_passed', `已超过手工报销的申请期限（${window.deadline}），参保地不再受理`, payload.kind === 'inpatient' ? 'dischargeDate' : 'visitDate')
  }
  if (payload.kind === 'inpatient' && payload.admissionDate && await settledDirectly(db, payload.idNumber, payload.admissionDate, ended))
    return reject('settled_directly', '这次住院已在医院直接结算，医保基金已支付，不能再申请手工报销', 'dischargeDate')
  if (await sameCareClaimed(db, payload))
    return reject('claim_duplicate', '这次就医已有报销申请在审核或已通过，不能重复申请。如上次未通过，可重新申请', payload.kind === 'inpatient' ? 'dischargeDate' : 'visitDate')
  if (!await referenceAttachments(db, callerKey(caller), [...payload.invoicePhotos, ...payload.costDetailPhotos], now))
    return reject('attachment_missing', '发票或费用明细的照片尚未上传成功，请重新选择照片后提交', 'invoicePhotos')
  await db.insertInto('claims').values({
    claim_id: payload.claimId,
    id_number: payload.idNumber,
    submitted_by: caller.idNumber,
    insured_region: record.insuredRegion,
    insurance_type: record.insuranceType,
    kind: payload.kind,
    status: 'submitted',
    form: JSON.stringify(payload),
    care_ended_on: ended,
    deadline: window.deadline,
    submitted_at: now.toISOString(),
    decided_on: null,
    decided_by: null,
    note: null,
    decision: null,
  }).execute()
  // Jilin 第十五条: the claim meets the reminder of the stay it is for, or of a rejected claim for the same care.
  await cancelClaimedReminders(db, payload, now)
  await syncHolderAdmissionReminders(db, payload.idNumber, now)
  return { result: { claimId: payload.claimId, status: 'submitted', deadline: window.deadline } satisfies ActionResult<'claim.submit'> }
}

/** Every decision and every opening of a claim's materials lands in the audit log, masked. */
export async function auditClaim(db: Kysely<Database>, caller: AgencyCaller, claim: ClaimRow, method: string, outcome: string, at: Date, actionId: string | null): Promise<void> {
  await db.insertInto('audit_log').values({
    id: randomUUID(),
    staff_username: caller.username,
    hospital_code: '',
    city_code: caller.regionCode,
    at: at.toISOString(),
    target_masked: maskIdNumber(claim.id_number),
    method,
    outcome,
    filing_number: null,
    action_id: actionId,
  }).execute()
}

/**
 * `claim.decide` (agency of the claim's insured region only): an approval pays what the engine
 * computes from the invoice's cost parts under the claim's rules, with the recorded costs of its
 * stay's 外院检查治疗或购药单 that no other claim paid (001 第三十三条); once decided, a claim stays
 * decided, and the same action sent again is answered from the applied-actions record.
 */
export const claimDecide: ActionHandler<'claim.decide'> = async (db, { caller, now, actionId }, payload) => {
  if (caller.role !== 'agency')
    return reject('forbidden', '手工报销由参保地医保经办机构审核')
  const claim = await claimById(db, payload.claimId)
  if (!claim || claim.insured_region !== caller.regionCode)
    return NOT_FOUND
  if (claim.status === 'approved' || claim.status === 'rejected')
    return reject('already_decided', '这份报销申请已经审核过')
  const decided = { decided_on: chinaDateOf(now), decided_by: caller.username, note: payload.note ?? null }
  if (payload.decision === 'rejected') {
    await db.updateTable('claims').set({ ...decided, status: 'rejected' }).where('claim_id', '=', claim.claim_id).execute()
    await auditClaim(db, caller, claim, 'claim.decide', 'rejected', now, actionId)
    // "如上次未通过，可重新申请": the person is reminded of the last day to claim again.
    await syncClaimReminders(db, claim.claim_id, now)
    return { result: { claimId: claim.claim_id, status: 'rejected' } satisfies ActionResult<'claim.decide'> }
  }
  const costs = payload.costs!
  const ratioCutPoints = payload.ratioCutPoints ?? 0
  const outside = await claimSlips(db, claim.claim_id, slipCostsOf(await claimedStayOf(db, claim)))
  const outcome = await paymentOf(db, claim, costs, ratioCutPoints, outside)
  const decision: ClaimDecision = { costs, ratioCutPoints, outsideSlipIds: outside.map(slip => slip.slipId), outcome }
  await db.updateTable('claims').set({ ...decided, status: 'approved', decision: JSON.stringify(decision) }).where('claim_id', '=', claim.claim_id).execute()
  await auditClaim(db, caller, claim, 'claim.decide', 'approved', now, actionId)
  return { result: { claimId: claim.claim_id, status: 'approved', payment: outcome.payment } satisfies ActionResult<'claim.decide'> }
}

/** The 手工报销 handlers of the sync contract. */
export const claimHandlers: ActionHandlers = { 'claim.submit': claimSubmit, 'claim.decide': claimDecide }
