import { categoryKind, type FilingCategory } from './categories'
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
 * What makes two filings duplicates: any two long-term filings (a person lives in one place
 * there), or two temporary filings of the same category. A referral beside a long-term filing
 * for the same place is not one (Jilin 第十条); the counter then picks the best (第十八条).
 */
function duplicateKey(category: FilingCategory): string {
  return categoryKind(category) === 'long_term' ? 'long_term' : category
}

/**
 * The first current or upcoming filing (other than `exceptFilingId`) that duplicates a filing of
 * `category` for this destination and period: the same kind of filing for one place at one time.
 */
export function findDuplicateFiling(
  filings: readonly Filing[],
  category: FilingCategory,
  destination: string,
  period: Period,
  date: string,
  exceptFilingId?: string,
): Filing | undefined {
  return filings.find(f =>
    f.filingId !== exceptFilingId
    && duplicateKey(f.category) === duplicateKey(category)
    // Hebei 第九条: a referral used by its one visit is spent, and the next one is no duplicate.
    && f.usedOn === null
    && isCurrentOrUpcoming(f, date)
    && destinationsOverlap(f.destination, destination)
    && periodsOverlap({ start: f.startDate, end: effectiveEndDate(f) }, period))
}
