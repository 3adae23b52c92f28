import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { type Refusal, refusal } from '../../src/domain/refusal.ts'
import type { ActionPayload, ActionType } from '../../src/domain/schemas/actions.ts'
import type { Caller } from '../auth/caller.ts'
import type { Database } from '../store/index.ts'

export type HandlerOutcome = { result: unknown } | { reject: Refusal }

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

export const reject = (code: string, message: string, field?: string): HandlerOutcome => ({ reject: refusal(code, message, field) })
