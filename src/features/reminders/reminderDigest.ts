import type { Deadline } from '../../domain/reminders/deadline'
import { countDueSoon } from '../../domain/reminders/upcoming'

/** The Periodic Background Sync tag under which the service worker looks for due reminders. */
export const PERIODIC_REMINDERS_TAG = 'yidi-reminders'

/** Meta key of the digest the page keeps for the service worker (personal: cleared at sign-out). */
export const REMINDER_DIGEST_KEY = 'reminderDigest'

/** Meta key of the China day the service worker last notified on, so it notifies once a day. */
export const PERIODIC_NOTIFIED_KEY = 'reminderPeriodicNotifiedOn'

/**
 * What the service worker needs to notify with the page closed: the dates of the deadlines the
 * device knows and the notification's words in the person's language, `{count}` left to fill.
 * The service worker has neither the rules nor the translations; the page writes this whenever
 * the deadlines change.
 */
export interface ReminderDigest {
  deadlines: Pick<Deadline, 'kind' | 'date'>[]
  title: string
  body: string
}

/**
 * The notification to show on `today` (China day), or null: nothing due within two weeks, or
 * already notified today. Shared by the page and the service worker's periodic wake-up.
 */
export function digestNotification(digest: ReminderDigest | undefined, today: string, notifiedOn: string | undefined): { title: string, body: string } | null {
  if (!digest || notifiedOn === today)
    return null
  const count = countDueSoon(digest.deadlines, today)
  return count === 0 ? null : { title: digest.title, body: digest.body.replaceAll('{count}', String(count)) }
}
