import type { ActionPayloadInput } from '../../../domain/schemas/actions'
import { submitAction } from '../../../sync/submitAction'

export type OutsideSlipInput = Omit<ActionPayloadInput<'outsideSlip.issue'>, 'slipId'>

/**
 * Issues a 住院期间外院检查治疗或定点药店购药单 (001 annex 12) for an open stay through the outbox
 * (works offline). Returns the slip's id.
 */
export async function issueOutsideSlip(input: OutsideSlipInput): Promise<string> {
  const slipId = crypto.randomUUID()
  await submitAction('outsideSlip.issue', { ...input, slipId })
  return slipId
}

/**
 * Records the costs of a slip as they came back (no lines: not used), through the outbox. The
 * slip's issue, if it is still unsent, goes first.
 */
export async function recordSlipCosts(input: ActionPayloadInput<'outsideSlip.recordCosts'>): Promise<string> {
  return submitAction('outsideSlip.recordCosts', input)
}
