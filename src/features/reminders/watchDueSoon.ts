import { liveQuery } from 'dexie'
import { db } from '../../db/database'
import type { Deadline } from '../../domain/reminders/deadline'
import { countDueSoon } from '../../domain/reminders/upcoming'
import { deviceDeadlines } from './deviceDeadlines'
import { cachedServerDeadlines } from './serverDeadlines'

/**
 * Follows the device's deadlines and how many are due within two weeks of `today`, for the tab's
 * badge and the service worker's digest; `onChange` runs at once and after every change to the
 * filings or to the server's deadlines kept here. Returns the unsubscribe.
 */
export function watchDueSoon(today: string, onChange: (count: number, deadlines: Deadline[]) => void): () => void {
  const subscription = liveQuery(async () => deviceDeadlines(await db.filings.toArray(), await cachedServerDeadlines(db)))
    .subscribe({ next: deadlines => onChange(countDueSoon(deadlines, today), deadlines), error: () => onChange(0, []) })
  return () => subscription.unsubscribe()
}
