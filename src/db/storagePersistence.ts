import type { YidiDatabase } from './database'

/** Storage use above this share of the quota warns the person before the browser evicts data. */
export const STORAGE_WARNING_RATIO = 0.8

/**
 * Asks the browser to keep this site's storage under pressure. Called on the first save, not at
 * page load: browsers grant it more readily once the person has used the app, and it is asked once.
 */
export async function requestPersistenceOnce(database: YidiDatabase): Promise<boolean | undefined> {
  if (await database.meta.get('persistRequested'))
    return undefined
  const granted = typeof navigator !== 'undefined' && navigator.storage?.persist
    ? await navigator.storage.persist().catch(() => false)
    : false
  await database.meta.put({ key: 'persistRequested', value: { at: new Date().toISOString(), granted } })
  return granted
}

export interface StorageUsage {
  usage: number
  quota: number
  ratio: number
  nearlyFull: boolean
}

/** How full this site's storage is, or undefined where the browser cannot tell. */
export async function estimateStorageUsage(): Promise<StorageUsage | undefined> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate)
    return undefined
  const { usage = 0, quota = 0 } = await navigator.storage.estimate()
  if (quota <= 0)
    return undefined
  const ratio = usage / quota
  return { usage, quota, ratio, nearlyFull: ratio >= STORAGE_WARNING_RATIO }
}
