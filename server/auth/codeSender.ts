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

/**
 * Development without an SMS gateway (`npm start`, `npm run dev` outside production): the code is
 * printed as one line of its own on the console, where a person trying the app looks, instead of
 * inside the JSON log; the log keeps only the masked phone.
 */
export function consoleCodeSender(logger: Logger, write: (line: string) => void = line => process.stdout.write(line)): CodeSender {
  return async (phone, code) => {
    logger.info({ phone: maskPhone(phone) }, 'sign-in code issued')
    write(`\n  ▶ 验证码 ${code}  发往 ${maskPhone(phone)}（5 分钟内有效；开发环境不发短信，验证码只显示在这里）\n\n`)
  }
}
