import type { ActionPayloadInput } from '../../domain/schemas/actions'
import { submitAction } from '../../sync/submitAction'

export type SettlementInput = Omit<ActionPayloadInput<'settlement.record'>, 'settlementId'>

/**
 * Records a settlement through the outbox (works offline); the server computes the fund and
 * personal shares under the 参保地 policy. Returns the settlement's id and the action's, whose
 * outbox entry carries the server's answer once it comes.
 */
export async function recordSettlement(input: SettlementInput): Promise<{ settlementId: string, actionId: string }> {
  const settlementId = crypto.randomUUID()
  const actionId = await submitAction('settlement.record', { ...input, settlementId })
  return { settlementId, actionId }
}
