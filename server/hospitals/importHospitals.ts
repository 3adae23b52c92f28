import type { DesignatedHospital } from '../../src/domain/schemas/hospital.ts'
import { writeInSlices } from '../import/writeInSlices.ts'
import type { Store } from '../store/index.ts'
import { upsertHospitals } from './repository.ts'

/**
 * Writes validated hospitals in one transaction, all or none. A hospital with the code of one
 * listed already replaces it, so an import is idempotent and a later file can change its 联网.
 */
export async function importHospitals(store: Store, hospitals: readonly DesignatedHospital[], options: { now?: Date, onProgress?: (written: number) => void } = {}): Promise<void> {
  const updatedAt = (options.now ?? new Date()).toISOString()
  await writeInSlices(store, hospitals, (db, slice) => upsertHospitals(db, slice, updatedAt), options.onProgress)
}
