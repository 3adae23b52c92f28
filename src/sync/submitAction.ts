import { db } from '../db/database'
import type { ActionPayloadInput, ActionType } from '../domain/schemas/actions'
import { enqueue, type EnqueueOptions } from './enqueue'
import { wakeFlusher } from './flusherWake'

/**
 * The one way a person's action enters the app: it is validated and written to the outbox with
 * its optimistic record (`enqueue`), then the flusher is woken to send it now if it can. Each
 * feature's action function (`fileFiling`, `requestRefund`, …) calls this; views call those.
 * Throws `InvalidActionError` with the field at fault when the rulebook refuses the payload.
 */
export async function submitAction<T extends ActionType>(type: T, payload: ActionPayloadInput<T>, options: Pick<EnqueueOptions, 'dependsOn' | 'attachmentIds'> = {}): Promise<string> {
  const id = await enqueue(db, type, payload, options)
  wakeFlusher()
  return id
}
