import type { InsuredRecord } from '../../src/domain/schemas/registry.ts'
import { writeInSlices } from '../import/writeInSlices.ts'
import type { Store } from '../store/index.ts'
import { upsertRecords } from './repository.ts'

/**
 * Writes validated records in one transaction: all of them or, if anything fails, none. A record
 * with the same 身份证号码 + 参保地 + 险种 as one on record replaces it, so an import is idempotent
 * and a later file can change a person's status, phones or family.
 */
export async function importRegistry(store: Store, records: readonly InsuredRecord[], options: { now?: Date, onProgress?: (written: number) => void } = {}): Promise<void> {
  const updatedAt = (options.now ?? new Date()).toISOString()
  await writeInSlices(store, records, (db, slice) => upsertRecords(db, slice, updatedAt), options.onProgress)
}
