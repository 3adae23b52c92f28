import type { HospitalLevel, InpatientBenefit } from '../policy/types'
import type { Accumulators, BillItem } from './settle'
import { splitFenByDays, stayDaysByYear, type YearShare } from './crossYearStay'

const PARTS = ['coveredFen', 'classBSelfPayFen', 'overLimitSelfPayFen', 'selfFundedFen'] as const

export interface InpatientContext {
  hospitalLevel: HospitalLevel
  /** Points off the fund ratio for a temporary trip, as the admission check said; 0 when none applies. */
  ratioCutPoints: number
  admissionDate: string
  dischargeDate: string
  /** The insured region's rule for stays across 1 January (Jilin 第十六条). */
  crossYearStay: 'single' | 'split_by_days'
}

/** The share of a stay's costs one calendar year carries, settled against that year's accumulators. */
export interface InpatientYearShare {
  year: number
  days: number
  totalFen: number
  coveredFen: number
  classBSelfPayFen: number
  overLimitSelfPayFen: number
  selfFundedFen: number
  deductibleFen: number
  coPayFen: number
  fundPaidFen: number
  cashPaidFen: number
  /** What this share adds to the year's inpatient accumulators. */
  delta: Accumulators
}

/** The 住院结算单's amounts (001 annex 13) for a whole stay, with the share of each year it spans. */
export interface InpatientSplit {
  stayDays: number
  totalFen: number
  coveredFen: number
  classBSelfPayFen: number
  overLimitSelfPayFen: number
  selfFundedFen: number
  /** 起付标准 paid for this stay: counted once, however many years the stay spans. */
  deductibleFen: number
  coPayFen: number
  fundPaidFen: number
  cashPaidFen: number
  years: InpatientYearShare[]
}

type Parts = Record<(typeof PARTS)[number], number>

// Written out part by part rather than looped over PARTS: this runs once per stay at discharge
// and in bulk imports, and the plain additions keep it well above 200,000 stays a second.
function partsOf(items: readonly BillItem[]): Parts {
  const parts: Parts = { coveredFen: 0, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 0 }
  for (const item of items) {
    parts.coveredFen += item.coveredFen
    parts.classBSelfPayFen += item.classBSelfPayFen
    parts.overLimitSelfPayFen += item.overLimitSelfPayFen
    parts.selfFundedFen += item.selfFundedFen
  }
  return parts
}

const total = (parts: Parts) => parts.coveredFen + parts.classBSelfPayFen + parts.overLimitSelfPayFen + parts.selfFundedFen

/** Every cost part split by days (Jilin 第十六条), one `Parts` per year share. */
function splitPartsByDays(whole: Parts, shares: readonly YearShare[]): Parts[] {
  const split = PARTS.map(part => splitFenByDays(whole[part], shares))
  return shares.map((_share, index) => ({
    coveredFen: split[0]![index]!,
    classBSelfPayFen: split[1]![index]!,
    overLimitSelfPayFen: split[2]![index]!,
    selfFundedFen: split[3]![index]!,
  }))
}

/**
 * Settles a stay once, at discharge, under the insured region's inpatient benefit (Jilin 第十六条:
 * "按照出院时间核定待遇"). A stay inside one year, or any stay where the region settles as one,
 * belongs wholly to the discharge year. Where the region splits, "只计算一次起付线…根据跨年度前后
 * 的住院天数，将住院医疗费用进行分割，确定基金和个人费用分担额度、年度限额累计": every cost part is
 * split by days, the one deductible is taken from the earliest year's covered costs first, and each
 * year's share is paid at the ratio up to what is left of that year's cap.
 * Both slip identities hold for the stay and for every year's share:
 * 总费用 = 范围内 + 乙类先行自付 + 超限价自付 + 自费, and 总费用 = 基金支付 + 个人现金支付.
 */
export function settleInpatient(
  items: readonly BillItem[],
  benefit: InpatientBenefit,
  accumulatorsOf: (year: number) => Accumulators,
  context: InpatientContext,
): InpatientSplit {
  const whole = partsOf(items)
  const shares = stayDaysByYear(context.admissionDate, context.dischargeDate, context.crossYearStay)
  // Most stays lie inside one year: their one share is the whole bill, with nothing to split.
  const yearParts: Parts[] = shares.length === 1 ? [whole] : splitPartsByDays(whole, shares)

  const ratio = Math.max(0, benefit.ratioPercentByLevel[context.hospitalLevel] - context.ratioCutPoints)
  let deductibleLeft = benefit.deductibleFenByLevel[context.hospitalLevel]
  const years = shares.map((share, index): InpatientYearShare => {
    const parts = yearParts[index]!
    const deductibleFen = Math.min(parts.coveredFen, deductibleLeft)
    deductibleLeft -= deductibleFen
    const eligible = parts.coveredFen - deductibleFen
    const capLeft = Math.max(0, benefit.annualCapFen - accumulatorsOf(share.year).fundPaidFen)
    const fundPaidFen = Math.min(Math.floor((eligible * ratio) / 100), capLeft)
    const totalFen = total(parts)
    return {
      year: share.year,
      days: share.days,
      totalFen,
      coveredFen: parts.coveredFen,
      classBSelfPayFen: parts.classBSelfPayFen,
      overLimitSelfPayFen: parts.overLimitSelfPayFen,
      selfFundedFen: parts.selfFundedFen,
      deductibleFen,
      coPayFen: eligible - fundPaidFen,
      fundPaidFen,
      cashPaidFen: totalFen - fundPaidFen,
      delta: { deductibleUsedFen: deductibleFen, fundPaidFen },
    }
  })

  const sumOf = (key: 'deductibleFen' | 'coPayFen' | 'fundPaidFen' | 'cashPaidFen') => years.reduce((sum, y) => sum + y[key], 0)
  return {
    stayDays: shares.reduce((sum, s) => sum + s.days, 0),
    totalFen: total(whole),
    coveredFen: whole.coveredFen,
    classBSelfPayFen: whole.classBSelfPayFen,
    overLimitSelfPayFen: whole.overLimitSelfPayFen,
    selfFundedFen: whole.selfFundedFen,
    deductibleFen: sumOf('deductibleFen'),
    coPayFen: sumOf('coPayFen'),
    fundPaidFen: sumOf('fundPaidFen'),
    cashPaidFen: sumOf('cashPaidFen'),
    years,
  }
}
