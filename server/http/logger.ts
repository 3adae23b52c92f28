import { randomUUID } from 'node:crypto'
import type { RequestHandler } from 'express'
import pino from 'pino'
import type { DestinationStream, Level, Logger } from 'pino'
import { maskIdNumber, maskPhone, maskSensitiveText } from '../../src/domain/identity/mask.ts'

export type { Logger } from 'pino'

/** Options of {@link createLogger}; tests pass a destination to capture the output. */
export interface LoggerOptions {
  level?: Level | 'silent'
  destination?: DestinationStream
}

// Fields that hold a person's identity or a secret, compared case-insensitively.
const ID_FIELDS = new Set(['idnumber', 'idcard'])
const PHONE_FIELDS = new Set(['phone', 'mobile'])
const REDACTED_FIELDS = new Set(['name', 'fullname', 'password', 'token', 'authorization', 'cookie', 'signature', 'devcode'])

function maskField(key: string, value: unknown): unknown {
  const lowered = key.toLowerCase()
  if (typeof value === 'string' && ID_FIELDS.has(lowered))
    return maskIdNumber(value)
  if (typeof value === 'string' && PHONE_FIELDS.has(lowered))
    return maskPhone(value)
  if (REDACTED_FIELDS.has(lowered) && value !== undefined && value !== null)
    return '[redacted]'
  return maskValue(value)
}

/** Masks personal fields by name, everywhere in a logged object. */
function maskValue(value: unknown): unknown {
  if (typeof value === 'string')
    return maskSensitiveText(value)
  // Errors go to pino's serializer intact; their text is masked with the whole line below.
  if (typeof value !== 'object' || value === null || value instanceof Error)
    return value
  if (Array.isArray(value))
    return value.map(maskValue)
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskField(key, item)]))
}

/**
 * The server's structured (JSON) logger. Two layers keep ID numbers and phone numbers out of
 * logs: personal fields are masked by name, and every finished line is masked as text, which
 * also covers messages, paths and error stacks.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino({
    level: options.level ?? 'info',
    formatters: { log: object => maskValue(object) as Record<string, unknown> },
    hooks: { streamWrite: line => maskSensitiveText(line) },
  }, options.destination)
}

const REQUEST_ID = /^[\w.-]{1,64}$/

/**
 * Logs one line per request when it ends: method, path without query string, status, duration
 * and a request id (the caller's `X-Request-Id` when sane, else a new one, echoed back).
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint()
    const incoming = req.get('x-request-id')
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    res.locals.requestId = requestId
    res.setHeader('X-Request-Id', requestId)
    res.once('close', () => {
      const status = res.statusCode
      const level: Level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info'
      logger[level]({
        requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        aborted: !res.writableFinished || undefined,
      }, 'request')
    })
    next()
  }
}
