/**
 * Periodic Background Sync (Chromium, for an installed app the person uses): the browser wakes
 * the service worker now and then with no page open, and it shows one notification when
 * something is due within two weeks. It reads the digest the page keeps in IndexedDB
 * (`reminderDigest.ts`) with the plain IndexedDB API, so neither Dexie nor the rules are bundled
 * here, and notifies at most once a China day. A database not made yet, no digest or no
 * notification permission: nothing is shown.
 */
import { chinaDateOf } from '../../domain/dates/calendarDate'
import { META_STORE } from '../../db/databaseName'
import { openExistingDatabase, requestResult } from '../../db/existingDatabase'
import { digestNotification, PERIODIC_NOTIFIED_KEY, PERIODIC_REMINDERS_TAG, REMINDER_DIGEST_KEY, type ReminderDigest } from '../../features/reminders/reminderDigest'

// The parts of the service worker's scope used here, declared by hand (see backgroundSync.ts).
interface PeriodicSyncEvent extends Event {
  readonly tag: string
  waitUntil: (work: Promise<unknown>) => void
}
interface ServiceWorkerScope {
  indexedDB: IDBFactory
  registration: { showNotification: (title: string, options: { body: string, tag: string }) => Promise<void> }
  addEventListener: (type: 'periodicsync', listener: (event: PeriodicSyncEvent) => void) => void
}
declare const self: ServiceWorkerScope

async function notifyIfDue(): Promise<void> {
  const database = await openExistingDatabase(self.indexedDB)
  if (!database)
    return
  try {
    if (!database.objectStoreNames.contains(META_STORE))
      return
    const meta = database.transaction(META_STORE, 'readwrite').objectStore(META_STORE)
    const [digest, notified] = await Promise.all([
      requestResult(meta.get(REMINDER_DIGEST_KEY)) as Promise<{ value: ReminderDigest } | undefined>,
      requestResult(meta.get(PERIODIC_NOTIFIED_KEY)) as Promise<{ value: string } | undefined>,
    ])
    const today = chinaDateOf(new Date())
    const notification = digestNotification(digest?.value, today, notified?.value)
    if (!notification)
      return
    await requestResult(meta.put({ key: PERIODIC_NOTIFIED_KEY, value: today }))
    // The same tag as the page's notification: a newer one replaces it instead of piling up.
    await self.registration.showNotification(notification.title, { body: notification.body, tag: 'yidi-reminders' })
  }
  finally {
    database.close()
  }
}

self.addEventListener('periodicsync', (event) => {
  if (event.tag === PERIODIC_REMINDERS_TAG)
    event.waitUntil(notifyIfDue())
})
