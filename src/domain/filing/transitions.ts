import type { RegionPolicy } from '../policy/types'
import type { FilingCategory } from './categories'
import type { Filing } from './filing'
import { normalizeDestination } from '../regions/codes'
import { validityWindow } from './validity'

/** The parts of a filing a change may touch (phone and address live outside the rules). */
export interface FilingRuleChanges {
  destination?: string
  category?: FilingCategory
  startDate?: string
}

/**
 * The filing after an allowed change (check `canChange` first). A new destination restarts the
 * long-term lock (Hebei 第十条 "再次变更"); a new category or start recomputes the window.
 */
export function applyChange(filing: Filing, changes: FilingRuleChanges, date: string, policy: RegionPolicy): Filing {
  const destination = changes.destination ?? filing.destination
  const moved = normalizeDestination(destination) !== normalizeDestination(filing.destination)
  const category = changes.category ?? filing.category
  const startDate = changes.startDate ?? filing.startDate
  const rewindow = category !== filing.category || startDate !== filing.startDate
  const window = rewindow ? validityWindow(category, filing.byPromise, startDate, policy) : undefined
  return {
    ...filing,
    destination,
    category,
    startDate,
    destinationChangedOn: moved ? date : filing.destinationChangedOn,
    ...(window && { endDate: window.end, oneVisit: window.oneVisit, promiseEndDate: window.promiseEnd }),
  }
}

/** The filing cancelled from `date` on (Jilin 第九条). */
export function applyCancel(filing: Filing, date: string): Filing {
  return { ...filing, cancelledOn: date }
}

/** The promise filing with its materials supplied on `date` (Jilin 第六条(二)). */
export function applySupplement(filing: Filing, date: string): Filing {
  return { ...filing, materialsSuppliedOn: date }
}

/** A one-visit referral used by an admission on `admissionDate` (Hebei 第九条). */
export function markUsed(filing: Filing, admissionDate: string): Filing {
  return filing.oneVisit && filing.usedOn === null ? { ...filing, usedOn: admissionDate } : filing
}
