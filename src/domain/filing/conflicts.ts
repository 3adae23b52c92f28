import type { Filing } from './filing'
import { destinationsOverlap } from '../regions/codes'
import { effectiveEndDate, isCurrentOrUpcoming } from './status'

/** A period in days, `end` null meaning open-ended. */
export interface Period {
  start: string
  end: string | null
}

/** True when two periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return (a.end === null || b.start <= a.end) && (b.end === null || a.start <= b.end)
}

/**
 * Jilin 第十四条: only filings of the same 参保地 and 险种 count; a filing of an earlier
 * insurance relationship does not carry over.
 */
export function filingsOfInsurance(filings: readonly Filing[], insuredRegion: string, insuranceType: string): Filing[] {
  return filings.filter(f => f.insuredRegion === insuredRegion && f.insuranceType === insuranceType)
}

/**
 * The first current or upcoming filing (other than `exceptFilingId`) whose destination and
 * period overlap the given ones: two filings for one place at one time would be ambiguous.
 */
export function findDestinationConflict(
  filings: readonly Filing[],
  destination: string,
  period: Period,
  date: string,
  exceptFilingId?: string,
): Filing | undefined {
  return filings.find(f =>
    f.filingId !== exceptFilingId
    && isCurrentOrUpcoming(f, date)
    && destinationsOverlap(f.destination, destination)
    && periodsOverlap({ start: f.startDate, end: effectiveEndDate(f) }, period))
}
