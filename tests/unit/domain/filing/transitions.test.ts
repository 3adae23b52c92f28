import { describe, expect, it } from 'vitest'
import { applyChange } from '../../../../src/domain/filing/transitions'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { JILIN_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { file } from './fixtures'

describe('applyChange', () => {
  it('recomputes the window when category or start changes', () => {
    const longTerm = file(NATIONAL_POLICY, { startDate: '2026-01-10' })
    const temporary = applyChange(longTerm, { category: 'other_temporary', startDate: '2026-03-01' }, '2026-02-01', NATIONAL_POLICY)
    expect(temporary).toMatchObject({ category: 'other_temporary', startDate: '2026-03-01', endDate: '2026-08-31', destinationChangedOn: null })
  })

  it('keeps the granted window and lock anchor when only contact details change', () => {
    const filing = file(JILIN_POLICY, { category: 'referral', startDate: '2026-01-10' })
    const same = applyChange(filing, {}, '2026-02-01', JILIN_POLICY)
    expect(same).toEqual(filing)
  })

  it('records the day of a destination change', () => {
    const filing = file(NATIONAL_POLICY, { startDate: '2026-01-10' })
    expect(applyChange(filing, { destination: '110000' }, '2026-02-01', NATIONAL_POLICY)).toMatchObject({ destination: '110000', destinationChangedOn: '2026-02-01' })
  })
})
