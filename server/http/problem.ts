import { STATUS_CODES } from 'node:http'
import type { Response } from 'express'

/** One field that failed validation, as listed in a problem's `errors`. */
export interface FieldError {
  field: string
  code: string
  message: string
}

/** An RFC 9457 problem details body; `detail` is for people and written in zh-CN. */
export interface ProblemBody {
  type: string
  title: string
  status: number
  detail: string
  code?: string
  errors?: FieldError[]
}

/**
 * An error a route throws to answer with a specific problem, e.g.
 * `throw new HttpProblem(403, '只能查看本人的备案', { code: 'forbidden' })`.
 * Express 5 forwards it from async handlers to the error middleware.
 */
export class HttpProblem extends Error {
  readonly status: number
  readonly code: string | undefined
  readonly errors: FieldError[] | undefined

  constructor(status: number, detail: string, options: { code?: string; errors?: FieldError[] } = {}) {
    super(detail)
    this.name = 'HttpProblem'
    this.status = status
    this.code = options.code
    this.errors = options.errors
  }
}

/** Builds a problem body; `type` is a stable URN per code, `title` the HTTP reason phrase. */
export function problemBody(status: number, detail: string, code?: string, errors?: FieldError[]): ProblemBody {
  return {
    type: code ? `urn:yidi:problem:${code}` : 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...(code ? { code } : {}),
    ...(errors ? { errors } : {}),
  }
}

/** Sends a problem with the `application/problem+json` media type. */
export function sendProblem(res: Response, body: ProblemBody): void {
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body))
}
