import type { YidiDatabase } from './database'

/**
 * Meta keys that describe the device, not a person; they survive sign-out so the device keeps
 * its identity and cached public keys.
 */
export const DEVICE_META_KEYS: readonly string[] = ['deviceId', 'persistRequested', 'signingKeys', 'revocations']

/**
 * Removes every personal record from this device (used at sign-out). Every table is personal
 * unless listed otherwise, so a table added later is cleared without anyone remembering to.
 */
export async function clearPersonalData(database: YidiDatabase): Promise<void> {
  await database.transaction('rw', database.tables, async () => {
    for (const table of database.tables) {
      if (table.name === database.meta.name)
        await database.meta.where('key').noneOf(DEVICE_META_KEYS as string[]).delete()
      else
        await table.clear()
    }
  })
}
