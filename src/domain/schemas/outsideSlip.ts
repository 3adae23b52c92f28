import { z } from 'zod/v4'
import { billItemSchema } from './settlement'
import { calendarDateSchema, optionalField, text, uuidSchema } from './fields'

/**
 * `outsideSlip.issue`: the 住院期间外院检查治疗或定点药店购药单 (001 第三十三条 and annex 12; Jilin
 * 第二十八条, annex 4) the counter gives a patient of an open stay who must be examined or treated
 * at another designated hospital, or buy drugs at a designated pharmacy. Its fields are the
 * annex's: 科别, 诊断, the outside hospital or pharmacy, the items and the reason; 姓名, 性别, 年龄
 * and the 证件 come from the admission on the server.
 */
export const outsideSlipIssuePayloadSchema = z.object({
  slipId: uuidSchema,
  admissionId: uuidSchema,
  kind: z.enum(['examination', 'pharmacy'], { error: '请选择外院检查治疗或定点药店购药' }),
  department: text('科别', 40),
  diagnosis: text('诊断', 200),
  /** 外检定点医院或外购定点药店名称. */
  outsideName: text('外检定点医院或外购定点药店名称', 100),
  /** 外检项目或外购药品. */
  items: text('外检项目或外购药品', 500),
  /** 外检或外购药原因. */
  reason: text('外检或外购药原因', 300),
  /** 医师 who ordered it (the paper slip also carries the signature). */
  physician: optionalField(text('医师姓名', 30)),
  issuedOn: calendarDateSchema,
})

/**
 * `outsideSlip.recordCosts`: the costs of a slip as they came back from the outside hospital or
 * pharmacy, split like any bill line; "相关费用纳入本次住院费用跨省直接结算" (001 第三十三条), so
 * they settle with the stay at discharge. No lines means the slip was not used.
 */
export const outsideSlipRecordCostsPayloadSchema = z.object({
  slipId: uuidSchema,
  items: z.array(billItemSchema).max(100, '费用项目过多'),
  recordedOn: calendarDateSchema,
}).superRefine((value, ctx) => {
  const seen = new Set<string>()
  value.items.forEach((item, index) => {
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: '项目编号重复：每项费用应有自己的编号' })
    seen.add(item.id)
  })
})

export type OutsideSlipIssuePayload = z.infer<typeof outsideSlipIssuePayloadSchema>
export type OutsideSlipRecordCostsPayload = z.infer<typeof outsideSlipRecordCostsPayloadSchema>
