import { z } from 'zod/v4'
import { checkBankAccount, normalizeBankAccount } from '../identity/bankAccount'
import { calendarDateSchema, fenSchema, idNumberSchema, missingOr, nameSchema, optionalField, regionCodeSchema, text, uuidSchema } from './fields'

/**
 * Why the costs were not settled directly at the hospital (Yunnan 第三十八条: 网络系统、就诊凭证
 * 等故障; national notice 四(四): 出院自费结算后补办备案; care before any filing, paid in full).
 */
export const CLAIM_REASONS = ['unfiled_self_paid', 'filed_after_discharge', 'network_fault', 'other'] as const
export type ClaimReason = (typeof CLAIM_REASONS)[number]

export const CLAIM_REASON_LABELS: Readonly<Record<ClaimReason, string>> = {
  unfiled_self_paid: '未备案自费',
  filed_after_discharge: '出院后补办备案',
  network_fault: '网络或系统故障',
  other: '其他',
}

const photosSchema = (label: string) => z.array(uuidSchema, missingOr(`请上传${label}照片`))
  .min(1, `请上传${label}照片`)
  .max(10, `${label}照片最多10张`)

/** 户名, 开户银行, 银行账号 of the card the agency pays the claim into. */
export const bankAccountSchema = z.object({
  accountName: text('户名', 30),
  bankName: text('开户银行', 60),
  accountNumber: z.string(missingOr('请填写银行账号'))
    .transform(normalizeBankAccount)
    .superRefine((value, ctx) => {
      const check = checkBankAccount(value)
      if (!check.ok)
        ctx.addIssue({ code: 'custom', message: check.message })
    }),
})

/**
 * `claim.submit` (insured person, for themself or a family member on record): a 手工报销 of care
 * that was not settled directly (Yunnan 第三十八条, Jilin 第十五条), with the invoice and the cost
 * details as photos, the bank account for the payment and the amount paid. The insured region
 * and 险种 come from the registry, never from the form.
 */
export const claimSubmitPayloadSchema = z.object({
  claimId: uuidSchema,
  idNumber: idNumberSchema,
  name: nameSchema,
  kind: z.enum(['outpatient', 'inpatient'], { error: '请选择门诊或住院' }),
  hospitalName: text('医院名称', 60),
  hospitalLevel: z.enum(['primary', 'secondary', 'tertiary'], { error: '请选择医院级别' }),
  treatmentRegion: regionCodeSchema('就医地'),
  visitDate: calendarDateSchema.optional(),
  admissionDate: calendarDateSchema.optional(),
  dischargeDate: calendarDateSchema.optional(),
  reason: z.enum(CLAIM_REASONS, { error: '请选择未能直接结算的原因' }),
  reasonText: optionalField(text('原因说明', 200)),
  invoicePhotos: photosSchema('发票'),
  costDetailPhotos: photosSchema('费用明细'),
  bank: bankAccountSchema,
  paidFen: fenSchema('已支付金额').min(1, '请填写已支付金额'),
  submittedOn: calendarDateSchema,
}).superRefine((v, ctx) => {
  if (v.kind === 'outpatient' && !v.visitDate)
    ctx.addIssue({ code: 'custom', path: ['visitDate'], message: '请填写就诊日期' })
  if (v.kind === 'inpatient' && !v.admissionDate)
    ctx.addIssue({ code: 'custom', path: ['admissionDate'], message: '请填写入院日期' })
  if (v.kind === 'inpatient' && !v.dischargeDate)
    ctx.addIssue({ code: 'custom', path: ['dischargeDate'], message: '请填写出院日期' })
  if (v.admissionDate && v.dischargeDate && v.dischargeDate < v.admissionDate)
    ctx.addIssue({ code: 'custom', path: ['dischargeDate'], message: '出院日期不能早于入院日期' })
  if (v.reason === 'other' && !v.reasonText)
    ctx.addIssue({ code: 'custom', path: ['reasonText'], message: '请说明未能直接结算的原因' })
})

/** The invoice's cost parts as the agency reads them (001 annex 13's 费用 columns), in 分. */
export const claimCostsSchema = z.object({
  coveredFen: fenSchema('统筹基金支付范围内费用'),
  classBSelfPayFen: fenSchema('乙类先行自付费用'),
  overLimitSelfPayFen: fenSchema('超限价自付费用'),
  selfFundedFen: fenSchema('自费费用'),
})

/**
 * `claim.decide` (the 参保地 agency of the claimant's insured region): an approval carries the
 * invoice's cost parts, from which the server's engine computes 基金支付 under the claim's rules;
 * a rejection says why. Its action id makes a retried decision apply once.
 */
export const claimDecidePayloadSchema = z.object({
  claimId: uuidSchema,
  decision: z.enum(['approved', 'rejected'], { error: '请选择通过或不通过' }),
  costs: claimCostsSchema.optional(),
  /** Points off the fund ratio the insured region applies to this care (e.g. unfiled care). */
  ratioCutPoints: z.number({ error: '比例降低应为数字' }).int('比例降低应为整数').min(0, '比例降低不能为负数').max(100, '比例降低不能超过100').optional(),
  note: optionalField(text('审核意见', 200)),
}).superRefine((v, ctx) => {
  if (v.decision === 'approved' && !v.costs)
    ctx.addIssue({ code: 'custom', path: ['costs'], message: '通过时请按发票录入费用分类' })
  if (v.decision === 'approved' && v.costs && Object.values(v.costs).every(fen => fen === 0))
    ctx.addIssue({ code: 'custom', path: ['costs', 'coveredFen'], message: '请按发票录入费用分类' })
  if (v.decision === 'rejected' && !v.note)
    ctx.addIssue({ code: 'custom', path: ['note'], message: '不通过时请写明原因' })
})

export type ClaimSubmitPayload = z.infer<typeof claimSubmitPayloadSchema>
export type ClaimSubmitInput = z.input<typeof claimSubmitPayloadSchema>
export type ClaimDecidePayload = z.infer<typeof claimDecidePayloadSchema>
export type ClaimCosts = z.infer<typeof claimCostsSchema>
