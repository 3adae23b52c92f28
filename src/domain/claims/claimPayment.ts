import { yearOf } from '../dates/calendarDate'
import type { InsuranceType } from '../filing/categories'
import type { Accumulators } from '../money/settle'
import { settleOutpatient } from '../money/settle'
import { settleInpatient } from '../money/settleInpatient'
import { type SlipCosts, stayBill } from '../money/stayBill'
import type { HospitalLevel, RegionPolicy } from '../policy/types'
import type { ClaimCosts } from '../schemas/claim'
import type { ClaimPayment } from '../schemas/results'

/** The care a claim is for, as the person described it. */
export interface ClaimedCare {
  kind: 'outpatient' | 'inpatient'
  hospitalLevel: HospitalLevel
  visitDate?: string | undefined
  admissionDate?: string | undefined
  dischargeDate?: string | undefined
}

/** The payment, and what it adds to the person's accumulators of each year it touches. */
export interface ClaimOutcome {
  payment: ClaimPayment
  deltas: { year: number, delta: Accumulators }[]
}

/**
 * What the fund pays back for a 手工报销, computed as a direct settlement would have been (Jilin
 * 第二十二条: "参保地按照当地政策有关规定计算出应给付金额"): the insured region's outpatient or
 * inpatient benefit for the person's 险种 and the hospital's level, against the accumulators of
 * the care's year; a stay has one deductible and, where the region splits stays across 1 January,
 * is split by days (Jilin 第十六条). The invoice's cost parts are one bill line. A stay's
 * 外院检查治疗或购药单 costs join that bill (001 第三十三条 "…费用纳入本次住院费用手工报销"), under
 * the stay's one deductible, as they would have at a direct settlement.
 */
export function claimPayment(care: ClaimedCare, costs: ClaimCosts, policy: RegionPolicy, insuranceType: InsuranceType, accumulatorsOf: (year: number) => Accumulators, ratioCutPoints = 0, outsideSlips: readonly SlipCosts[] = []): ClaimOutcome {
  const invoice = [{ id: 'invoice', ...costs }]
  if (care.kind === 'inpatient' && care.admissionDate && care.dischargeDate) {
    const items = stayBill(invoice, outsideSlips)
    const split = settleInpatient(items, policy.inpatient[insuranceType], accumulatorsOf, {
      hospitalLevel: care.hospitalLevel,
      ratioCutPoints,
      admissionDate: care.admissionDate,
      dischargeDate: care.dischargeDate,
      crossYearStay: policy.crossYearStay,
    })
    return {
      payment: { totalFen: split.totalFen, deductibleFen: split.deductibleFen, fundPaidFen: split.fundPaidFen, cashPaidFen: split.cashPaidFen },
      deltas: split.years.map(share => ({ year: share.year, delta: share.delta })),
    }
  }
  const year = yearOf(care.visitDate ?? care.dischargeDate ?? '')
  const split = settleOutpatient(invoice, policy.outpatient[insuranceType], accumulatorsOf(year), { hospitalLevel: care.hospitalLevel, ratioCutPoints })
  return {
    payment: { totalFen: split.totalFen, deductibleFen: split.deductibleFen, fundPaidFen: split.fundPaidFen, cashPaidFen: split.cashPaidFen },
    deltas: [{ year, delta: split.delta }],
  }
}
