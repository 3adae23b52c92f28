import type { RegionPolicy } from '../policy/types'
import type { RuleResult } from '../result'
import type { Filing } from './filing'
import type { FilingRuleCode } from './ruleCodes'
import { addMonths } from '../dates/calendarDate'
import { destinationsOverlap, isProvinceCode, mayFileProvinceLevel, normalizeDestination } from '../regions/codes'
import { OK, refuse } from '../result'
import { categoryKind, type FilingCategory } from './categories'
import { filingsOfInsurance, findDuplicateFiling } from './conflicts'
import { FILING_RULE_MESSAGES as M } from './ruleCodes'
import { effectiveEndDate, filingStatus, hasLapsed, materialsSuppliedBy } from './status'

type Found = { ok: true, filing: Filing } | { ok: false, code: FilingRuleCode, message: string }

function findOpen(filings: readonly Filing[], filingId: string, date: string): Found {
  const filing = filings.find(f => f.filingId === filingId)
  if (!filing)
    return refuse('not_found', M.not_found)
  const status = filingStatus(filing, date)
  if (status === 'promise_lapsed')
    return refuse('promise_lapsed', M.promise_lapsed)
  if (status !== 'active' && status !== 'promise_pending_materials' && status !== 'scheduled')
    return refuse('filing_inactive', M.filing_inactive)
  return { ok: true, filing }
}

/** The day a long-term filing's lock ends, or null when no lock applies to `action`. */
export function lockedUntil(filing: Filing, action: 'change_destination' | 'change_details' | 'cancel', policy: RegionPolicy): string | null {
  const lock = policy.longTermLock
  if (!lock || categoryKind(filing.category) !== 'long_term' || !lock.locks.includes(action))
    return null
  return addMonths(filing.destinationChangedOn ?? filing.filedOn, lock.months)
}

function checkLock(filing: Filing, action: 'change_destination' | 'change_details' | 'cancel', date: string, policy: RegionPolicy): RuleResult<FilingRuleCode> {
  const until = lockedUntil(filing, action, policy)
  return until !== null && date < until ? refuse('filing_locked', `${M.filing_locked}，${until}起可办理`) : OK
}

/** The fields a change asks for; `destination` is checked apart, any other field is a detail. */
export type FilingChanges = { destination?: string, category?: FilingCategory } & Readonly<Record<string, unknown>>

/**
 * May the filing be changed on `date`? Not while a Jilin promise waits for materials (第六条(一));
 * not inside a long-term lock (Hebei 第十条: 就医地 within half a year; 湛江 二(二): any change
 * within 6 months); a new destination must be allowed and free.
 */
export function canChange(filings: readonly Filing[], filingId: string, changes: FilingChanges, date: string, policy: RegionPolicy): RuleResult<FilingRuleCode> {
  const found = findOpen(filings, filingId, date)
  if (!found.ok)
    return found
  const filing = found.filing
  if (filing.byPromise && policy.promise.lockedUntilMaterials && !materialsSuppliedBy(filing, date))
    return refuse('promise_change_locked', M.promise_change_locked)
  const { destination, ...details } = changes
  const movesDestination = destination !== undefined && normalizeDestination(destination) !== normalizeDestination(filing.destination)
  if (Object.values(details).some(v => v !== undefined)) {
    const locked = checkLock(filing, 'change_details', date, policy)
    if (!locked.ok)
      return locked
  }
  if (!movesDestination)
    return OK
  const locked = checkLock(filing, 'change_destination', date, policy)
  if (!locked.ok)
    return locked
  if (isProvinceCode(destination) && !mayFileProvinceLevel(destination))
    return refuse('destination_province_not_allowed', M.destination_province_not_allowed)
  if (destinationsOverlap(destination, filing.insuredRegion))
    return refuse('destination_is_home', M.destination_is_home)
  const own = filingsOfInsurance(filings, filing.insuredRegion, filing.insuranceType)
  const period = { start: filing.startDate, end: effectiveEndDate(filing) }
  if (findDuplicateFiling(own, changes.category ?? filing.category, destination, period, date, filing.filingId))
    return refuse('destination_conflict', M.destination_conflict)
  return OK
}

/** May the filing be cancelled on `date`? Only a running one, outside a cancel lock (湛江 二(二)). */
export function canCancel(filings: readonly Filing[], filingId: string, date: string, policy: RegionPolicy): RuleResult<FilingRuleCode> {
  const found = findOpen(filings, filingId, date)
  if (!found.ok)
    return found
  return checkLock(found.filing, 'cancel', date, policy)
}

/**
 * May materials be supplied on `date`? Only for a promise filing still waiting, before it lapses
 * (Jilin 第六条(二): supplied materials make it an ordinary filing; a lapse is final).
 */
export function canSupplement(filings: readonly Filing[], filingId: string, date: string): RuleResult<FilingRuleCode> {
  const filing = filings.find(f => f.filingId === filingId)
  if (!filing)
    return refuse('not_found', M.not_found)
  if (!filing.byPromise)
    return refuse('not_promise_filing', M.not_promise_filing)
  if (hasLapsed(filing, date))
    return refuse('promise_lapsed', M.promise_lapsed)
  if (materialsSuppliedBy(filing, date))
    return refuse('materials_already_supplied', M.materials_already_supplied)
  const found = findOpen(filings, filingId, date)
  return found.ok ? OK : found
}
