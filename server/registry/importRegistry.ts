import type { InsuredRecord } from '../../src/domain/schemas/registry.ts'
import type { Store } from '../store/index.ts'
import { writeTransaction } from '../store/writeTransaction.ts'
import { upsertRecords } from './repository.ts'

const SLICE = 5_000

/**
 * Writes validated records in one transaction: all of them or, if anything fails, none. A record
 * with the same 身份证号码 + 参保地 + 险种 as one on record replaces it, so an import is idempotent
 * and a later file can change a person's status, phones or family.
 */
export async function importRegistry(store: Store, records: readonly InsuredRecord[], options: { now?: Date, onProgress?: (written: number) => void } = {}): Promise<void> {
  const updatedAt = (options.now ?? new Date()).toISOString()
  await writeTransaction(store, async (db) => {
    for (let start = 0; start < records.length; start += SLICE) {
      await upsertRecords(db, records.slice(start, start + SLICE), updatedAt)
      options.onProgress?.(Math.min(start + SLICE, records.length))
    }
  })
}
