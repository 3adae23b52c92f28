import type { HospitalLevel, OutpatientBenefit } from '../policy/types'

/** One line of an outpatient bill, split by the place of treatment (DOMAIN §10), in 分. */
export interface BillItem {
  id: string
  /** 统筹基金支付范围内费用. */
  coveredFen: number
  /** 乙类先行自付. */
  classBSelfPayFen: number
  /** 超限价自付. */
  overLimitSelfPayFen: number
  /** 自费. */
  selfFundedFen: number
}

/** What a person has used of the year's deductible and annual fund cap (per calendar year). */
export interface Accumulators {
  deductibleUsedFen: number
  fundPaidFen: number
}

export const NO_ACCUMULATORS: Accumulators = Object.freeze({ deductibleUsedFen: 0, fundPaidFen: 0 })

export interface SettleContext {
  hospitalLevel: HospitalLevel
  /** Points off the fund ratio for a temporary trip (DOMAIN §7); 0 when none applies. */
  ratioCutPoints: number
}

/** The split of one settlement: the 结算单's amounts and what it adds to the year's accumulators. */
export interface SettlementSplit {
  totalFen: number
  coveredFen: number
  classBSelfPayFen: number
  overLimitSelfPayFen: number
  selfFundedFen: number
  /** Covered costs the person paid toward the deductible (起付线). */
  deductibleFen: number
  /** Covered costs above the deductible the fund does not pay (co-pay, and anything over the cap). */
  coPayFen: number
  fundPaidFen: number
  cashPaidFen: number
  delta: Accumulators
}

const sum = (items: readonly BillItem[], part: keyof Omit<BillItem, 'id'>) => items.reduce((total, item) => total + item[part], 0)

/**
 * Settles an outpatient transaction under the insured region's benefit, against the person's
 * accumulators for the settlement's calendar year as they stand before it. Covered costs first
 * fill what is left of the deductible; the fund pays its ratio (by hospital level, less any
 * temporary-trip cut) of the rest, rounded down to the 分, up to what is left of the annual cap.
 * Everything else is the person's. Both slip identities hold:
 * 总费用 = 范围内 + 乙类先行自付 + 超限价自付 + 自费, and 总费用 = 基金支付 + 个人现金支付.
 */
export function settleOutpatient(items: readonly BillItem[], benefit: OutpatientBenefit, before: Accumulators, context: SettleContext): SettlementSplit {
  const coveredFen = sum(items, 'coveredFen')
  const classBSelfPayFen = sum(items, 'classBSelfPayFen')
  const overLimitSelfPayFen = sum(items, 'overLimitSelfPayFen')
  const selfFundedFen = sum(items, 'selfFundedFen')
  const totalFen = coveredFen + classBSelfPayFen + overLimitSelfPayFen + selfFundedFen

  const deductibleLeft = Math.max(0, benefit.deductibleFen - before.deductibleUsedFen)
  const deductibleFen = Math.min(coveredFen, deductibleLeft)
  const eligible = coveredFen - deductibleFen
  const ratio = Math.max(0, benefit.ratioPercentByLevel[context.hospitalLevel] - context.ratioCutPoints)
  const capLeft = Math.max(0, benefit.annualCapFen - before.fundPaidFen)
  const fundPaidFen = Math.min(Math.floor((eligible * ratio) / 100), capLeft)

  return {
    totalFen,
    coveredFen,
    classBSelfPayFen,
    overLimitSelfPayFen,
    selfFundedFen,
    deductibleFen,
    coPayFen: eligible - fundPaidFen,
    fundPaidFen,
    cashPaidFen: totalFen - fundPaidFen,
    delta: { deductibleUsedFen: deductibleFen, fundPaidFen },
  }
}
