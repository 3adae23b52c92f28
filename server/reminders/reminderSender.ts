import type { Logger } from 'pino'
import { maskPhone } from '../../src/domain/identity/mask.ts'

/** Delivers one reminder text to a phone (an SMS gateway in production), like `CodeSender`. */
export type ReminderSender = (phone: string, message: string) => Promise<void>

/**
 * Without an SMS gateway a reminder goes to the server log: the phone masked, the text left out
 * (it names a 备案编号 and a date, which belong to the person, not to the log).
 */
export function logReminderSender(logger: Logger): ReminderSender {
  return async (phone) => {
    logger.info({ phone: maskPhone(phone) }, 'reminder sms sent')
  }
}
