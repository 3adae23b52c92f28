import { createLogger } from '../../../server/http/logger.ts'
import type { Logger } from '../../../server/http/logger.ts'

/** A logger writing into memory, so tests can read exactly what would reach the log. */
export interface CapturedLogger {
  logger: Logger
  /** Everything written so far, one JSON line per entry. */
  text: () => string
  entries: () => Array<Record<string, unknown>>
}

/** Creates a logger whose output is captured instead of printed. */
export function captureLogger(): CapturedLogger {
  const lines: string[] = []
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } })
  return {
    logger,
    text: () => lines.join(''),
    entries: () => lines.map(line => JSON.parse(line) as Record<string, unknown>),
  }
}
