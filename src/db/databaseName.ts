/** The name of the app's IndexedDB database; the service worker opens it too, without Dexie. */
export const DATABASE_NAME = 'yidi'

/** The object store of small keyed values (`{ key, value }`), Dexie's `meta` table. */
export const META_STORE = 'meta'
