import { z } from 'zod/v4'
import { validateIdNumber } from '../identity/idNumber'
import { agentSchema } from './filing'
import { calendarDateSchema, instantSchema, missingOr, nameSchema, optionalField, phoneSchema, regionCodeSchema, signatureSchema, text, uuidSchema } from './fields'

/**
 * `trauma.sign`: the 外伤无第三方责任承诺书 (001 annex 11, Yunnan annex 5, Jilin annex 3):
 * who promises, when and where the injury happened and how, the commitments accepted, and a
 * handwritten signature — the patient's own, or a close relative's (近亲属) with their ID number
 * and phone when the patient cannot sign. `textVersion` is the policy `texts.version` shown.
 */
export const traumaSignPayloadSchema = z.object({
  commitmentId: uuidSchema,
  patient: z.object({
    name: nameSchema,
    phone: phoneSchema,
    idType: z.enum(['resident_id', 'other'], { error: '请选择证件类型' }),
    idNumber: text('证件号码', 30),
  }),
  injuredOn: calendarDateSchema,
  injuredHour: z.number(missingOr('请填写受伤时间（时）', '受伤时间应为0-23时'))
    .int('受伤时间应为0-23时').min(0, '受伤时间应为0-23时').max(23, '受伤时间应为0-23时'),
  place: text('受伤地点', 100),
  account: text('外伤经过', 500).min(5, '请具体写明受伤经过'),
  commitmentsAccepted: z.literal(true, { error: '请确认承诺内容' }),
  textVersion: text('承诺书版本', 40),
  signer: z.enum(['patient', 'relative'], { error: '请选择签名人' }),
  relative: agentSchema.optional(),
  signature: signatureSchema,
  signedOn: calendarDateSchema,
  hospitalCity: regionCodeSchema('医院所在地').optional(),
  /** 参保地, whose policy texts were shown (their version is `textVersion`). */
  insuredRegion: regionCodeSchema('参保地').optional(),
  /** The counter admission this commitment belongs to, when started from one (外伤标志). */
  admissionId: uuidSchema.optional(),
  /** 住院号 of the hospital, when known. */
  admissionNumber: optionalField(text('住院号', 40)),
  /** Device time of signing (the server adds its own on receipt). */
  signedAt: instantSchema.optional(),
  /** The pen's path, kept as evidence with the image. */
  strokes: z.array(z.array(z.object({ x: z.number().finite(), y: z.number().finite(), t: z.number().finite() })).max(2000, '签名笔画过长')).max(100, '签名笔画过多').default([]),
  /** hex SHA-256 of `traumaDigestInput` (tamper evidence). */
  digest: z.string().regex(/^[0-9a-f]{64}$/, '缺少签名摘要').optional(),
}).superRefine((value, ctx) => {
  if (value.patient.idType === 'resident_id') {
    const id = validateIdNumber(value.patient.idNumber, { today: value.signedOn })
    if (!id.ok)
      ctx.addIssue({ code: 'custom', path: ['patient', 'idNumber'], message: id.message })
    else if (value.injuredOn < id.value.birthDate)
      ctx.addIssue({ code: 'custom', path: ['injuredOn'], message: '受伤日期不能早于出生日期' })
  }
  if (value.signer === 'relative' && !value.relative)
    ctx.addIssue({ code: 'custom', path: ['relative'], message: '近亲属代签时请填写其姓名、身份证号码和联系电话' })
  if (value.signer === 'patient' && value.relative)
    ctx.addIssue({ code: 'custom', path: ['relative'], message: '本人签名时无需填写代签人' })
  if (value.injuredOn > value.signedOn)
    ctx.addIssue({ code: 'custom', path: ['injuredOn'], message: '受伤日期不能晚于签署日期' })
})

export type TraumaSignPayload = z.infer<typeof traumaSignPayloadSchema>
