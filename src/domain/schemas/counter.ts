import { z } from 'zod/v4'
import { ADMISSION_OUTCOMES, ADMISSION_TYPES } from '../filing/coversAdmission'
import { calendarDateSchema, idNumberSchema, instantSchema, missingOr, nameSchema, optionalField, regionCodeSchema, text, uuidSchema } from './fields'

export const admissionTypeSchema = z.enum(ADMISSION_TYPES, { error: '请选择住院类型' })
export const admissionOutcomeSchema = z.enum(ADMISSION_OUTCOMES, { error: '核验结果不正确' })

/**
 * `admission.record`: the counter's 入院登记 with 住院类型 and the two injury flags
 * 外伤标志 / 涉及第三方标志 (Jilin 第二十七条, Yunnan 第二十九条). An injury without a third
 * party needs a signed trauma commitment.
 */
export const admissionRecordPayloadSchema = z.object({
  admissionId: uuidSchema,
  idNumber: idNumberSchema,
  name: nameSchema,
  admissionDate: calendarDateSchema,
  admissionType: admissionTypeSchema,
  traumaFlag: z.boolean(missingOr('请选择是否外伤')),
  thirdPartyFlag: z.boolean(missingOr('请选择是否涉及第三方')),
  traumaCommitmentId: uuidSchema.optional(),
  filingNumber: optionalField(text('备案编号', 40)),
  outcome: admissionOutcomeSchema,
}).superRefine((value, ctx) => {
  if (value.traumaFlag && !value.thirdPartyFlag && !value.traumaCommitmentId)
    ctx.addIssue({ code: 'custom', path: ['traumaCommitmentId'], message: '外伤且无第三方责任的，请先签署《外伤无第三方责任承诺书》' })
  if (!value.traumaFlag && value.thirdPartyFlag)
    ctx.addIssue({ code: 'custom', path: ['thirdPartyFlag'], message: '非外伤就医不应标记涉及第三方' })
  if (value.outcome === 'valid' && !value.filingNumber)
    ctx.addIssue({ code: 'custom', path: ['filingNumber'], message: '有效备案请填写备案编号' })
})

/**
 * `admission.discharge`: a stay that leaves without direct settlement — no filing by discharge,
 * benefits frozen, an injury with a third party (001 第三十二条) — so the person pays the hospital
 * and claims at the 参保地 ("未直接结算的，在次年年底前可…申请手工报销", Jilin 第十五条). The
 * discharge day fixes the benefits and starts the claim deadline (Jilin 第十六条).
 */
export const admissionDischargePayloadSchema = z.object({
  admissionId: uuidSchema,
  dischargedOn: calendarDateSchema,
})

/** `counter.verify.logged`: an offline verification, sent later for the audit log (DESIGN §3.5). */
export const counterVerifyLoggedPayloadSchema = z.object({
  verificationId: uuidSchema,
  idNumber: idNumberSchema,
  name: nameSchema,
  admissionDate: calendarDateSchema,
  admissionType: admissionTypeSchema,
  hospitalCity: regionCodeSchema('医院所在地'),
  method: z.enum(['credential_offline', 'online'], { error: '请选择核验方式' }),
  outcome: admissionOutcomeSchema,
  filingNumber: text('备案编号', 40).optional(),
  keyId: text('密钥编号', 64).optional(),
  /** 冒用: the person at the counter is not the card's holder; admission was stopped (DOMAIN §8). */
  impersonationSuspected: z.boolean().optional(),
  verifiedAt: instantSchema,
})

export type AdmissionRecordPayload = z.infer<typeof admissionRecordPayloadSchema>
export type AdmissionDischargePayload = z.infer<typeof admissionDischargePayloadSchema>
export type CounterVerifyLoggedPayload = z.infer<typeof counterVerifyLoggedPayloadSchema>
