import type { Refusal } from '../refusal'
import type { ActionPayload, ActionType } from './actions'
import { actionPayloadSchemas } from './actions'

/** A payload problem is a refusal: `invalid_id_number` for ID problems, else `invalid_payload`. */
export type ParsedPayload<T extends ActionType> = { ok: true, payload: ActionPayload<T> } | { ok: false, error: Refusal }

/**
 * Validates one action's payload with its schema and reduces zod's issues to the first one, in
 * the `{code, message, field}` shape of DESIGN §4 (`invalid_id_number` for ID problems).
 */
export function parseActionPayload<T extends ActionType>(type: T, payload: unknown): ParsedPayload<T> {
  const parsed = actionPayloadSchemas[type].safeParse(payload)
  if (parsed.success)
    return { ok: true, payload: parsed.data as ActionPayload<T> }
  const issue = parsed.error.issues[0]
  const field = issue?.path.join('.') || undefined
  const isId = issue?.path.at(-1) === 'idNumber'
  return {
    ok: false,
    error: { code: isId ? 'invalid_id_number' : 'invalid_payload', message: issue?.message ?? '数据格式不正确', ...(field && { field }) },
  }
}
