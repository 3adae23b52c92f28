/** The insurance relationship is in force on `date` (`YYYY-MM-DD`, China time). */
export function inForceOn(record: { validFrom: string, validTo: string | null }, date: string): boolean {
  return record.validFrom <= date && (record.validTo === null || record.validTo >= date)
}
