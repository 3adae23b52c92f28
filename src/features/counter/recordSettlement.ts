import type { ActionPayloadInput } from '../../domain/schemas/actions'
import { submitAction } from '../../sync/submitAction'

export type SettlementInput = Omit<ActionPayloadInput<'settlement.record'>, 'settlementId'>

/**
 * Records a settlement through the outbox (works offline); the server computes the fund and
 * personal shares under the 参保地 policy. Returns the settlement's id.
 */
export async function recordSettlement(input: SettlementInput): Promise<string> {
  const settlementId = crypto.randomUUID()
  await submitAction('settlement.record', { ...input, settlementId })
  return settlementId
}
