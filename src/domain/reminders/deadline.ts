/** The kinds of deadline the rules set, one per rule (DOMAIN §5, §6, §11, §12). */
export const DEADLINE_KINDS = [
  'temporary_filing_ends',
  'promise_materials_due',
  'emergency_filing_due',
  'manual_claim_due',
  'referral_one_visit',
  'long_term_lock_ends',
] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

/**
 * One day a person must act by (or may act from), with the rule behind it. `subject` is the
 * filing's id or the stay's id, so a reminder can be replaced when its record changes.
 */
export interface Deadline {
  kind: DeadlineKind
  /** Calendar date `YYYY-MM-DD`: the last day to act, or for a lock the first day a change is allowed. */
  date: string
  subject: string
  /** The article the date comes from, as the rulebook cites it. */
  article: string
  /** What the person is reminded of, in the rulebook's words (the screens translate by `kind`). */
  reason: string
}
