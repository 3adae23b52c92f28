import type { BenefitStatus } from '../schemas/registry'

/**
 * Reasons on the revocation feed counters download that are not revocations but holds: the
 * benefits of the filing's insurance relationship are frozen or paused (Hebei 第十九条), so an
 * offline check answers 待遇冻结 instead of 可直接结算; `benefits_restored` lifts the hold. The
 * credential itself stays good: a restored person needs no new QR.
 */
export const BENEFIT_HOLD_REASONS = {
  frozen: 'benefits_frozen',
  suspended: 'benefits_suspended',
  normal: 'benefits_restored',
} as const satisfies Record<BenefitStatus, string>

export type BenefitHold = Exclude<BenefitStatus, 'normal'>

/** What a feed entry's reason means for the filing's hold: a status, lifted, or not a hold at all. */
export function holdOf(reason: string): BenefitHold | 'lifted' | undefined {
  if (reason === BENEFIT_HOLD_REASONS.frozen)
    return 'frozen'
  if (reason === BENEFIT_HOLD_REASONS.suspended)
    return 'suspended'
  return reason === BENEFIT_HOLD_REASONS.normal ? 'lifted' : undefined
}
