import { describe, expect, it } from 'vitest'
import { effectiveEndDate, filingStatus, hasLapsed, isInEffect } from '../../../../src/domain/filing/status'
import { applyCancel, applySupplement, markUsed } from '../../../../src/domain/filing/transitions'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { HEBEI_POLICY, JILIN_POLICY, YUNNAN_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { file } from './fixtures'

describe('filing status', () => {
  const temporary = file(YUNNAN_POLICY, { category: 'other_temporary', startDate: '2026-03-01' })

  it('is scheduled before its start, active inside, expired after its end (Yunnan 第十条)', () => {
    expect(filingStatus(temporary, '2026-02-28')).toBe('scheduled')
    expect(filingStatus(temporary, '2026-03-01')).toBe('active')
    expect(filingStatus(temporary, '2026-08-31')).toBe('active')
    expect(filingStatus(temporary, '2026-09-01')).toBe('expired')
    expect(effectiveEndDate(temporary)).toBe('2026-08-31')
  })

  it('is cancelled from the day of cancellation, active before it (Jilin 第九条)', () => {
    const cancelled = applyCancel(file(NATIONAL_POLICY, { startDate: '2026-01-10' }), '2026-05-01')
    expect(filingStatus(cancelled, '2026-04-30')).toBe('active')
    expect(filingStatus(cancelled, '2026-05-01')).toBe('cancelled')
    expect(effectiveEndDate(cancelled)).toBe('2026-04-30')
    expect(isInEffect(cancelled, '2026-05-01')).toBe(false)
  })

  it('keeps a long-term filing active with no end (national 二(三))', () => {
    const longTerm = file(NATIONAL_POLICY)
    expect(filingStatus(longTerm, '2036-01-01')).toBe('active')
    expect(effectiveEndDate(longTerm)).toBeNull()
  })

  describe('promise filings (Jilin 第六条)', () => {
    const promise = file(JILIN_POLICY, { byPromise: true, startDate: '2026-03-01' })

    it('waits for materials, then lapses after 6 months without them', () => {
      expect(filingStatus(promise, '2026-08-31')).toBe('promise_pending_materials')
      expect(isInEffect(promise, '2026-08-31')).toBe(true)
      expect(filingStatus(promise, '2026-09-01')).toBe('promise_lapsed')
      expect(hasLapsed(promise, '2026-09-01')).toBe(true)
      expect(effectiveEndDate(promise)).toBe('2026-08-31')
    })

    it('becomes an ordinary filing once the materials are supplied in time', () => {
      const supplied = applySupplement(promise, '2026-06-01')
      expect(filingStatus(supplied, '2026-05-31')).toBe('promise_pending_materials')
      expect(filingStatus(supplied, '2026-06-01')).toBe('active')
      expect(filingStatus(supplied, '2027-06-01')).toBe('active')
      expect(effectiveEndDate(supplied)).toBeNull()
    })

    it('is not revived by materials arriving after the lapse', () => {
      const late = applySupplement(promise, '2026-10-01')
      expect(filingStatus(late, '2026-10-02')).toBe('promise_lapsed')
    })

    it('does not count as lapsed when cancelled before its promise ended', () => {
      const cancelled = applyCancel(promise, '2026-05-01')
      expect(hasLapsed(cancelled, '2026-12-01')).toBe(false)
      expect(filingStatus(cancelled, '2026-12-01')).toBe('cancelled')
    })
  })

  it('marks a one-visit referral used after its admission (Hebei 第九条)', () => {
    const referral = file(HEBEI_POLICY, { category: 'referral', startDate: '2026-03-01' })
    const used = markUsed(referral, '2026-03-05')
    expect(filingStatus(used, '2026-03-05')).toBe('active')
    expect(filingStatus(used, '2026-03-06')).toBe('used')
    expect(markUsed(used, '2026-04-01').usedOn).toBe('2026-03-05')
    expect(markUsed(temporary, '2026-04-01')).toBe(temporary)
  })
})
