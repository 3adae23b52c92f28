import { describe, expect, it } from 'vitest'
import { checkStartDate } from '../../../../src/domain/filing/startDate'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { HEBEI_POLICY, ZHANJIANG_POLICY } from '../../../../src/domain/policy/regionalPolicies'

const TODAY = '2026-05-15'

describe('when a filing may start', () => {
  it('a filing starts today or later; an earlier start is refused on the server\'s day', () => {
    expect(checkStartDate(TODAY, TODAY, undefined, NATIONAL_POLICY).ok).toBe(true)
    expect(checkStartDate('2026-06-01', TODAY, undefined, NATIONAL_POLICY).ok).toBe(true)
    expect(checkStartDate('2026-05-14', TODAY, undefined, NATIONAL_POLICY)).toMatchObject({ ok: false, code: 'start_in_past' })
  })

  it('national 二(四): filed during a stay, the filing reaches back to the admission, so the stay settles directly', () => {
    expect(checkStartDate('2026-05-10', TODAY, { admissionDate: '2026-05-10', emergency: false }, ZHANJIANG_POLICY).ok).toBe(true)
  })

  it('national 二(四): a 补办 starts on the admission day, not another past day, and an admission cannot be in the future', () => {
    expect(checkStartDate('2026-05-12', TODAY, { admissionDate: '2026-05-10', emergency: false }, NATIONAL_POLICY)).toMatchObject({ ok: false, code: 'late_filing_start' })
    expect(checkStartDate('2026-05-16', TODAY, { admissionDate: '2026-05-16', emergency: false }, NATIONAL_POLICY)).toMatchObject({ ok: false, code: 'admission_in_future' })
  })

  it('Hebei 第十一条: an emergency 补办 within 10 days reaches back; later, the stay goes to 手工报销 and the refusal says so', () => {
    expect(checkStartDate('2026-05-05', TODAY, { admissionDate: '2026-05-05', emergency: true }, HEBEI_POLICY).ok).toBe(true)
    const late = checkStartDate('2026-05-01', TODAY, { admissionDate: '2026-05-01', emergency: true }, HEBEI_POLICY)
    expect(late).toMatchObject({ ok: false, code: 'late_filing_window_missed' })
    expect(!late.ok && late.message).toMatch(/10日/)
    expect(!late.ok && late.message).toMatch(/手工报销|报销/)
    // A normal (non-emergency) admission has no such window.
    expect(checkStartDate('2026-05-01', TODAY, { admissionDate: '2026-05-01', emergency: false }, HEBEI_POLICY).ok).toBe(true)
  })
})
