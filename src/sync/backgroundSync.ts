/** Tag under which the service worker is asked to wake the app when the network is back. */
export const BACKGROUND_SYNC_TAG = 'yidi-outbox'
/** Message the service worker posts to open tabs on a Background Sync event. */
export const FLUSH_MESSAGE = 'yidi:flush'

interface SyncManager {
  register: (tag: string) => Promise<void>
}

/** Whether this browser has Background Sync (Chromium does; Safari and Firefox do not). */
export function isBackgroundSyncSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'SyncManager' in window
}

/**
 * Asks the browser to wake the service worker once connectivity returns, which then asks open
 * tabs to flush. Where unsupported the `online` event and the backoff timer do the same job.
 */
export async function requestBackgroundSync(): Promise<void> {
  if (!isBackgroundSyncSupported())
    return
  const registration = await navigator.serviceWorker.ready
  await (registration as ServiceWorkerRegistration & { sync?: SyncManager }).sync?.register(BACKGROUND_SYNC_TAG).catch(() => {})
}
