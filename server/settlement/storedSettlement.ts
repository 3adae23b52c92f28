import type { OutpatientRecord, SettledRecord } from '../../src/domain/money/refund.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import type { StayDetails } from '../../src/domain/schemas/settlement.ts'
import type { InsuranceType } from '../../src/domain/filing/categories.ts'

/**
 * A settlement as the server keeps it: the engine's record, whose policy settled it, and for a
 * stay the 住院结算单's own lines the hospital gave at discharge.
 */
export type StoredSettlement = SettledRecord & { insuredRegion: string, insuranceType: InsuranceType, stay?: StayDetails }

/**
 * Reads a stored settlement. Records kept before the benefit figures travelled with them were
 * settled under the figures that are still current, so those figures stand in for them.
 */
export function parseStoredSettlement(json: string): StoredSettlement {
  const record = JSON.parse(json) as StoredSettlement | OutpatientWithoutFigures
  if (record.kind === 'inpatient' || record.benefit)
    return record as StoredSettlement
  return { ...record, benefit: policyFor(record.insuredRegion).outpatient[record.insuranceType] }
}

/** An outpatient record from before the figures were kept with it (stays always keep theirs). */
type OutpatientWithoutFigures = Omit<OutpatientRecord, 'benefit'> & { benefit?: undefined, insuredRegion: string, insuranceType: InsuranceType }
