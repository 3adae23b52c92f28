import type { InsuredRecord } from '../../src/domain/schemas/registry.ts'
import { writeInSlices } from '../import/writeInSlices.ts'
import type { Store } from '../store/index.ts'
import { publishStatusChanges } from './benefitHolds.ts'
import { upsertRecords } from './repository.ts'

/**
 * Writes validated records in one transaction: all of them or, if anything fails, none. A record
 * with the same 身份证号码 + 参保地 + 险种 as one on record replaces it, so an import is idempotent
 * and a later file can change a person's status, phones or family. A changed benefit status also
 * reaches counters that verify offline (benefitHolds.ts).
 */
export async function importRegistry(store: Store, records: readonly InsuredRecord[], options: { now?: Date, onProgress?: (written: number) => void } = {}): Promise<void> {
  const now = options.now ?? new Date()
  const updatedAt = now.toISOString()
  await writeInSlices(store, records, async (db, slice) => {
    await publishStatusChanges(db, slice, now)
    await upsertRecords(db, slice, updatedAt)
  }, options.onProgress)
}
