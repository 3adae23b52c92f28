import type { Kysely } from 'kysely'
import type { Database, Store } from '../store/index.ts'
import { writeTransaction } from '../store/writeTransaction.ts'

const SLICE = 5_000

/**
 * Writes validated records in one transaction: all of them or, if anything fails, none. Reports
 * progress after each slice, so a large file shows it is moving.
 */
export async function writeInSlices<T>(
  store: Store,
  records: readonly T[],
  write: (db: Kysely<Database>, slice: readonly T[]) => Promise<void>,
  onProgress?: (written: number) => void,
): Promise<void> {
  await writeTransaction(store, async (db) => {
    for (let start = 0; start < records.length; start += SLICE) {
      await write(db, records.slice(start, start + SLICE))
      onProgress?.(Math.min(start + SLICE, records.length))
    }
  })
}
