import { describe, expect, it } from 'vitest'
import { careEndedOn, claimWindow } from '../../../../src/domain/claims/claimDeadline'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { JILIN_POLICY } from '../../../../src/domain/policy/regionalPolicies'

describe('手工报销 deadline (DOMAIN §11)', () => {
  it('Jilin 第十五条: a claim may be made until the end of the year after the care (次年年底前)', () => {
    expect(claimWindow(JILIN_POLICY, '2025-03-10', '2026-12-31')).toEqual({ open: true, deadline: '2026-12-31' })
    expect(claimWindow(JILIN_POLICY, '2025-12-31', '2026-06-01')).toEqual({ open: true, deadline: '2026-12-31' })
  })

  it('Jilin 第十五条: from 1 January two years on the claim is refused, with the day it ended', () => {
    expect(claimWindow(JILIN_POLICY, '2025-03-10', '2027-01-01')).toEqual({ open: false, reason: 'deadline_passed', deadline: '2026-12-31' })
  })

  it('Jilin 第十六条: a stay counts from its discharge, not its admission', () => {
    const stay = { kind: 'inpatient' as const, admissionDate: '2024-12-20', dischargeDate: '2025-01-05' }
    expect(careEndedOn(stay)).toBe('2025-01-05')
    expect(claimWindow(JILIN_POLICY, careEndedOn(stay)!, '2026-12-31').open).toBe(true)
    expect(careEndedOn({ kind: 'outpatient', visitDate: '2025-04-01' })).toBe('2025-04-01')
  })

  it('care that has not ended yet cannot be claimed', () => {
    expect(claimWindow(JILIN_POLICY, '2026-12-02', '2026-12-01')).toEqual({ open: false, reason: 'care_not_ended' })
  })

  it('a region that sets no deadline accepts the claim and names no date', () => {
    expect(claimWindow(NATIONAL_POLICY, '2015-01-01', '2026-12-01')).toEqual({ open: true, deadline: null })
  })
})
