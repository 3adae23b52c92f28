import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type BillItem, NO_ACCUMULATORS, settleOutpatient } from '../../../../src/domain/money/settle'
import type { OutpatientBenefit } from '../../../../src/domain/policy/types'
import { itemArb } from './arbitraries'

// Sample figures: 起付线 800 元, 70% at a secondary hospital, annual cap 10,000 元.
const BENEFIT: OutpatientBenefit = { deductibleFen: 80_000, ratioPercentByLevel: { primary: 80, secondary: 70, tertiary: 60 }, annualCapFen: 1_000_000 }
const item = (id: string, coveredFen: number, extra: Partial<BillItem> = {}): BillItem => ({ id, coveredFen, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 0, ...extra })
const AT_SECONDARY = { hospitalLevel: 'secondary', ratioCutPoints: 0 } as const


describe('outpatient settlement (DOMAIN §10)', () => {
  it('covered costs fill the deductible first; the fund pays its ratio of the rest', () => {
    const split = settleOutpatient([item('a', 100_000, { selfFundedFen: 5_000 })], BENEFIT, NO_ACCUMULATORS, AT_SECONDARY)
    expect(split).toMatchObject({ totalFen: 105_000, deductibleFen: 80_000, fundPaidFen: 14_000, coPayFen: 6_000, cashPaidFen: 91_000, delta: { deductibleUsedFen: 80_000, fundPaidFen: 14_000 } })
  })

  it('DOMAIN §7: a temporary trip pays the cut ratio (20 points off: 70% → 50%)', () => {
    const split = settleOutpatient([item('a', 180_000)], BENEFIT, NO_ACCUMULATORS, { hospitalLevel: 'secondary', ratioCutPoints: 20 })
    expect(split.fundPaidFen).toBe(50_000)
  })

  it('the fund stops at the annual cap; the person pays the rest', () => {
    const split = settleOutpatient([item('a', 500_000)], BENEFIT, { deductibleUsedFen: 80_000, fundPaidFen: 990_000 }, AT_SECONDARY)
    expect(split).toMatchObject({ fundPaidFen: 10_000, coPayFen: 490_000 })
  })

  it('rounds the fund share down to the 分: the fraction is the person\'s', () => {
    expect(settleOutpatient([item('a', 80_001)], BENEFIT, NO_ACCUMULATORS, { hospitalLevel: 'secondary', ratioCutPoints: 0 }).fundPaidFen).toBe(0)
    expect(settleOutpatient([item('a', 80_003)], BENEFIT, NO_ACCUMULATORS, AT_SECONDARY).fundPaidFen).toBe(2)
  })

  it('both slip identities hold and nothing is negative, for any bill and any accumulators', () => {
    fc.assert(fc.property(
      fc.array(itemArb, { maxLength: 8 }),
      fc.record({ deductibleUsedFen: fc.integer({ min: 0, max: 200_000 }), fundPaidFen: fc.integer({ min: 0, max: 1_200_000 }) }),
      fc.constantFrom('primary' as const, 'secondary' as const, 'tertiary' as const),
      fc.constantFrom(0, 10, 20),
      (items, before, hospitalLevel, ratioCutPoints) => {
        const split = settleOutpatient(items, BENEFIT, before, { hospitalLevel, ratioCutPoints })
        expect(split.totalFen).toBe(split.coveredFen + split.classBSelfPayFen + split.overLimitSelfPayFen + split.selfFundedFen)
        expect(split.totalFen).toBe(split.fundPaidFen + split.cashPaidFen)
        expect(split.cashPaidFen).toBe(split.deductibleFen + split.coPayFen + split.classBSelfPayFen + split.overLimitSelfPayFen + split.selfFundedFen)
        expect(Math.min(split.fundPaidFen, split.cashPaidFen, split.coPayFen, split.deductibleFen)).toBeGreaterThanOrEqual(0)
        expect(before.fundPaidFen + split.fundPaidFen).toBeLessThanOrEqual(Math.max(BENEFIT.annualCapFen, before.fundPaidFen))
      },
    ))
  })
})
