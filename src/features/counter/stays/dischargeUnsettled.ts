import type { ActionPayloadInput } from '../../../domain/schemas/actions'
import { submitAction } from '../../../sync/submitAction'

/**
 * Records that a stay left without direct settlement (`admission.discharge`): the patient pays in
 * full and claims 手工报销 at the 参保地 (Jilin 第十五条). Through the outbox, so it works offline;
 * returns the action's id to follow the server's answer.
 */
export async function dischargeUnsettled(input: ActionPayloadInput<'admission.discharge'>): Promise<string> {
  return submitAction('admission.discharge', input)
}
