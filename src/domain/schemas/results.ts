import { z } from 'zod/v4'
import type { Filing } from '../filing/filing'
import type { Reversal } from '../money/refund'
import type { SettlementSplit } from '../money/settle'
import type { InpatientSplit } from '../money/settleInpatient'
import type { ActionType } from './actions'
import { calendarDateSchema, categorySchema, insuranceTypeSchema, instantSchema } from './fields'

const nullableDate = calendarDateSchema.nullable()

/** A filing as the server keeps it (`Filing`), in every applied filing action's answer. */
export const filingSchema = z.object({
  filingId: z.string(),
  filingNumber: z.string(),
  insuredRegion: z.string(),
  insuranceType: insuranceTypeSchema,
  category: categorySchema,
  destination: z.string(),
  startDate: calendarDateSchema,
  endDate: nullableDate,
  oneVisit: z.boolean(),
  filedOn: calendarDateSchema,
  destinationChangedOn: nullableDate,
  byPromise: z.boolean(),
  referredBy: z.string().optional(),
  referredByCode: z.string().optional(),
  promiseEndDate: nullableDate,
  materialsSuppliedOn: nullableDate,
  cancelledOn: nullableDate,
  usedOn: nullableDate,
}) satisfies z.ZodType<Filing>

/** `filing.create` / `change` / `cancel` / `supplement`: the filing's new version and, while active, its credential. */
export const filingActionResultSchema = z.object({
  filing: filingSchema,
  version: z.number().int(),
  credential: z.string().optional(),
})

const accumulatorsSchema = z.object({ deductibleUsedFen: z.number().int(), fundPaidFen: z.number().int() })

const settlementSplitSchema = z.object({
  totalFen: z.number().int(),
  coveredFen: z.number().int(),
  classBSelfPayFen: z.number().int(),
  overLimitSelfPayFen: z.number().int(),
  selfFundedFen: z.number().int(),
  deductibleFen: z.number().int(),
  coPayFen: z.number().int(),
  fundPaidFen: z.number().int(),
  cashPaidFen: z.number().int(),
  delta: accumulatorsSchema,
}) satisfies z.ZodType<SettlementSplit>

const yearDeltaSchema = z.object({ year: z.number().int(), delta: accumulatorsSchema })

const inpatientSplitSchema = z.object({
  stayDays: z.number().int(),
  totalFen: z.number().int(),
  coveredFen: z.number().int(),
  classBSelfPayFen: z.number().int(),
  overLimitSelfPayFen: z.number().int(),
  selfFundedFen: z.number().int(),
  deductibleFen: z.number().int(),
  coPayFen: z.number().int(),
  fundPaidFen: z.number().int(),
  cashPaidFen: z.number().int(),
  years: z.array(z.object({
    year: z.number().int(),
    days: z.number().int(),
    totalFen: z.number().int(),
    coveredFen: z.number().int(),
    classBSelfPayFen: z.number().int(),
    overLimitSelfPayFen: z.number().int(),
    selfFundedFen: z.number().int(),
    deductibleFen: z.number().int(),
    coPayFen: z.number().int(),
    fundPaidFen: z.number().int(),
    cashPaidFen: z.number().int(),
    delta: accumulatorsSchema,
  })),
}) satisfies z.ZodType<InpatientSplit>

const reversalSchema = z.object({
  kind: z.enum(['outpatient', 'inpatient']).optional(),
  settlementId: z.string(),
  itemIds: z.array(z.string()),
  year: z.number().int(),
  period: z.string(),
  afterClearing: z.boolean(),
  fundFen: z.number().int(),
  cashFen: z.number().int(),
  delta: accumulatorsSchema,
  years: z.array(yearDeltaSchema).optional(),
}) satisfies z.ZodType<Reversal>

/** What the engine gives for an approved 手工报销: the fund's payment to the person, and how it came. */
export const claimPaymentSchema = z.object({
  totalFen: z.number().int(),
  deductibleFen: z.number().int(),
  fundPaidFen: z.number().int(),
  cashPaidFen: z.number().int(),
})

export type ClaimPayment = z.infer<typeof claimPaymentSchema>

/**
 * What the server answers for each applied action (DESIGN §4 `result`): the server's handlers
 * `satisfies` these, and the device parses the answer with them before it replaces its own
 * optimistic record.
 */
export const actionResultSchemas = {
  'filing.create': filingActionResultSchema,
  'filing.change': filingActionResultSchema,
  'filing.cancel': filingActionResultSchema,
  'filing.supplement': filingActionResultSchema,
  'trauma.sign': z.object({ commitmentId: z.string(), version: z.number().int(), digest: z.string(), receivedAt: instantSchema }),
  'admission.record': z.object({ admissionId: z.string() }),
  // The last day to claim by hand, when the 参保地 sets one (Jilin 第十五条).
  'admission.discharge': z.object({ admissionId: z.string(), dischargedOn: calendarDateSchema, claimDeadline: calendarDateSchema.nullable() }),
  'counter.verify.logged': z.object({ verificationId: z.string(), logged: z.literal(true) }),
  'settlement.record': z.union([
    z.object({ settlementId: z.string(), hospitalLevel: z.enum(['primary', 'secondary', 'tertiary']).optional(), split: settlementSplitSchema }),
    // A stay: the server says which 参保地, 险种 and ratio cut it settled under, from its own records.
    z.object({
      settlementId: z.string(),
      kind: z.literal('inpatient'),
      insuredRegion: z.string(),
      insuranceType: insuranceTypeSchema,
      ratioCutPoints: z.number().int(),
      /** The level the ratio was taken at: the directory's where it lists the hospital. */
      hospitalLevel: z.enum(['primary', 'secondary', 'tertiary']).optional(),
      split: inpatientSplitSchema,
    }),
  ]),
  'refund.request': z.object({ refundId: z.string(), status: z.literal('pending') }),
  'refund.process': z.discriminatedUnion('status', [
    z.object({ refundId: z.string(), status: z.literal('rejected') }),
    z.object({ refundId: z.string(), status: z.literal('approved'), reversal: reversalSchema }),
  ]),
  'outsideSlip.issue': z.object({ slipId: z.string(), admissionId: z.string() }),
  'outsideSlip.recordCosts': z.object({ slipId: z.string(), totalFen: z.number().int() }),
  'claim.submit': z.object({ claimId: z.string(), status: z.literal('submitted'), deadline: calendarDateSchema.nullable() }),
  'claim.decide': z.discriminatedUnion('status', [
    z.object({ claimId: z.string(), status: z.literal('rejected') }),
    z.object({ claimId: z.string(), status: z.literal('approved'), payment: claimPaymentSchema }),
  ]),
} as const satisfies Record<ActionType, z.ZodType>

/** The answer to an applied action of type `T`. */
export type ActionResult<T extends ActionType> = z.infer<(typeof actionResultSchemas)[T]>

export type FilingActionResult = z.infer<typeof filingActionResultSchema>

/**
 * Reads the server's answer to an applied action; `undefined` when it does not have the shape
 * this app knows (a newer server), in which case the next refresh brings the record instead.
 */
export function parseActionResult<T extends ActionType>(type: T, result: unknown): ActionResult<T> | undefined {
  const parsed = actionResultSchemas[type].safeParse(result)
  return parsed.success ? parsed.data as ActionResult<T> : undefined
}
