import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from 'pino'
import { ZodError } from 'zod/v4'
import { HttpProblem, problemBody, sendProblem } from './problem.ts'
import type { ProblemBody } from './problem.ts'

/** Answers any request that reached it with 404 problem+json (mounted under `/api`). */
export const apiNotFound: RequestHandler = (_req, res) => {
  sendProblem(res, problemBody(404, '请求的接口不存在', 'not_found'))
}

/** Client errors raised by Express middleware (http-errors); body-parser adds a `type`. */
interface ClientHttpError {
  status: number
  type?: string
}

function isClientHttpError(error: unknown): error is ClientHttpError {
  const status = typeof error === 'object' && error !== null ? (error as Partial<ClientHttpError>).status : undefined
  return typeof status === 'number' && status >= 400 && status < 500
}

const bodyParserProblems: Record<string, [detail: string, code: string]> = {
  'entity.parse.failed': ['请求内容不是有效的 JSON', 'malformed_json'],
  'entity.too.large': ['请求内容超过大小上限（每次同步不超过 1 MiB，每个附件不超过 5 MB）', 'body_too_large'],
  'encoding.unsupported': ['不支持的内容编码', 'unsupported_encoding'],
  'charset.unsupported': ['不支持的字符集，请使用 UTF-8', 'unsupported_charset'],
  'request.aborted': ['请求在传输中被中断', 'request_aborted'],
}

/** Maps an error to the problem a client sees; `undefined` means an unexpected (500) error. */
function toProblem(error: unknown): ProblemBody | undefined {
  if (error instanceof HttpProblem)
    return problemBody(error.status, error.message, error.code, error.errors)
  if (error instanceof ZodError) {
    const errors = error.issues.map(issue => ({ field: issue.path.join('.'), code: issue.code, message: issue.message }))
    return problemBody(400, '请求内容未通过校验，请检查标出的字段', 'validation_failed', errors)
  }
  if (isClientHttpError(error)) {
    const [detail, code] = bodyParserProblems[error.type ?? ''] ?? ['请求无法处理', 'bad_request']
    return problemBody(error.status, detail, code)
  }
  return undefined
}

/**
 * The one error middleware: every failure becomes RFC 9457 problem+json. Bad input never yields
 * 500; anything unexpected is logged in full and answered with a generic zh-CN detail.
 */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error)
      return
    }
    const problem = toProblem(error)
    if (problem) {
      sendProblem(res, problem)
      return
    }
    logger.error({ err: error, method: req.method, path: req.originalUrl.split('?')[0] }, 'request failed')
    sendProblem(res, problemBody(500, '服务器内部错误，请稍后再试', 'internal_error'))
  }
}
