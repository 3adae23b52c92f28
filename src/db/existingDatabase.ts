import { DATABASE_NAME } from './databaseName'

/** An IndexedDB request as a promise. */
export function requestResult<T>(pending: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    pending.addEventListener('success', () => resolve(pending.result))
    pending.addEventListener('error', () => reject(pending.error))
  })
}

/**
 * The app's database as it is, with the plain IndexedDB API, or undefined when this device never
 * made it (then nothing is created: Dexie makes it, with its tables, when the app needs it). The
 * service worker reads it this way, and so does a first screen that cannot wait for Dexie.
 */
export function openExistingDatabase(factory: IDBFactory): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const opening = factory.open(DATABASE_NAME)
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

/**
 * One record of one table, read without Dexie: the record, null when the device has no such
 * record (or no such table, or no database), undefined when it could not be read (Dexie answers
 * then). The connection closes at once, so a newer version of the app can still upgrade the database.
 */
export async function readRecordWithoutDexie<T>(table: string, key: string): Promise<T | null | undefined> {
  try {
    const database = await openExistingDatabase(indexedDB)
    if (!database)
      return null
    try {
      if (!database.objectStoreNames.contains(table))
        return null
      const record = await requestResult(database.transaction(table, 'readonly').objectStore(table).get(key)) as T | undefined
      return record ?? null
    }
    finally {
      database.close()
    }
  }
  catch {
    return undefined
  }
}
