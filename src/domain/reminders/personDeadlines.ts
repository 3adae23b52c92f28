import type { Filing } from '../filing/filing'
import type { RegionPolicy } from '../policy/types'
import type { Deadline } from './deadline'
import type { KnownStay } from './stayDeadlines'
import { filingDeadlines } from './filingDeadlines'
import { stayDeadlines } from './stayDeadlines'

/**
 * All deadlines of one person from what is known of them: their filings and, where known, their
 * stays (the phone knows filings only; the server also knows admissions). Each rule is read from
 * the policy of the record's own insured region.
 */
export function personDeadlines(
  filings: readonly Filing[],
  stays: readonly (KnownStay & { insuredRegion: string })[],
  policyOf: (insuredRegion: string) => RegionPolicy,
): Deadline[] {
  return [
    ...filings.flatMap(f => filingDeadlines(f, policyOf(f.insuredRegion))),
    ...stays.flatMap(s => stayDeadlines(s, policyOf(s.insuredRegion))),
  ]
}
