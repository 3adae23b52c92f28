import { z } from 'zod/v4'
import { sexFromSequenceDigit } from '../identity/sex'
import { agentSchema } from './filing'
import { calendarDateSchema, idNumberSchema, insuranceTypeSchema, nameSchema, phoneSchema, regionCodeSchema, sexSchema, text } from './fields'

/**
 * 参保登记 as the insured region's agency holds it (DOMAIN §13): one row per insurance
 * relationship (身份证号码 + 参保地 + 险种). The server identifies people against it and fills
 * 参保地 and 险种 of a filing from it; the phone shows it read-only.
 */

/** 待遇享受状态 (Hebei 第十二条: 暂停、恢复、终止; 第十九条: 冻结 → the person pays in full). */
export const BENEFIT_STATUSES = ['normal', 'suspended', 'frozen'] as const
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number]

export const BENEFIT_STATUS_LABELS: Readonly<Record<BenefitStatus, string>> = { normal: '正常', suspended: '暂停', frozen: '冻结' }

export const benefitStatusSchema = z.enum(BENEFIT_STATUSES, { error: '待遇状态应为 normal（正常）、suspended（暂停）或 frozen（冻结）' })

/** A family member on record, who may file for the person (代办, Hebei 第九条). */
export const familyMemberSchema = z.object({
  idNumber: idNumberSchema,
  name: nameSchema,
  relationship: agentSchema.shape.relationship,
})

/** One insurance relationship of one person, as imported and as `GET /api/me/insurance` shows it. */
export const insuredRecordSchema = z.object({
  idNumber: idNumberSchema,
  name: nameSchema,
  sex: sexSchema,
  insuredRegion: regionCodeSchema('参保地'),
  insuranceType: insuranceTypeSchema,
  /** The basis of 人员类别 where the agency knows it (e.g. 退休, 在职), free text. */
  categoryBasis: text('人员类别依据', 40).nullable().default(null),
  phones: z.array(phoneSchema, { error: '请填写登记的手机号码' }).min(1, '至少登记一个手机号码').max(5, '最多登记5个手机号码'),
  family: z.array(familyMemberSchema, { error: '家庭成员格式不正确' }).max(20, '最多登记20位家庭成员').default([]),
  benefitStatus: benefitStatusSchema.default('normal'),
  statusSince: calendarDateSchema.nullable().default(null),
  statusReason: text('待遇状态原因', 200).nullable().default(null),
  validFrom: calendarDateSchema,
  validTo: calendarDateSchema.nullable().default(null),
}).superRefine((record, ctx) => {
  if (sexFromSequenceDigit(Number(record.idNumber[16])) !== record.sex)
    ctx.addIssue({ code: 'custom', path: ['sex'], message: '性别与身份证号码不符' })
  if (record.validTo !== null && record.validTo < record.validFrom)
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: '参保关系终止日期早于开始日期' })
  if (record.benefitStatus !== 'normal' && (record.statusSince === null || record.statusReason === null))
    ctx.addIssue({ code: 'custom', path: ['statusSince'], message: '暂停或冻结的待遇须写明起始日期和原因' })
  if (record.family.some(member => member.idNumber === record.idNumber))
    ctx.addIssue({ code: 'custom', path: ['family'], message: '家庭成员不能是本人' })
})

export type InsuredRecord = z.infer<typeof insuredRecordSchema>
export type InsuredRecordInput = z.input<typeof insuredRecordSchema>
export type FamilyMember = z.infer<typeof familyMemberSchema>

/** Reply of `GET /api/me/insurance`: the signed-in person's records, without other people's 身份证号码. */
export interface MyInsuranceResponse {
  records: (Omit<InsuredRecord, 'idNumber' | 'family' | 'phones'> & {
    phonesMasked: string[]
    family: { name: string, relationship: FamilyMember['relationship'] }[]
  })[]
}
