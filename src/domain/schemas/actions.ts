import type { z } from 'zod/v4'
import { claimDecidePayloadSchema, claimSubmitPayloadSchema } from './claim'
import { admissionDischargePayloadSchema, admissionRecordPayloadSchema, counterVerifyLoggedPayloadSchema } from './counter'
import { filingCancelPayloadSchema, filingChangePayloadSchema, filingCreatePayloadSchema, filingSupplementPayloadSchema } from './filing'
import { outsideSlipIssuePayloadSchema, outsideSlipRecordCostsPayloadSchema } from './outsideSlip'
import { refundProcessPayloadSchema, refundRequestPayloadSchema, settlementRecordPayloadSchema } from './settlement'
import { traumaSignPayloadSchema } from './trauma'

/**
 * Every action type of the sync contract (DESIGN §4) with its payload schema: the forms, the
 * outbox and the server validate with the same object.
 */
export const actionPayloadSchemas = {
  'filing.create': filingCreatePayloadSchema,
  'filing.change': filingChangePayloadSchema,
  'filing.cancel': filingCancelPayloadSchema,
  'filing.supplement': filingSupplementPayloadSchema,
  'trauma.sign': traumaSignPayloadSchema,
  'admission.record': admissionRecordPayloadSchema,
  'admission.discharge': admissionDischargePayloadSchema,
  'counter.verify.logged': counterVerifyLoggedPayloadSchema,
  'settlement.record': settlementRecordPayloadSchema,
  'refund.request': refundRequestPayloadSchema,
  'refund.process': refundProcessPayloadSchema,
  'outsideSlip.issue': outsideSlipIssuePayloadSchema,
  'outsideSlip.recordCosts': outsideSlipRecordCostsPayloadSchema,
  'claim.submit': claimSubmitPayloadSchema,
  'claim.decide': claimDecidePayloadSchema,
} as const

export type ActionType = keyof typeof actionPayloadSchemas

export const ACTION_TYPES = Object.keys(actionPayloadSchemas) as [ActionType, ...ActionType[]]

/** The validated payload of an action type. */
export type ActionPayload<T extends ActionType> = z.infer<(typeof actionPayloadSchemas)[T]>

/** The payload as a form or the outbox holds it before parsing (e.g. `x` not yet `X`). */
export type ActionPayloadInput<T extends ActionType> = z.input<(typeof actionPayloadSchemas)[T]>

/** Actions only hospital counter staff may send; the rest come from insured people. */
export const COUNTER_ACTION_TYPES: readonly ActionType[] = [
  'trauma.sign', 'admission.record', 'admission.discharge', 'counter.verify.logged', 'settlement.record', 'refund.process',
  'outsideSlip.issue', 'outsideSlip.recordCosts',
]

/** Actions only 参保地 agency staff may send. */
export const AGENCY_ACTION_TYPES: readonly ActionType[] = ['claim.decide']

/** Who may send an action of `type`. */
export function senderRoleOf(type: ActionType): 'insured' | 'counter' | 'agency' {
  if (COUNTER_ACTION_TYPES.includes(type))
    return 'counter'
  return AGENCY_ACTION_TYPES.includes(type) ? 'agency' : 'insured'
}

/** True when `type` names a known action. */
export function isActionType(type: string): type is ActionType {
  return Object.hasOwn(actionPayloadSchemas, type)
}
