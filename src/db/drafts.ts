import type { YidiDatabase } from './database'
import { requestPersistenceOnce } from './storagePersistence'

/**
 * Saves a form's current input; the first save of all also asks for persistent storage. Drafts
 * are plain JSON (files live in `attachments`), copied so reactive proxies never reach IndexedDB.
 */
export async function saveDraft(database: YidiDatabase, key: string, data: unknown): Promise<void> {
  await database.drafts.put({ key, data: JSON.parse(JSON.stringify(data)) as unknown, updatedAt: new Date().toISOString() })
  await requestPersistenceOnce(database)
}

export async function loadDraft<T>(database: YidiDatabase, key: string): Promise<T | undefined> {
  return (await database.drafts.get(key))?.data as T | undefined
}

export async function discardDraft(database: YidiDatabase, key: string): Promise<void> {
  await database.drafts.delete(key)
}
