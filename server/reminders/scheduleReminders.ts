import type { Logger } from '../http/logger.ts'
import type { Store } from '../store/index.ts'
import type { ReminderSender } from './reminderSender.ts'
import { backfillReminders } from './backfillReminders.ts'
import { sendDueReminders } from './sendDueReminders.ts'

/** Every instance looks for due reminders at start and then this often. */
export const REMINDER_INTERVAL_MS = 15 * 60_000

export interface ReminderSchedule {
  /** The run at start, for a caller that wants to wait for it. */
  first: Promise<void>
  stop: () => void
}

/**
 * Runs `backfillReminders` until it has succeeded once, then `sendDueReminders`, now and on an
 * interval. The timer only triggers: which reminders are due and who sends each is decided in the
 * database, so any number of instances may run it.
 * A failed run is logged and retried at the next tick; the timer never keeps the process alive.
 */
export function scheduleReminders(options: { store: Store, sender: ReminderSender, logger: Logger, clock?: () => Date, intervalMs?: number }): ReminderSchedule {
  const { store, sender, logger } = options
  const clock = options.clock ?? (() => new Date())
  let backfilled = false
  const backfill = async (): Promise<void> => {
    try {
      const looked = await backfillReminders(store, clock())
      backfilled = true
      if (looked.filings + looked.admissions > 0)
        logger.info(looked, 'reminder backfill')
    }
    catch (error) {
      // Tried again at the next tick; what is already due is sent meanwhile.
      logger.warn({ err: error }, 'reminder backfill failed')
    }
  }
  const run = async (): Promise<void> => {
    // Until it has succeeded once in this process: earlier filings get their reminders before a send.
    if (!backfilled)
      await backfill()
    try {
      const outcome = await sendDueReminders(store, sender, clock(), logger)
      if (outcome.sent + outcome.failed + outcome.gaveUp > 0)
        logger.info(outcome, 'reminder run')
    }
    catch (error) {
      logger.warn({ err: error }, 'reminder run failed')
    }
  }
  const timer = setInterval(() => void run(), options.intervalMs ?? REMINDER_INTERVAL_MS)
  timer.unref()
  return { first: run(), stop: () => clearInterval(timer) }
}
