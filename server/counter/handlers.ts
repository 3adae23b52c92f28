import { writeAuditEntry } from './auditLog.ts'
import type { ActionResult } from '../../src/domain/schemas/results.ts'
import type { ActionHandler, ActionHandlers } from '../sync/actionHandler.ts'
import { reject } from '../sync/actionHandler.ts'

/** `counter.verify.logged`: a verification a counter made offline lands in the same audit log. */
export const counterVerifyLogged: ActionHandler<'counter.verify.logged'> = async (db, { caller, actionId }, payload) => {
  if (caller.role !== 'counter')
    return reject('forbidden', '此操作仅限医保窗口工作人员')
  // The account's own city, not the device's word for it: the audit log says where the lookup was made.
  await writeAuditEntry(db, caller, {
    at: payload.verifiedAt,
    idNumber: payload.idNumber,
    name: payload.name,
    method: payload.method,
    outcome: payload.impersonationSuspected ? 'impersonation_suspected' : payload.outcome,
    filingNumber: payload.filingNumber ?? null,
    actionId,
  })
  return { result: { verificationId: payload.verificationId, logged: true } satisfies ActionResult<'counter.verify.logged'> }
}

/** The counter's handlers of the sync contract. */
export const counterHandlers: ActionHandlers = { 'counter.verify.logged': counterVerifyLogged }
