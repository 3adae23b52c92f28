import { jsonShapeProblem, NUL_CHARACTER_MESSAGE } from '../http/jsonShape.ts'
import type { Refusal } from '../../src/domain/refusal.ts'

/**
 * Deepest payload an action may carry; the deepest real one (trauma.sign's strokes and points)
 * has 5 levels.
 */
export const MAX_PAYLOAD_DEPTH = 16

/**
 * Why an action cannot even be looked at — nested too deep to hash, or a NUL character no store
 * can keep alike — checked before any other work, so it is refused alone and the batch goes on.
 */
export function actionShapeRefusal(action: { type: string, payload?: unknown }): Refusal | undefined {
  if (action.type.includes('\u0000'))
    return { code: 'invalid_characters', message: NUL_CHARACTER_MESSAGE, field: 'type' }
  const problem = jsonShapeProblem(action.payload, MAX_PAYLOAD_DEPTH)
  if (problem?.code === 'too_deep')
    return { code: 'payload_too_deep', message: '操作内容的嵌套层级过深，无法处理，请更新应用后重新提交' }
  if (problem?.code === 'nul_character')
    return { code: 'invalid_characters', message: NUL_CHARACTER_MESSAGE, ...(problem.field ? { field: problem.field } : {}) }
  return undefined
}
