import { liveQuery } from 'dexie'
import { db } from '../../db/database'
import { countDueSoon } from '../../domain/reminders/upcoming'
import { deviceDeadlines } from './deviceDeadlines'
import { cachedServerDeadlines } from './serverDeadlines'

/**
 * Follows how many of the device's deadlines are due within two weeks of `today`, for the tab's
 * badge; `onCount` runs at once and after every change to the filings or to the server's
 * deadlines kept here. Returns the unsubscribe.
 */
export function watchDueSoon(today: string, onCount: (count: number) => void): () => void {
  const subscription = liveQuery(async () => countDueSoon(deviceDeadlines(await db.filings.toArray(), await cachedServerDeadlines(db)), today))
    .subscribe({ next: onCount, error: () => onCount(0) })
  return () => subscription.unsubscribe()
}
