import type { LocalFiling } from '../../db/database'
import { daysBetween } from '../../domain/dates/calendarDate'
import { effectiveEndDate, filingStatus } from '../../domain/filing/status'

/** The state a person sees on a filing: the rulebook's status, or where it stands in sync. */
export const FILING_BADGES = ['active', 'promise', 'expired', 'cancelled', 'pending', 'rejected', 'scheduled', 'used', 'lapsed'] as const

/** Shown through the messages `lookup.badges.*`. */
export type FilingBadge = (typeof FILING_BADGES)[number]

export function filingBadge(local: LocalFiling, today: string): FilingBadge {
  if (local.status === 'rejected')
    return 'rejected'
  if (local.status === 'pending')
    return 'pending'
  const status = filingStatus(local.record.filing, today)
  const byStatus = { active: 'active', promise_pending_materials: 'promise', promise_lapsed: 'lapsed', expired: 'expired', used: 'used', cancelled: 'cancelled', scheduled: 'scheduled' } as const
  return byStatus[status]
}

/** Days left in the window (the promise deadline counts when earlier); undefined when long-term. */
export function daysLeft(local: LocalFiling, today: string): number | undefined {
  const end = effectiveEndDate(local.record.filing)
  return end ? Math.max(daysBetween(today, end) + 1, 0) : undefined
}
