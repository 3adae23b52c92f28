import type { RuleResult } from '../result'
import type { RegionPolicy } from '../policy/types'
import type { FilingCategory, InsuranceType } from './categories'
import type { Filing } from './filing'
import type { FilingRuleCode } from './ruleCodes'
import { destinationsOverlap, isProvinceCode, mayFileProvinceLevel } from '../regions/codes'
import { OK, refuse } from '../result'
import { categoryKind, categoryNeedsProof } from './categories'
import { filingsOfInsurance, findDuplicateFiling } from './conflicts'
import { FILING_RULE_MESSAGES as M } from './ruleCodes'
import { hasLapsed, isCurrentOrUpcoming, materialsSuppliedBy } from './status'
import { checkStartDate, type OpenStay } from './startDate'
import { validityWindow } from './validity'

/** What the rules need to know about a filing someone wants to make. */
export interface FilingDraft {
  insuredRegion: string
  insuranceType: InsuranceType
  category: FilingCategory
  destination: string
  startDate: string
  byPromise: boolean
  hasMaterials: boolean
  /** The person declared living or working away long enough for a long-term filing (Hebei 第七条(一)). */
  longStayDeclared?: boolean | undefined
  /** Filed during a stay (补办): the start reaches back to its admission. */
  openStay?: OpenStay | undefined
}

/** Jilin 第六条(二): a promise filing still waiting for materials. */
function isOpenPromise(filing: Filing, date: string): boolean {
  return filing.byPromise && isCurrentOrUpcoming(filing, date) && !materialsSuppliedBy(filing, date)
}

function checkDestination(draft: FilingDraft): RuleResult<FilingRuleCode> {
  if (isProvinceCode(draft.destination) && !mayFileProvinceLevel(draft.destination))
    return refuse('destination_province_not_allowed', M.destination_province_not_allowed)
  if (destinationsOverlap(draft.destination, draft.insuredRegion))
    return refuse('destination_is_home', M.destination_is_home)
  return OK
}

function checkProof(filings: readonly Filing[], draft: FilingDraft, date: string, policy: RegionPolicy): RuleResult<FilingRuleCode> {
  if (!draft.byPromise)
    return categoryNeedsProof(draft.category) && !draft.hasMaterials ? refuse('materials_required', M.materials_required) : OK
  if (!policy.promise.categories.includes(draft.category))
    return refuse('promise_not_allowed', M.promise_not_allowed)
  if (policy.promise.noRepeatAfterLapse && filings.some(f => hasLapsed(f, date)))
    return refuse('promise_lapsed', M.promise_lapsed)
  if (policy.promise.singleActive && filings.some(f => isOpenPromise(f, date)))
    return refuse('promise_already_active', M.promise_already_active)
  return OK
}

/**
 * May this person make this filing on `date`? Category and 险种 offered by the insured region;
 * a start from `date` on, or back to the admission of a stay the person is in (startDate.ts);
 * destination a city or an allowed province (Yunnan 第十一条) away from home; proof or a
 * promise where allowed (Chongqing 第六条, Jilin 第六条: one open promise, none after a lapse);
 * no duplicate of the same kind for the same place and time; the region's cap on long-term
 * filings in effect (Jilin 第六条(二)). Several filings that cover one admission are allowed: the
 * counter settles with the best (Jilin 第十八条).
 */
export function canCreate(filings: readonly Filing[], draft: FilingDraft, date: string, policy: RegionPolicy): RuleResult<FilingRuleCode> {
  if (!policy.categories.includes(draft.category))
    return refuse('category_not_allowed', M.category_not_allowed)
  if (!policy.insuranceTypes.includes(draft.insuranceType))
    return refuse('insurance_type_not_allowed', M.insurance_type_not_allowed)
  if (categoryKind(draft.category) === 'long_term' && policy.longTermMinimumMonths !== null && draft.longStayDeclared !== true)
    return refuse('long_stay_not_declared', M.long_stay_not_declared.replace('半年', `${policy.longTermMinimumMonths}个月`))
  const start = checkStartDate(draft.startDate, date, draft.openStay, policy)
  if (!start.ok)
    return start
  const destination = checkDestination(draft)
  if (!destination.ok)
    return destination
  const proof = checkProof(filings, draft, date, policy)
  if (!proof.ok)
    return proof
  const own = filingsOfInsurance(filings, draft.insuredRegion, draft.insuranceType)
  const window = validityWindow(draft.category, draft.byPromise, draft.startDate, policy)
  if (findDuplicateFiling(own, draft.category, draft.destination, { start: window.start, end: window.promiseEnd ?? window.end }, date))
    return refuse('destination_conflict', M.destination_conflict)
  const max = policy.maxLongTermFilings
  const longTerm = own.filter(f => categoryKind(f.category) === 'long_term' && isCurrentOrUpcoming(f, date))
  if (max !== null && categoryKind(draft.category) === 'long_term' && longTerm.length >= max)
    return refuse('too_many_filings', `${M.too_many_filings}（最多${max}条）`)
  return OK
}
