/**
 * Periodic Background Sync (Chromium, for an installed app the person uses): the browser wakes
 * the service worker now and then with no page open, and it shows one notification when
 * something is due within two weeks. It reads the digest the page keeps in IndexedDB
 * (`reminderDigest.ts`) with the plain IndexedDB API, so neither Dexie nor the rules are bundled
 * here, and notifies at most once a China day. A database not made yet, no digest or no
 * notification permission: nothing is shown.
 */
import { chinaDateOf } from '../../domain/dates/calendarDate'
import { DATABASE_NAME, META_STORE } from '../../db/databaseName'
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

function request<T>(pending: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    pending.addEventListener('success', () => resolve(pending.result))
    pending.addEventListener('error', () => reject(pending.error))
  })
}

/** The app's database as it is, or undefined when the page never made it (then nothing is created). */
function openExisting(): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const opening = self.indexedDB.open(DATABASE_NAME)
    let created = false
    opening.addEventListener('upgradeneeded', () => {
      created = true
      opening.transaction?.abort()
    })
    opening.addEventListener('success', () => resolve(opening.result))
    opening.addEventListener('error', (event) => {
      if (created) {
        // Aborting the creation reports an error; it only means there is nothing to read.
        event.preventDefault()
        resolve(undefined)
      }
      else {
        reject(opening.error)
      }
    })
  })
}

async function notifyIfDue(): Promise<void> {
  const database = await openExisting()
  if (!database)
    return
  try {
    if (!database.objectStoreNames.contains(META_STORE))
      return
    const meta = database.transaction(META_STORE, 'readwrite').objectStore(META_STORE)
    const [digest, notified] = await Promise.all([
      request(meta.get(REMINDER_DIGEST_KEY)) as Promise<{ value: ReminderDigest } | undefined>,
      request(meta.get(PERIODIC_NOTIFIED_KEY)) as Promise<{ value: string } | undefined>,
    ])
    const today = chinaDateOf(new Date())
    const notification = digestNotification(digest?.value, today, notified?.value)
    if (!notification)
      return
    await request(meta.put({ key: PERIODIC_NOTIFIED_KEY, value: today }))
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
