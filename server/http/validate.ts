import type { RequestHandler } from 'express'
import type { ZodType } from 'zod/v4'

/**
 * Validates `req.body` with a shared zod schema (from `src/domain`) and replaces it with the
 * parsed value; a failure reaches the error middleware as 400 with per-field errors.
 */
export function validateBody(schema: ZodType): RequestHandler {
  return (req, _res, next) => {
    req.body = schema.parse(req.body)
    next()
  }
}
