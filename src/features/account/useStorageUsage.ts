import { onMounted, shallowRef, type ShallowRef } from 'vue'
import { estimateStorageUsage, type StorageUsage } from '../../db/storagePersistence'

export interface UseStorageUsageReturn {
  usage: ShallowRef<StorageUsage | undefined>
  isSupported: boolean
  refresh: () => Promise<void>
}

/** How full this device's storage is for the app; `isSupported` is false where browsers can't tell. */
export function useStorageUsage(): UseStorageUsageReturn {
  const usage = shallowRef<StorageUsage>()
  const isSupported = typeof navigator !== 'undefined' && Boolean(navigator.storage?.estimate)
  async function refresh() {
    usage.value = await estimateStorageUsage()
  }
  onMounted(refresh)
  return { usage, isSupported, refresh }
}
