import type { Logger } from 'pino'
import { maskPhone } from '../../src/domain/identity/mask.ts'

/** Delivers a one-time sign-in code to a phone (an SMS gateway in production). */
export type CodeSender = (phone: string, code: string) => Promise<void>

/**
 * Without an SMS gateway the code goes to the server log, for development and demonstrations:
 * the phone is masked; the code is written only outside production.
 */
export function logCodeSender(logger: Logger, production: boolean): CodeSender {
  return async (phone, code) => {
    logger.info({ phone: maskPhone(phone), ...(production ? {} : { code }) }, 'sign-in code issued')
  }
}
