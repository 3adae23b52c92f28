import { inForceOn } from '../../src/domain/registry/inForceOn.ts'
import type { InsuredRecord } from '../../src/domain/schemas/registry.ts'

/**
 * The record a filing of 参保地 + 险种 belongs to (Jilin 第十四条: a filing belongs to one
 * insurance relationship), if the person has it on record and it is in force today.
 */
export function relationshipFor(records: readonly InsuredRecord[], insuredRegion: string, insuranceType: string, today: string): InsuredRecord | undefined {
  return records.find(record => record.insuredRegion === insuredRegion && record.insuranceType === insuranceType && inForceOn(record, today))
}

/** True when `agentIdNumber` is a family member on any of the person's records (代办, Hebei 第九条). */
export function isFamilyOnRecord(records: readonly InsuredRecord[], agentIdNumber: string): boolean {
  return records.some(record => record.family.some(member => member.idNumber === agentIdNumber))
}

/** The relationship on record for `agentIdNumber`, as the person's record names it. */
export function familyRelationship(records: readonly InsuredRecord[], agentIdNumber: string): InsuredRecord['family'][number]['relationship'] | undefined {
  for (const record of records) {
    const member = record.family.find(item => item.idNumber === agentIdNumber)
    if (member)
      return member.relationship
  }
  return undefined
}
