import type { Filing } from './filing'
import { addDays } from '../dates/calendarDate'

/** Where a filing stands on a given day. */
export type FilingStatus =
  | 'scheduled'
  | 'active'
  | 'promise_pending_materials'
  | 'promise_lapsed'
  | 'expired'
  | 'used'
  | 'cancelled'

export const FILING_STATUS_LABELS: Readonly<Record<FilingStatus, string>> = {
  scheduled: '未到开始日期',
  active: '有效',
  promise_pending_materials: '有效（承诺制，待补齐材料）',
  promise_lapsed: '已失效（承诺到期未补齐材料）',
  expired: '已过期',
  used: '已使用（转诊仅限当次）',
  cancelled: '已取消',
}

/** True when the promise's materials were supplied in time and on or before `date`. */
export function materialsSuppliedBy(filing: Filing, date: string): boolean {
  const supplied = filing.materialsSuppliedOn
  if (supplied === null || supplied > date)
    return false
  return filing.promiseEndDate === null || supplied <= filing.promiseEndDate
}

/** True when a promise filing ran out without materials (Jilin 第六条(二)); a lapse is for good. */
export function hasLapsed(filing: Filing, date: string): boolean {
  const end = filing.promiseEndDate
  if (!filing.byPromise || end === null || date <= end)
    return false
  if (filing.cancelledOn !== null && filing.cancelledOn <= end)
    return false
  return !materialsSuppliedBy(filing, end)
}

/**
 * Status of a filing on `date` (DOMAIN §5-§6): cancellation first, then not yet started, a
 * promise lapsed without materials (Jilin 第六条), past the end, a used one-visit referral
 * (Hebei 第九条), waiting for materials, else active.
 */
export function filingStatus(filing: Filing, date: string): FilingStatus {
  if (filing.cancelledOn !== null && filing.cancelledOn <= date)
    return 'cancelled'
  if (date < filing.startDate)
    return 'scheduled'
  if (hasLapsed(filing, date))
    return 'promise_lapsed'
  if (filing.endDate !== null && date > filing.endDate)
    return 'expired'
  if (filing.oneVisit && filing.usedOn !== null && date > filing.usedOn)
    return 'used'
  if (filing.byPromise && !materialsSuppliedBy(filing, date))
    return 'promise_pending_materials'
  return 'active'
}

/** True when the filing lets its holder settle directly on `date`. */
export function isInEffect(filing: Filing, date: string): boolean {
  const status = filingStatus(filing, date)
  return status === 'active' || status === 'promise_pending_materials'
}

/** True while the filing still stands or will start: it blocks a conflicting new filing. */
export function isCurrentOrUpcoming(filing: Filing, date: string): boolean {
  return isInEffect(filing, date) || filingStatus(filing, date) === 'scheduled'
}

/** The last day the filing can be used, or null while it runs until changed or cancelled. */
export function effectiveEndDate(filing: Filing): string | null {
  const promiseCap = filing.byPromise && filing.promiseEndDate !== null && !materialsSuppliedBy(filing, filing.promiseEndDate)
    ? filing.promiseEndDate
    : null
  const ends = [filing.endDate, promiseCap, filing.cancelledOn === null ? null : addDays(filing.cancelledOn, -1)]
    .filter((d): d is string => d !== null)
  return ends.toSorted()[0] ?? null
}
