/** `meta` key of the time the outbox last drained; the sync badge reads it without loading the engine. */
export const LAST_SYNCED_KEY = 'lastSyncedAt'
