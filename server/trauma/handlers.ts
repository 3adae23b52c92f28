import { createHash } from 'node:crypto'
import { canonicalJson } from '../../src/domain/trauma/canonicalJson.ts'
import { signaturePngBase64, signedForm, traumaDigestInput } from '../../src/domain/trauma/digest.ts'
import type { ActionResult } from '../../src/domain/schemas/results.ts'
import type { ActionHandler, ActionHandlers } from '../sync/actionHandler.ts'
import { reject } from '../sync/actionHandler.ts'
import { syncAdmissionReminders } from '../reminders/admissionReminders.ts'

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

/**
 * `trauma.sign`: the server recomputes the digest over the form, the signature PNG and its
 * strokes; a mismatch means something changed on the way and nothing is stored. A commitment
 * signed again is a new version; earlier ones stay. A linked admission gets 外伤标志 = 是 and
 * 涉及第三方标志 = 否 (Jilin 第二十七条).
 */
export const traumaSign: ActionHandler<'trauma.sign'> = async (db, { caller, now }, payload) => {
  if (caller.role !== 'counter')
    return reject('forbidden', '承诺书须在医保窗口签署')
  const png = signaturePngBase64(payload.signature)
  const expected = sha256(traumaDigestInput(payload, sha256(Buffer.from(png, 'base64'))))
  if (payload.digest !== expected)
    return reject('digest_mismatch', '承诺书内容与签名摘要不一致，可能在传输中被改动，请重新签署', 'digest')
  const latest = await db.selectFrom('trauma_commitments').select(['version', 'hospital_code'])
    .where('commitment_id', '=', payload.commitmentId).orderBy('version', 'desc').limit(1).executeTakeFirst()
  if (latest && latest.hospital_code !== caller.hospitalCode)
    return reject('not_found', '未找到这份承诺书', 'commitmentId')
  if (payload.admissionId) {
    const admission = await db.selectFrom('admissions').select('hospital_code').where('admission_id', '=', payload.admissionId).executeTakeFirst()
    if (!admission || admission.hospital_code !== caller.hospitalCode)
      return reject('admission_not_found', '未找到对应的入院登记', 'admissionId')
    await db.updateTable('admissions')
      .set({ trauma_flag: 1, third_party_flag: 0, trauma_commitment_id: payload.commitmentId })
      .where('admission_id', '=', payload.admissionId)
      .execute()
  }
  const version = (latest ? Number(latest.version) : 0) + 1
  const receivedAt = now.toISOString()
  await db.insertInto('trauma_commitments').values({
    commitment_id: payload.commitmentId,
    version,
    hospital_code: caller.hospitalCode,
    staff_username: caller.username,
    patient_id_number: payload.patient.idNumber,
    admission_id: payload.admissionId ?? null,
    form: canonicalJson(signedForm(payload)),
    signature_png: png,
    strokes: canonicalJson(payload.strokes),
    digest: expected,
    signed_at: payload.signedAt ?? null,
    received_at: receivedAt,
  }).execute()
  return { result: { commitmentId: payload.commitmentId, version, digest: expected, receivedAt } satisfies ActionResult<'trauma.sign'> }
}

/**
 * `admission.record`: the counter's 入院登记 with the two injury flags (Jilin 第二十七条). A linked
 * 外伤无第三方责任承诺书 must be one this hospital took from this patient.
 */
export const admissionRecord: ActionHandler<'admission.record'> = async (db, { caller, now }, payload) => {
  if (caller.role !== 'counter')
    return reject('forbidden', '入院登记仅限医保窗口')
  const existing = await db.selectFrom('admissions').select('hospital_code').where('admission_id', '=', payload.admissionId).executeTakeFirst()
  if (existing)
    return reject('admission_exists', '这条入院登记已经提交过', 'admissionId')
  if (payload.traumaCommitmentId) {
    // Only a commitment this hospital took from this patient may back the admission's 外伤标志.
    const commitment = await db.selectFrom('trauma_commitments').select('patient_id_number')
      .where('commitment_id', '=', payload.traumaCommitmentId).where('hospital_code', '=', caller.hospitalCode)
      .limit(1).executeTakeFirst()
    if (!commitment)
      return reject('trauma_commitment_not_found', '未找到本院签署的这份外伤承诺书，请先签署承诺书', 'traumaCommitmentId')
    if (commitment.patient_id_number !== payload.idNumber)
      return reject('trauma_commitment_other_patient', '这份外伤承诺书不是该患者签署的', 'traumaCommitmentId')
  }
  // After a QR the counter knows only the masked 姓名 the credential holds (`李*`): the admission
  // keeps the name on the filing of this 身份证号码, as the server holds it.
  const filed = payload.filingNumber
    ? await db.selectFrom('filings').select('holder_name').where('filing_number', '=', payload.filingNumber).where('holder_id_number', '=', payload.idNumber).executeTakeFirst()
    : undefined
  await db.insertInto('admissions').values({
    admission_id: payload.admissionId,
    hospital_code: caller.hospitalCode,
    staff_username: caller.username,
    id_number: payload.idNumber,
    name: filed?.holder_name ?? payload.name,
    admission_date: payload.admissionDate,
    admission_type: payload.admissionType,
    trauma_flag: payload.traumaFlag ? 1 : 0,
    third_party_flag: payload.thirdPartyFlag ? 1 : 0,
    trauma_commitment_id: payload.traumaCommitmentId ?? null,
    outcome: payload.outcome,
    filing_number: payload.filingNumber ?? null,
    recorded_at: now.toISOString(),
    discharged_unsettled_on: null,
  }).execute()
  // Hebei 第十一条: an emergency admission not yet filed is reminded of its 10-day 补办.
  await syncAdmissionReminders(db, payload.admissionId, now)
  return { result: { admissionId: payload.admissionId } satisfies ActionResult<'admission.record'> }
}

/** The trauma commitment and admission handlers of the sync contract (counter only). */
export const traumaHandlers: ActionHandlers = { 'trauma.sign': traumaSign, 'admission.record': admissionRecord }
