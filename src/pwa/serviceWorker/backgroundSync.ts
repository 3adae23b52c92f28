/**
 * Background Sync, part of the service worker's own script (script.ts). On
 * Background Sync it asks open tabs to flush their outbox: the outbox engine lives in the page,
 * next to the IndexedDB it owns. Tag and message are the page's own constants, not copies.
 */
import { BACKGROUND_SYNC_TAG, FLUSH_MESSAGE } from '../../sync/backgroundSync'

// The parts of the service worker's scope used here, declared by hand: the project compiles for
// pages (the DOM lib), whose declarations clash with the WebWorker lib's.
interface BackgroundSyncEvent extends Event {
  readonly tag: string
  waitUntil: (work: Promise<unknown>) => void
}
interface WindowClient {
  postMessage: (message: { type: typeof FLUSH_MESSAGE }) => void
}
interface ServiceWorkerScope {
  clients: { matchAll: (options: { type: 'window' }) => Promise<readonly WindowClient[]> }
  addEventListener: (type: 'sync', listener: (event: BackgroundSyncEvent) => void) => void
}
declare const self: ServiceWorkerScope

async function askOpenTabsToFlush(): Promise<void> {
  for (const client of await self.clients.matchAll({ type: 'window' }))
    // A service worker's Client.postMessage has no target origin: the client is same-origin.
    // eslint-disable-next-line unicorn/require-post-message-target-origin
    client.postMessage({ type: FLUSH_MESSAGE })
}

self.addEventListener('sync', (event) => {
  if (event.tag === BACKGROUND_SYNC_TAG)
    event.waitUntil(askOpenTabsToFlush())
})
