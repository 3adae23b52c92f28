import { z } from 'zod/v4'
import { categoryNeedsProof } from '../filing/categories'
import { checkProofKinds, MATERIAL_KINDS } from '../filing/proofKinds'
import { policyFor } from '../policy/policyFor'
import { validateIdNumber } from '../identity/idNumber'
import { hospitalCodeSchema } from './hospital'
import { calendarDateSchema, categorySchema, idNumberSchema, insuranceTypeSchema, missingOr, nameSchema, optionalField, phoneSchema, regionCodeSchema, sexSchema, signatureSchema, text, uuidSchema } from './fields'

/** 代办: a family member files on the person's behalf (Hebei 第九条; 001 annex 1 被委托人签名). */
export const agentSchema = z.object({
  name: nameSchema,
  idNumber: idNumberSchema,
  phone: phoneSchema,
  relationship: z.enum(['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild', 'other_relative'], {
    error: '请选择与参保人的关系',
  }),
})

/**
 * 个人承诺书 (001 annex 2): the notice read, the commitment accepted, signed by hand.
 * `noticeVersion` is the `texts.version` of the insured region's policy that was shown.
 */
export const promiseSchema = z.object({
  noticeVersion: text('告知书版本', 40),
  noticeAccepted: z.literal(true, { error: '请阅读并确认《备案告知书》' }),
  commitmentAccepted: z.literal(true, { error: '请确认承诺事项' }),
  signature: signatureSchema,
  signedOn: calendarDateSchema,
})

/** One piece of proof (Chongqing 第六条, Jilin 第三条/第四条), referenced, not embedded. */
export const materialSchema = z.object({
  kind: z.enum(MATERIAL_KINDS, {
    error: '请选择材料类型',
  }),
  description: optionalField(text('材料说明', 200)),
  fileRef: optionalField(z.string().max(200, '附件编号过长')),
})

const contactFields = {
  phone: phoneSchema,
  phone2: optionalField(phoneSchema),
  homeAddress: text('参保地家庭住址', 120),
  address: text('异地联系地址', 120),
}

/** `filing.create`: the 备案表 (001 annex 1) plus a promise or materials. */
export const filingCreatePayloadSchema = z.object({
  filingId: uuidSchema,
  idNumber: idNumberSchema,
  name: nameSchema,
  sex: sexSchema,
  socialSecurityCardNumber: optionalField(z.string().trim().max(30, '社会保障卡卡号过长')),
  insuranceType: insuranceTypeSchema,
  category: categorySchema,
  insuredRegion: regionCodeSchema('参保地'),
  ...contactFields,
  destination: regionCodeSchema('就医地'),
  startDate: calendarDateSchema,
  filledOn: calendarDateSchema,
  promise: promiseSchema.optional(),
  materials: z.array(materialSchema).max(10, '材料最多10项').optional(),
  /** Hospital that issued the 转诊转院证明 (referrals only). */
  referringHospital: optionalField(text('转诊医院', 60)),
  /** Its 医疗机构代码 when chosen from the 参保地's directory; the server names it from the directory. */
  referringHospitalCode: optionalField(hospitalCodeSchema),
  agent: agentSchema.optional(),
  /** 长期在参保地以外工作、居住、生活半年及以上, where the insured region makes it a condition (Hebei 第七条(一)). */
  longStayDeclared: z.boolean().optional(),
  /** 已经住院: a 补办 during the stay, which the filing then covers from its admission (national 二(四)). */
  inHospital: z.object({
    admissionDate: calendarDateSchema,
    hospital: text('住院医院', 60),
    emergency: z.boolean(missingOr('请选择是否急诊入院')),
  }).optional(),
}).superRefine((value, ctx) => {
  const id = validateIdNumber(value.idNumber, { sex: value.sex, today: value.filledOn })
  if (!id.ok && (id.code === 'id_sex_mismatch' || id.code === 'id_birth_date_future'))
    ctx.addIssue({ code: 'custom', path: [id.code === 'id_sex_mismatch' ? 'sex' : 'idNumber'], message: id.message })
  if (value.promise && value.materials?.length)
    ctx.addIssue({ code: 'custom', path: ['promise'], message: '已提交证明材料时无需签署承诺书' })
  if (categoryNeedsProof(value.category) && !value.promise && !value.materials?.length)
    ctx.addIssue({ code: 'custom', path: ['materials'], message: '请提交证明材料，或签署个人承诺书' })
  const kinds = checkProofKinds(value.category, (value.materials ?? []).map(material => material.kind), policyFor(value.insuredRegion))
  if (!kinds.ok)
    ctx.addIssue({ code: 'custom', path: ['materials'], message: kinds.message })
  if (value.phone2 !== undefined && value.phone2 === value.phone)
    ctx.addIssue({ code: 'custom', path: ['phone2'], message: '联系电话2不能与联系电话1相同' })
  if ((value.referringHospital !== undefined || value.referringHospitalCode !== undefined) && value.category !== 'referral')
    ctx.addIssue({ code: 'custom', path: ['referringHospital'], message: '只有转诊备案需要填写转诊医院' })
  if (value.agent && value.agent.idNumber === value.idNumber)
    ctx.addIssue({ code: 'custom', path: ['agent', 'idNumber'], message: '代办人不能是参保人本人' })
  if (value.inHospital && value.startDate !== value.inHospital.admissionDate)
    ctx.addIssue({ code: 'custom', path: ['startDate'], message: '住院期间补办备案，开始日期应为入院日期' })
})

/** `filing.change` (登记类别 变更): 参保地, 险种 or identity never change here (Jilin 第十四条). */
export const filingChangePayloadSchema = z.object({
  filingId: uuidSchema,
  changes: z.strictObject({
    phone: phoneSchema.optional(),
    phone2: optionalField(phoneSchema),
    homeAddress: contactFields.homeAddress.optional(),
    address: contactFields.address.optional(),
    destination: regionCodeSchema('就医地').optional(),
    startDate: calendarDateSchema.optional(),
    category: categorySchema.optional(),
  }, { error: issue => (issue.code === 'unrecognized_keys' ? '参保地、险种或身份信息变更需要重新备案，不能在此修改' : undefined) })
    .refine(changes => Object.values(changes).some(v => v !== undefined), '请至少修改一项'),
  filledOn: calendarDateSchema,
  agent: agentSchema.optional(),
})

/** `filing.cancel` (Jilin 第九条). */
export const filingCancelPayloadSchema = z.object({
  filingId: uuidSchema,
  reason: optionalField(text('取消原因', 200)),
  requestedOn: calendarDateSchema,
  agent: agentSchema.optional(),
})

/** `filing.supplement`: materials that turn a promise filing into an ordinary one (Jilin 第六条(二)). */
export const filingSupplementPayloadSchema = z.object({
  filingId: uuidSchema,
  materials: z.array(materialSchema).min(1, '请至少提交一项材料').max(10, '材料最多10项'),
  suppliedOn: calendarDateSchema,
})

export type FilingCreatePayload = z.infer<typeof filingCreatePayloadSchema>
export type FilingChangePayload = z.infer<typeof filingChangePayloadSchema>
export type FilingCancelPayload = z.infer<typeof filingCancelPayloadSchema>
export type FilingSupplementPayload = z.infer<typeof filingSupplementPayloadSchema>
export type FilingAgent = z.infer<typeof agentSchema>

/**
 * Someone other than the holder who made a version of a filing (DOMAIN §13): a family member on
 * record by the record's relationship, or a person the holder authorised by a code to their phone.
 */
export interface FilingActor {
  name: string
  relationship: FilingAgent['relationship'] | 'authorized'
}

/** One version of a filing as its holder sees it in the 办理记录: what was done, when, by whom. */
export interface FilingHistoryEntry {
  version: number
  /** `settlement.record`: the discharge that used up a one-visit referral (Hebei 第九条). */
  type: 'filing.create' | 'filing.change' | 'filing.cancel' | 'filing.supplement' | 'settlement.record'
  at: string
  /** Absent when the holder did it themselves. */
  actedBy?: FilingActor
}
export type FilingMaterial = z.infer<typeof materialSchema>
