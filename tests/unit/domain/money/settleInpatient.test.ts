import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SAMPLE_INPATIENT } from '../../../../src/domain/policy/national'
import { NO_ACCUMULATORS } from '../../../../src/domain/money/settle'
import { settleInpatient } from '../../../../src/domain/money/settleInpatient'
import { itemArb } from './arbitraries'

const benefit = SAMPLE_INPATIENT.employee
const bill = (coveredFen: number, selfFundedFen = 0) => [{ id: 'a', coveredFen, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen }]
const stay = (admissionDate: string, dischargeDate: string, crossYearStay: 'single' | 'split_by_days' = 'single') =>
  ({ hospitalLevel: 'tertiary' as const, ratioCutPoints: 0, admissionDate, dischargeDate, crossYearStay })

describe('inpatient settlement', () => {
  it('001 annex 13: the deductible is paid once per stay, the fund pays its ratio of the rest', () => {
    const split = settleInpatient(bill(1_000_000, 5_000), benefit, () => NO_ACCUMULATORS, stay('2026-03-01', '2026-03-11'))
    expect(split.deductibleFen).toBe(90_000)
    expect(split.fundPaidFen).toBe(Math.floor((1_000_000 - 90_000) * 0.8))
    expect(split.cashPaidFen).toBe(split.totalFen - split.fundPaidFen)
    expect(split.stayDays).toBe(10)
  })

  it('Jilin 第十六条: a stay inside one year belongs to the discharge year', () => {
    const split = settleInpatient(bill(100_000), benefit, () => NO_ACCUMULATORS, stay('2026-03-01', '2026-03-11', 'split_by_days'))
    expect(split.years.map(y => y.year)).toEqual([2026])
  })

  it('Jilin 第十六条: a cross-year stay counts one deductible and splits costs by the days in each year', () => {
    const split = settleInpatient(bill(2_000_000), benefit, () => NO_ACCUMULATORS, stay('2025-12-22', '2026-01-11', 'split_by_days'))
    expect(split.years.map(y => [y.year, y.days, y.coveredFen])).toEqual([[2025, 10, 1_000_000], [2026, 10, 1_000_000]])
    expect(split.deductibleFen).toBe(90_000)
    expect(split.years[0]!.deductibleFen).toBe(90_000)
    expect(split.years[1]!.deductibleFen).toBe(0)
  })

  it('a year whose cap is used up pays nothing more from the fund', () => {
    const split = settleInpatient(bill(2_000_000), benefit, year => ({ deductibleUsedFen: 0, fundPaidFen: year === 2025 ? benefit.annualCapFen : 0 }), stay('2025-12-22', '2026-01-11', 'split_by_days'))
    expect(split.years[0]!.fundPaidFen).toBe(0)
    expect(split.years[1]!.fundPaidFen).toBeGreaterThan(0)
  })

  it('001 annex 13: both slip identities hold for the stay and every year, and the years add up to the stay', () => {
    const date = fc.integer({ min: 0, max: 800 }).map(d => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10))
    fc.assert(fc.property(fc.array(itemArb, { minLength: 1, maxLength: 20 }), date, fc.integer({ min: 1, max: 400 }), fc.constantFrom('single' as const, 'split_by_days' as const), (items, admissionDate, days, mode) => {
      const dischargeDate = new Date(Date.parse(admissionDate) + days * 86_400_000).toISOString().slice(0, 10)
      const split = settleInpatient(items, benefit, () => NO_ACCUMULATORS, stay(admissionDate, dischargeDate, mode))
      for (const part of [split, ...split.years]) {
        expect(part.totalFen).toBe(part.coveredFen + part.classBSelfPayFen + part.overLimitSelfPayFen + part.selfFundedFen)
        expect(part.totalFen).toBe(part.fundPaidFen + part.cashPaidFen)
      }
      for (const key of ['totalFen', 'coveredFen', 'selfFundedFen', 'fundPaidFen', 'deductibleFen'] as const)
        expect(split.years.reduce((sum, y) => sum + y[key], 0)).toBe(split[key])
      expect(split.deductibleFen).toBeLessThanOrEqual(benefit.deductibleFenByLevel.tertiary)
    }))
  })
})
