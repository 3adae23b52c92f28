// Imported by the generated service worker. On Background Sync, ask open tabs to flush their
// outbox: the outbox engine lives in the page, next to the IndexedDB it owns.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'yidi-outbox')
    return
  event.waitUntil(self.clients.matchAll({ type: 'window' }).then((clients) => {
    for (const client of clients)
      client.postMessage({ type: 'yidi:flush' })
  }))
})
