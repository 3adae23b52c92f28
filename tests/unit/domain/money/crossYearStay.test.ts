import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitFenByDays, stayDaysByYear } from '../../../../src/domain/money/crossYearStay'

describe('cross-year stays (Jilin 第十六条)', () => {
  it('gives a stay within one year to that year', () => {
    expect(stayDaysByYear('2026-05-01', '2026-05-11', 'split_by_days')).toEqual([{ year: 2026, days: 10 }])
  })

  it('settles a cross-year stay once in the discharge year when the region does not split (national)', () => {
    expect(stayDaysByYear('2026-12-20', '2027-01-10', 'single')).toEqual([{ year: 2027, days: 21 }])
  })

  it('splits a cross-year stay by days before and after 1 January (Jilin 第十六条)', () => {
    expect(stayDaysByYear('2026-12-20', '2027-01-10', 'split_by_days')).toEqual([{ year: 2026, days: 12 }, { year: 2027, days: 9 }])
    expect(stayDaysByYear('2026-12-31', '2027-01-01', 'split_by_days')).toEqual([{ year: 2026, days: 1 }])
    expect(stayDaysByYear('2025-12-31', '2027-01-02', 'split_by_days').map(s => s.days)).toEqual([1, 365, 1])
  })

  it('counts a same-day stay as one day', () => {
    expect(stayDaysByYear('2026-05-01', '2026-05-01', 'split_by_days')).toEqual([{ year: 2026, days: 1 }])
  })

  it('splits 分 by days in whole 分', () => {
    expect(splitFenByDays(1000, [{ year: 2026, days: 1 }, { year: 2027, days: 2 }])).toEqual([333, 667])
    expect(() => splitFenByDays(-1, [{ year: 2026, days: 1 }])).toThrow(RangeError)
    expect(() => splitFenByDays(100, [])).toThrow(RangeError)
  })

  it('property: the parts always add up to the amount and follow the days', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 1e10 }),
      fc.array(fc.integer({ min: 1, max: 366 }), { minLength: 1, maxLength: 4 }),
      (amount, days) => {
        const shares = days.map((d, i) => ({ year: 2020 + i, days: d }))
        const parts = splitFenByDays(amount, shares)
        expect(parts.reduce((a, b) => a + b, 0)).toBe(amount)
        const total = days.reduce((a, b) => a + b, 0)
        parts.forEach((part, i) => expect(Math.abs(part - (amount * (days[i] ?? 0)) / total)).toBeLessThan(1))
      },
    ))
  })
})
