import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NO_ACCUMULATORS } from '../../../../src/domain/money/settle'
import { settleInpatient } from '../../../../src/domain/money/settleInpatient'
import { isSlipItemId, slipTotalFen, stayBill } from '../../../../src/domain/money/stayBill'
import { SAMPLE_INPATIENT } from '../../../../src/domain/policy/national'
import { itemArb } from './arbitraries'

const benefit = SAMPLE_INPATIENT.employee
const context = (dischargeDate: string) => ({ hospitalLevel: 'secondary' as const, ratioCutPoints: 10, admissionDate: '2025-12-20', dischargeDate, crossYearStay: 'split_by_days' as const })
const slipArb = fc.record({ slipId: fc.uuid(), items: fc.array(itemArb, { maxLength: 4 }) })
const partsOf = (items: readonly { coveredFen: number, classBSelfPayFen: number, overLimitSelfPayFen: number, selfFundedFen: number }[]) =>
  ['coveredFen', 'classBSelfPayFen', 'overLimitSelfPayFen', 'selfFundedFen'].map(part => items.reduce((sum, item) => sum + item[part as 'coveredFen'], 0))

describe('a stay\'s bill with its 外院检查治疗或购药单 (001 第三十三条)', () => {
  it('001 第三十三条 "相关费用纳入本次住院费用": the stay\'s totals are its own bill plus every slip, part by part, with both annex 13 identities', () => {
    fc.assert(fc.property(fc.array(itemArb, { minLength: 1, maxLength: 6 }), fc.array(slipArb, { maxLength: 3 }), fc.constantFrom('2025-12-28', '2026-01-15'), (own, slips, dischargeDate) => {
      const split = settleInpatient(stayBill(own, slips), benefit, () => NO_ACCUMULATORS, context(dischargeDate))
      const expected = partsOf([...own, ...slips.flatMap(slip => slip.items)])
      expect([split.coveredFen, split.classBSelfPayFen, split.overLimitSelfPayFen, split.selfFundedFen]).toEqual(expected)
      expect(split.totalFen).toBe(partsOf(own).reduce((a, b) => a + b, 0) + slips.reduce((sum, slip) => sum + slipTotalFen(slip.items), 0))
      expect(split.coveredFen + split.classBSelfPayFen + split.overLimitSelfPayFen + split.selfFundedFen).toBe(split.totalFen)
      expect(split.fundPaidFen + split.cashPaidFen).toBe(split.totalFen)
    }))
  })

  it('001 第三十三条: outside costs share the stay\'s one deductible: settling them with the stay never charges a second 起付标准', () => {
    fc.assert(fc.property(fc.array(itemArb, { minLength: 1, maxLength: 4 }), slipArb, (own, slip) => {
      const together = settleInpatient(stayBill(own, [slip]), benefit, () => NO_ACCUMULATORS, context('2026-01-15'))
      expect(together.deductibleFen).toBeLessThanOrEqual(benefit.deductibleFenByLevel.secondary)
      const alone = settleInpatient(own, benefit, () => NO_ACCUMULATORS, context('2026-01-15'))
      expect(together.fundPaidFen).toBeGreaterThanOrEqual(alone.fundPaidFen)
    }))
  })

  it('every line keeps an id of its own (a refund names lines), and slip lines say which slip they came from', () => {
    fc.assert(fc.property(fc.array(itemArb, { minLength: 1, maxLength: 4 }), fc.array(slipArb, { maxLength: 3 }), (own, slips) => {
      const distinctOwn = own.map((item, index) => ({ ...item, id: `line-${index + 1}` }))
      const bill = stayBill(distinctOwn, slips)
      expect(new Set(bill.map(item => item.id)).size).toBe(bill.length)
      expect(bill.filter(item => isSlipItemId(item.id))).toHaveLength(slips.reduce((sum, slip) => sum + slip.items.length, 0))
      for (const slip of slips)
        expect(bill.filter(item => item.id.includes(slip.slipId))).toHaveLength(slip.items.length)
      expect(bill.every(item => item.id.length <= 64)).toBe(true)
    }))
  })

  it('a slip recorded with no lines (not used) changes nothing', () => {
    const own = [{ id: 'bed', coveredFen: 300_000, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 1_000 }]
    expect(stayBill(own, [{ slipId: '00000000-0000-4000-8000-000000000001', items: [] }])).toEqual(own)
  })
})
