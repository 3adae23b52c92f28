import type { YidiDatabase } from './database'

/**
 * Meta keys that describe the device, not a person; they survive sign-out so the device keeps
 * its identity and cached public keys.
 */
export const DEVICE_META_KEYS: readonly string[] = ['deviceId', 'persistRequested', 'signingKeys', 'revocations', 'idTagKeys']

/**
 * Tables that describe the device, not a person: public data (the 定点医疗机构 directory, kept so
 * its searches still answer offline) and the patient-mode lock, which no change of session may lift.
 */
export const DEVICE_TABLES: readonly string[] = ['hospitals', 'locks']

/**
 * Removes every personal record from this device (used at sign-out). Every table is personal
 * unless listed otherwise, so a table added later is cleared without anyone remembering to.
 * With `keepUnsent`, actions not yet applied and files not yet uploaded stay, so work made under
 * another account still reaches the server when that account signs in again.
 */
export async function clearPersonalData(database: YidiDatabase, { keepUnsent = false } = {}): Promise<void> {
  await database.transaction('rw', database.tables, async () => {
    for (const table of database.tables) {
      if (DEVICE_TABLES.includes(table.name))
        continue
      if (table.name === database.meta.name)
        await database.meta.where('key').noneOf(DEVICE_META_KEYS as string[]).delete()
      else if (keepUnsent && table.name === database.outbox.name)
        await database.outbox.where('status').equals('applied').delete()
      else if (keepUnsent && table.name === database.attachments.name)
        await database.attachments.filter(attachment => attachment.uploadedAt !== undefined).delete()
      else
        await table.clear()
    }
  })
}
