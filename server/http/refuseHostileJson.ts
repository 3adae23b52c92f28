import type { RequestHandler } from 'express'
import { jsonShapeProblem, NUL_CHARACTER_MESSAGE } from './jsonShape.ts'
import { HttpProblem } from './problem.ts'

/** Deepest JSON body an endpoint other than sync accepts; the real ones are under 5 levels. */
export const MAX_BODY_DEPTH = 32

/**
 * Refuses a parsed JSON body that is nested too deep or carries a NUL character, with 400 and a
 * zh-CN detail, before any route works on it. `POST /sync` is mounted before this middleware:
 * it refuses such an action alone, inside a 200 batch, so the valid actions beside it apply.
 */
export function refuseHostileJson(maxDepth = MAX_BODY_DEPTH): RequestHandler {
  return (req, _res, next) => {
    const problem = jsonShapeProblem(req.body, maxDepth)
    if (problem?.code === 'too_deep')
      throw new HttpProblem(400, '请求内容的嵌套层级过深，无法处理', { code: 'body_too_deep' })
    if (problem?.code === 'nul_character') {
      throw new HttpProblem(400, NUL_CHARACTER_MESSAGE, {
        code: 'invalid_characters',
        errors: [{ field: problem.field, code: 'invalid_characters', message: NUL_CHARACTER_MESSAGE }],
      })
    }
    next()
  }
}
