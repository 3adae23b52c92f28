import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { claimPayment } from '../../../../src/domain/claims/claimPayment'
import { NO_ACCUMULATORS } from '../../../../src/domain/money/settle'
import { settleInpatient } from '../../../../src/domain/money/settleInpatient'
import { stayBill } from '../../../../src/domain/money/stayBill'
import { JILIN_POLICY } from '../../../../src/domain/policy/regionalPolicies'

const fen = fc.integer({ min: 0, max: 5_000_000 })
const costs = fc.record({ coveredFen: fen, classBSelfPayFen: fen, overLimitSelfPayFen: fen, selfFundedFen: fen })

describe('手工报销 payment (Jilin 第二十二条: 参保地按照当地政策计算应给付金额)', () => {
  it('a stay is paid as its direct settlement would have been: one deductible, split by days across the year (Jilin 第十六条)', () => {
    const care = { kind: 'inpatient' as const, hospitalLevel: 'tertiary' as const, admissionDate: '2025-12-22', dischargeDate: '2026-01-11' }
    const invoice = { coveredFen: 3_000_000, classBSelfPayFen: 200_000, overLimitSelfPayFen: 0, selfFundedFen: 100_000 }
    const outcome = claimPayment(care, invoice, JILIN_POLICY, 'employee', () => NO_ACCUMULATORS)
    const direct = settleInpatient([{ id: 'invoice', ...invoice }], JILIN_POLICY.inpatient.employee, () => NO_ACCUMULATORS, { ...care, ratioCutPoints: 0, crossYearStay: 'split_by_days' })
    expect(outcome.payment).toEqual({ totalFen: direct.totalFen, deductibleFen: direct.deductibleFen, fundPaidFen: direct.fundPaidFen, cashPaidFen: direct.cashPaidFen })
    expect(outcome.deltas.map(entry => entry.year)).toEqual([2025, 2026])
    expect(outcome.payment.deductibleFen).toBe(JILIN_POLICY.inpatient.employee.deductibleFenByLevel.tertiary)
  })

  it('an outpatient visit is paid under the outpatient benefit against that year\'s accumulators', () => {
    const care = { kind: 'outpatient' as const, hospitalLevel: 'secondary' as const, visitDate: '2026-04-01' }
    const invoice = { coveredFen: 100_000, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 0 }
    const fresh = claimPayment(care, invoice, JILIN_POLICY, 'resident', () => NO_ACCUMULATORS)
    const capUsed = claimPayment(care, invoice, JILIN_POLICY, 'resident', () => ({ deductibleUsedFen: 1_000_000, fundPaidFen: JILIN_POLICY.outpatient.resident.annualCapFen }))
    expect(fresh.payment.fundPaidFen).toBeGreaterThan(0)
    expect(capUsed.payment.fundPaidFen).toBe(0)
  })

  it('the slip identity holds for every invoice: 总费用 = 基金支付 + 个人现金支付, and the fund never pays more than the covered costs', () => {
    fc.assert(fc.property(costs, fc.boolean(), (invoice, inpatient) => {
      const care = inpatient
        ? { kind: 'inpatient' as const, hospitalLevel: 'secondary' as const, admissionDate: '2025-12-30', dischargeDate: '2026-01-02' }
        : { kind: 'outpatient' as const, hospitalLevel: 'secondary' as const, visitDate: '2026-02-01' }
      const { payment } = claimPayment(care, invoice, JILIN_POLICY, 'employee', () => NO_ACCUMULATORS)
      expect(payment.fundPaidFen + payment.cashPaidFen).toBe(payment.totalFen)
      expect(payment.fundPaidFen).toBeLessThanOrEqual(invoice.coveredFen)
    }))
  })

  it('001 第三十三条 "应将《住院期间外院检查治疗或定点药店购药单》费用纳入本次住院费用手工报销": the slips\' costs join the stay\'s bill under its one deductible', () => {
    fc.assert(fc.property(costs, fc.array(costs, { minLength: 1, maxLength: 3 }), (invoice, slipLines) => {
      const care = { kind: 'inpatient' as const, hospitalLevel: 'secondary' as const, admissionDate: '2026-03-01', dischargeDate: '2026-03-12' }
      const slips = slipLines.map((line, index) => ({ slipId: `slip${index}`, items: [{ id: 'line', ...line }] }))
      const { payment } = claimPayment(care, invoice, JILIN_POLICY, 'employee', () => NO_ACCUMULATORS, 0, slips)
      const direct = settleInpatient(stayBill([{ id: 'invoice', ...invoice }], slips), JILIN_POLICY.inpatient.employee, () => NO_ACCUMULATORS, { ...care, ratioCutPoints: 0, crossYearStay: 'split_by_days' })
      expect(payment).toEqual({ totalFen: direct.totalFen, deductibleFen: direct.deductibleFen, fundPaidFen: direct.fundPaidFen, cashPaidFen: direct.cashPaidFen })
      const slipsFen = slipLines.reduce((sum, line) => sum + line.coveredFen + line.classBSelfPayFen + line.overLimitSelfPayFen + line.selfFundedFen, 0)
      expect(payment.totalFen).toBe(invoice.coveredFen + invoice.classBSelfPayFen + invoice.overLimitSelfPayFen + invoice.selfFundedFen + slipsFen)
      expect(payment.deductibleFen).toBeLessThanOrEqual(JILIN_POLICY.inpatient.employee.deductibleFenByLevel.secondary)
    }))
  })
})
