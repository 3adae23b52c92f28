import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { ActionPayload, ActionType } from '../../src/domain/schemas/actions.ts'
import type { Caller } from '../auth/caller.ts'
import type { Database } from '../store/index.ts'

/** Why an action was refused: a stable code, a zh-CN message a person reads, the field at fault. */
export interface ActionRejection {
  code: string
  message: string
  field?: string
}

export type HandlerOutcome = { result: unknown } | { reject: ActionRejection }

export interface HandlerContext {
  caller: Caller
  actionId: string
  /** The server's clock when the batch arrived; rules use its China calendar day. */
  now: Date
  logger: Logger
}

/**
 * Applies one validated action inside the batch's transaction (in its own savepoint: a rejection
 * or an error undoes whatever it wrote). It must not commit, and must not call out of the database.
 */
export type ActionHandler<T extends ActionType = ActionType> = (db: Kysely<Database>, context: HandlerContext, payload: ActionPayload<T>) => Promise<HandlerOutcome>

export type ActionHandlers = { [T in ActionType]?: ActionHandler<T> }

export const reject = (code: string, message: string, field?: string): HandlerOutcome =>
  ({ reject: { code, message, ...(field ? { field } : {}) } })
