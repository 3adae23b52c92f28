import type { YidiDatabase } from '../../db/database'
import type { Deadline } from '../../domain/reminders/deadline'
import { PERIODIC_REMINDERS_TAG, REMINDER_DIGEST_KEY, type ReminderDigest } from './reminderDigest'

/** How often at most the browser is asked to wake the service worker: twice a day is plenty for day-scale deadlines. */
export const PERIODIC_MIN_INTERVAL_MS = 12 * 60 * 60_000

interface PeriodicSyncManager {
  register: (tag: string, options: { minInterval: number }) => Promise<void>
}

/** Whether this browser has Periodic Background Sync (Chromium for installed apps; not Safari nor Firefox). */
export function isPeriodicSyncSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PeriodicSyncManager' in window
}

/**
 * Asks the browser to wake the service worker now and then so a due reminder is notified with
 * the app closed. Only once the person allowed notifications, where the browser has the feature
 * and grants it (Chromium decides by how the installed app is used). Returns whether it was
 * registered; anywhere else nothing changes: the notification on opening still works.
 */
export async function registerPeriodicReminders(): Promise<boolean> {
  if (!isPeriodicSyncSupported() || typeof Notification === 'undefined' || Notification.permission !== 'granted')
    return false
  const registration = await navigator.serviceWorker.getRegistration()
  const periodicSync = (registration as (ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager }) | undefined)?.periodicSync
  if (!periodicSync)
    return false
  const permission = await navigator.permissions?.query({ name: 'periodic-background-sync' as PermissionName }).catch(() => undefined)
  if (permission?.state !== 'granted')
    return false
  return periodicSync.register(PERIODIC_REMINDERS_TAG, { minInterval: PERIODIC_MIN_INTERVAL_MS }).then(() => true, () => false)
}

/**
 * Keeps the digest the service worker notifies from (`reminderDigest.ts`) in line with the
 * device's deadlines: dates and kinds only, and the words of the notification in the person's
 * language. Written only when it changed.
 */
export async function keepReminderDigest(database: YidiDatabase, deadlines: readonly Deadline[], text: { title: string, body: string }): Promise<void> {
  const digest: ReminderDigest = { deadlines: deadlines.map(({ kind, date }) => ({ kind, date })), ...text }
  const kept = (await database.meta.get(REMINDER_DIGEST_KEY))?.value
  if (JSON.stringify(kept) !== JSON.stringify(digest))
    await database.meta.put({ key: REMINDER_DIGEST_KEY, value: digest })
}
