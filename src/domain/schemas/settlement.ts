import { z } from 'zod/v4'
import { calendarDateSchema, fenSchema, idNumberSchema, insuranceTypeSchema, optionalField, regionCodeSchema, text, uuidSchema } from './fields'

/**
 * `settlement.record`: one settlement with the amounts of the 结算单 (001 annex 13), in 分.
 * Both identities of the slip must hold:
 * 总费用 = 统筹基金支付范围内费用 + 乙类先行自付 + 超限价自付 + 自费;
 * 总费用 = 基金支付合计 + 个人现金支付.
 */
export const billItemSchema = z.object({
  id: text('项目编号', 64),
  coveredFen: fenSchema('统筹基金支付范围内费用'),
  classBSelfPayFen: fenSchema('乙类先行自付费用'),
  overLimitSelfPayFen: fenSchema('超限价自付费用'),
  selfFundedFen: fenSchema('自费费用'),
})

/** What the 住院结算单 (001 annex 13) prints of a stay that the admission does not hold. */
export const stayDetailsSchema = z.object({
  admissionNumber: text('住院号', 40),
  department: text('出院科室', 40),
  diagnosis: text('主要诊断', 200),
  secondaryDiagnosis: optionalField(text('次要诊断', 200)),
  /** 社会保障卡卡号 (可选). */
  cardNumber: optionalField(text('社会保障卡卡号', 30)),
})

/**
 * `settlement.record`: one outpatient or inpatient settlement of the counter's hospital, from its
 * bill items as split by the place of treatment; the server computes the fund and personal shares
 * under the 参保地's policy against the person's accumulators. A hospital system may send its own
 * 结算单 amounts too (001 annex 13); when it does, both identities of the slip must hold:
 * 总费用 = 统筹基金支付范围内费用 + 乙类先行自付 + 超限价自付 + 自费;
 * 总费用 = 基金支付合计 + 个人现金支付.
 */
export const settlementRecordPayloadSchema = z.object({
  settlementId: uuidSchema,
  idNumber: idNumberSchema,
  name: optionalField(text('姓名', 30)),
  kind: z.enum(['outpatient', 'inpatient'], { error: '请选择门诊或住院' }),
  hospitalLevel: z.enum(['primary', 'secondary', 'tertiary'], { error: '请选择医院级别' }),
  insuredRegion: regionCodeSchema('参保地').optional(),
  insuranceType: insuranceTypeSchema.optional(),
  /** Points off the fund ratio for a temporary trip, as the admission check said. */
  ratioCutPoints: z.number().int().min(0).max(100).optional(),
  items: z.array(billItemSchema).min(1, '请至少录入一项费用').max(500, '费用项目过多').optional(),
  admissionId: uuidSchema.optional(),
  /** A stay's own lines of the 住院结算单 (001 annex 13) that only the hospital knows. */
  stay: stayDetailsSchema.optional(),
  settledOn: calendarDateSchema,
  totalFen: fenSchema('总费用').optional(),
  coveredFen: fenSchema('统筹基金支付范围内费用').optional(),
  classBSelfPayFen: fenSchema('乙类先行自付费用').optional(),
  overLimitSelfPayFen: fenSchema('超限价自付费用').optional(),
  selfFundedFen: fenSchema('自费费用').optional(),
  fundPaidFen: fenSchema('基金支付合计').optional(),
  cashPaidFen: fenSchema('个人现金支付').optional(),
}).superRefine((v, ctx) => {
  const parts = [v.coveredFen, v.classBSelfPayFen, v.overLimitSelfPayFen, v.selfFundedFen]
  if (v.totalFen !== undefined && parts.every(part => part !== undefined) && parts.reduce((a, b) => a! + b!, 0) !== v.totalFen)
    ctx.addIssue({ code: 'custom', path: ['totalFen'], message: '总费用应等于范围内费用、乙类先行自付、超限价自付与自费之和' })
  if (v.totalFen !== undefined && v.fundPaidFen !== undefined && v.cashPaidFen !== undefined && v.fundPaidFen + v.cashPaidFen !== v.totalFen)
    ctx.addIssue({ code: 'custom', path: ['cashPaidFen'], message: '总费用应等于基金支付与个人现金支付之和' })
  // A refund names the items it returns, so each needs its own number.
  const seen = new Set<string>()
  v.items?.forEach((item, index) => {
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: '项目编号重复：每项费用应有自己的编号' })
    seen.add(item.id)
  })
  if (!v.items && v.totalFen === undefined)
    ctx.addIssue({ code: 'custom', path: ['items'], message: '请至少录入一项费用' })
  if (v.kind === 'inpatient' && !v.admissionId)
    ctx.addIssue({ code: 'custom', path: ['admissionId'], message: '住院结算请关联入院登记' })
})

/**
 * `refund.request`: refund of a whole earlier settlement — not necessarily the latest, possibly of
 * an earlier year or already cleared (Yunnan 第三十七条, Chongqing 第三十九条, Jilin 第三十二条).
 */
export const refundRequestPayloadSchema = z.object({
  refundId: uuidSchema,
  settlementId: uuidSchema,
  /** Items to refund; absent: the whole settlement. */
  itemIds: z.array(text('项目编号', 64)).min(1, '请选择要退费的项目').max(500).optional(),
  reason: text('退费原因', 200),
  requestedOn: calendarDateSchema,
})

/** `refund.process`: the counter's decision; a rejection says why. */
export const refundProcessPayloadSchema = z.object({
  refundId: uuidSchema,
  decision: z.enum(['approved', 'rejected'], { error: '请选择同意或拒绝' }),
  processedOn: calendarDateSchema,
  note: optionalField(text('说明', 200)),
}).superRefine((v, ctx) => {
  if (v.decision === 'rejected' && !v.note)
    ctx.addIssue({ code: 'custom', path: ['note'], message: '拒绝退费时请写明原因' })
})

export type StayDetails = z.infer<typeof stayDetailsSchema>
export type SettlementRecordPayload = z.infer<typeof settlementRecordPayloadSchema>
export type RefundRequestPayload = z.infer<typeof refundRequestPayloadSchema>
export type RefundProcessPayload = z.infer<typeof refundProcessPayloadSchema>
