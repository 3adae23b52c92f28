import type { Logger } from 'pino'
import { maskPhone } from '../../src/domain/identity/mask.ts'

/**
 * What a code is for, so the SMS can say it: signing in, or letting someone file for the
 * phone's owner (代办 consent: `{ agentName }` is who asked).
 */
export type CodePurpose = { kind: 'sign_in' } | { kind: 'agency_consent', agentName: string }

/** Delivers a one-time code to a phone (an SMS gateway in production). */
export type CodeSender = (phone: string, code: string, purpose?: CodePurpose) => Promise<void>

/**
 * Without an SMS gateway the code goes to the server log, for development and demonstrations:
 * the phone is masked; the code is written only outside production.
 */
export function logCodeSender(logger: Logger, production: boolean): CodeSender {
  return async (phone, code, purpose = { kind: 'sign_in' }) => {
    logger.info({ phone: maskPhone(phone), purpose: purpose.kind, ...(production ? {} : { code }) }, purpose.kind === 'sign_in' ? 'sign-in code issued' : 'agency consent code issued')
  }
}
