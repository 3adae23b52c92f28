import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addMonths } from '../../../../src/domain/dates/calendarDate'
import { FILING_CATEGORIES } from '../../../../src/domain/filing/categories'
import { buildFiling, monthsWindowEnd, validityWindow } from '../../../../src/domain/filing/validity'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { CHONGQING_POLICY, HEBEI_POLICY, JILIN_POLICY, POLICY_TABLE, YUNNAN_POLICY, ZHANJIANG_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { pastDateArb } from '../identity/arbitraries'

describe('validity window (DOMAIN §6)', () => {
  it('counts whole months with the start day included', () => {
    expect(monthsWindowEnd('2026-01-15', 6)).toBe('2026-07-14')
    expect(monthsWindowEnd('2026-03-01', 12)).toBe('2027-02-28')
  })

  it('keeps a long-term filing open until changed or cancelled (national 二(三))', () => {
    expect(validityWindow('retired_resettled', false, '2026-03-01', NATIONAL_POLICY)).toEqual({ start: '2026-03-01', end: null, oneVisit: false, promiseEnd: null })
  })

  it.each([
    ['national 二(三)', NATIONAL_POLICY, '2026-08-31', false],
    ['Yunnan 第十条', YUNNAN_POLICY, '2026-08-31', false],
    ['Chongqing 第八条', CHONGQING_POLICY, '2027-02-28', false],
    ['Hebei 第九条 (one visit)', HEBEI_POLICY, null, true],
    ['湛江 二(二)', ZHANJIANG_POLICY, '2026-08-31', false],
    ['Jilin', JILIN_POLICY, '2026-08-31', false],
  ])('gives a referral starting 2026-03-01 its window (%s)', (_source, policy, end, oneVisit) => {
    const window = validityWindow('referral', false, '2026-03-01', policy)
    expect(window.end).toBe(end)
    expect(window.oneVisit).toBe(oneVisit)
  })

  it('ends a Jilin promise filing after 6 months even for a long-term category (Jilin 第六条(一))', () => {
    expect(validityWindow('resident_worker', true, '2026-03-01', JILIN_POLICY)).toMatchObject({ end: null, promiseEnd: '2026-08-31' })
  })

  it('sets no promise deadline where the region has none (national, Yunnan)', () => {
    expect(validityWindow('resident_worker', true, '2026-03-01', NATIONAL_POLICY).promiseEnd).toBeNull()
    expect(validityWindow('other_temporary', true, '2026-03-01', YUNNAN_POLICY)).toMatchObject({ end: '2026-08-31', promiseEnd: null })
  })

  it('builds a filing record with its window fixed at filing time', () => {
    const filing = buildFiling({
      filingId: 'f1', insuredRegion: '220100', insuranceType: 'resident', category: 'referral',
      destination: '110000', startDate: '2026-03-01', byPromise: true,
    }, '2026-02-27', JILIN_POLICY)
    expect(filing).toMatchObject({ filingNumber: '', endDate: '2026-08-31', promiseEndDate: '2026-08-31', filedOn: '2026-02-27', cancelledOn: null })
  })

  it('property: windows never end before they start, for every region and category', () => {
    fc.assert(fc.property(
      fc.constantFrom(...POLICY_TABLE.values()),
      fc.constantFrom(...FILING_CATEGORIES),
      fc.boolean(),
      pastDateArb,
      (policy, category, byPromise, start) => {
        const window = validityWindow(category, byPromise, start, policy)
        expect(window.start).toBe(start)
        if (window.end !== null) {
          expect(window.end >= start).toBe(true)
          expect(window.end < addMonths(start, 13)).toBe(true)
        }
        if (window.promiseEnd !== null) {
          expect(window.promiseEnd >= start).toBe(true)
          expect(window.end === null || window.promiseEnd <= window.end).toBe(true)
        }
      },
    ))
  })
})
