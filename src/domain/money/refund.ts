import type { RuleResult } from '../result'
import { refuse } from '../result'
import type { InpatientBenefit, OutpatientBenefit } from '../policy/types'
import { type Accumulators, type BillItem, NO_ACCUMULATORS, type SettleContext, type SettlementSplit, settleOutpatient } from './settle'
import { type InpatientContext, type InpatientSplit, settleInpatient } from './settleInpatient'

/** Outpatient and inpatient money are counted apart: each has its own deductible and annual cap. */
export type SettlementKind = 'outpatient' | 'inpatient'

/**
 * A settlement as kept: its items, the benefit figures and accumulators it was settled against,
 * and its split. The figures travel with the record because a region's figures change from year
 * to year, and a refund must return exactly what this settlement paid.
 */
export interface OutpatientRecord {
  /** Absent on records kept before stays were settled: those are all outpatient. */
  kind?: 'outpatient'
  settlementId: string
  hospitalCode: string
  settledOn: string
  items: readonly BillItem[]
  benefit: OutpatientBenefit
  before: Accumulators
  context: SettleContext
  split: SettlementSplit
}

/**
 * A stay settled at discharge (`settledOn` is the discharge date). `before` holds the inpatient
 * accumulators of every year the stay was split over, as they stood when it was settled.
 */
export interface InpatientRecord {
  kind: 'inpatient'
  settlementId: string
  hospitalCode: string
  settledOn: string
  items: readonly BillItem[]
  benefit: InpatientBenefit
  before: Readonly<Record<string, Accumulators>>
  context: InpatientContext
  split: InpatientSplit
}

export type SettledRecord = OutpatientRecord | InpatientRecord

/** What one calendar year's accumulators changed by. */
export interface YearDelta {
  year: number
  delta: Accumulators
}

/** What a refund gives back: the settlement's own amounts, and the accumulator room it used. */
export interface Reversal {
  settlementId: string
  /** Items refunded by this reversal. */
  itemIds: string[]
  /** Absent on reversals kept before stays were settled: those are all outpatient. */
  kind?: SettlementKind
  /** Calendar year the reversal belongs to: always the original's (跨年退费). */
  year: number
  /** `YYYY-MM` clearing period it is booked into. */
  period: string
  /** True when the original's period was already cleared and the reversal moved on (清算后退费). */
  afterClearing: boolean
  fundFen: number
  cashFen: number
  /** Negative: room given back to the year's deductible and cap (for a stay: all its years together). */
  delta: Accumulators
  /** A stay split over years gives room back to each year it used, not only to the discharge year. */
  years?: YearDelta[]
}

export type RefundCode = 'already_refunded' | 'unknown_item' | 'nothing_selected'

const monthOf = (date: string) => date.slice(0, 7)

/**
 * Refunds a whole settlement or some of its items (Yunnan 第三十七条, Chongqing 第三十九条,
 * Jilin 第三十二条): its own split is computed again for what remains, under the figures and
 * against the accumulators it was settled with, and the difference is given back. No other settlement
 * changes (隔笔退费); the reversal belongs to the original's year (跨年退费) and is booked into
 * the original's clearing period, or the next open one when that is closed (清算后退费).
 */
export function refundSettlement(
  original: SettledRecord,
  selection: 'all' | readonly string[],
  earlier: readonly Reversal[],
  closedPeriods: ReadonlySet<string>,
): { ok: true, reversal: Reversal } | (Extract<RuleResult<RefundCode>, { ok: false }> & { reversal?: undefined }) {
  const refunded = new Set(earlier.filter(reversal => reversal.settlementId === original.settlementId).flatMap(reversal => reversal.itemIds))
  const wanted = selection === 'all' ? original.items.map(item => item.id).filter(id => !refunded.has(id)) : [...selection]
  if (wanted.length === 0)
    return refused(refunded.size > 0 ? 'already_refunded' : 'nothing_selected')
  if (wanted.some(id => !original.items.some(item => item.id === id)))
    return refused('unknown_item')
  if (wanted.some(id => refunded.has(id)))
    return refused('already_refunded')

  const keptBefore = original.items.filter(item => !refunded.has(item.id))
  const keptAfter = keptBefore.filter(item => !wanted.includes(item.id))
  const splitBefore = moneyOf(original, keptBefore)
  const splitAfter = moneyOf(original, keptAfter)
  const { period, afterClearing } = bookingPeriod(monthOf(original.settledOn), closedPeriods)
  const years = splitBefore.years.map(({ year, delta }, index): YearDelta => ({
    year,
    delta: {
      deductibleUsedFen: splitAfter.years[index]!.delta.deductibleUsedFen - delta.deductibleUsedFen,
      fundPaidFen: splitAfter.years[index]!.delta.fundPaidFen - delta.fundPaidFen,
    },
  }))
  return {
    ok: true,
    reversal: {
      ...(original.kind === 'inpatient' ? { kind: 'inpatient' as const, years } : {}),
      settlementId: original.settlementId,
      itemIds: wanted,
      year: Number(original.settledOn.slice(0, 4)),
      period,
      afterClearing,
      fundFen: splitBefore.fundPaidFen - splitAfter.fundPaidFen,
      cashFen: splitBefore.cashPaidFen - splitAfter.cashPaidFen,
      delta: {
        deductibleUsedFen: years.reduce((total, y) => total + y.delta.deductibleUsedFen, 0),
        fundPaidFen: years.reduce((total, y) => total + y.delta.fundPaidFen, 0),
      },
    },
  }
}

/**
 * The money of some of a record's items, settled again under its own figures, against the
 * accumulators it was settled with: for a stay, the same years and the same one deductible.
 */
function moneyOf(record: SettledRecord, items: readonly BillItem[]): { fundPaidFen: number, cashPaidFen: number, years: YearDelta[] } {
  if (record.kind === 'inpatient') {
    const split = settleInpatient(items, record.benefit, year => record.before[year] ?? NO_ACCUMULATORS, record.context)
    return { fundPaidFen: split.fundPaidFen, cashPaidFen: split.cashPaidFen, years: split.years.map(({ year, delta }) => ({ year, delta })) }
  }
  const split = settleOutpatient(items, record.benefit, record.before, record.context)
  return { fundPaidFen: split.fundPaidFen, cashPaidFen: split.cashPaidFen, years: [{ year: Number(record.settledOn.slice(0, 4)), delta: split.delta }] }
}

/** What each year's accumulators gained from a settlement: a stay may count in two years. */
export function yearDeltasOf(record: SettledRecord): YearDelta[] {
  if (record.kind === 'inpatient')
    return record.split.years.map(({ year, delta }) => ({ year, delta }))
  return [{ year: Number(record.settledOn.slice(0, 4)), delta: record.split.delta }]
}

const kindOf = (item: { kind?: SettlementKind }): SettlementKind => item.kind ?? 'outpatient'

const MESSAGES: Record<RefundCode, string> = {
  already_refunded: '这笔结算（或所选项目）已经退费',
  unknown_item: '所选项目不属于这笔结算',
  nothing_selected: '请选择要退费的项目',
}

function refused(code: RefundCode): Extract<RuleResult<RefundCode>, { ok: false }> {
  return refuse(code, MESSAGES[code])
}

/** The period a reversal books into: the original's month, or the first later month not yet cleared. */
export function bookingPeriod(originalMonth: string, closedPeriods: ReadonlySet<string>): { period: string, afterClearing: boolean } {
  let month = originalMonth
  while (closedPeriods.has(month))
    month = nextMonth(month)
  return { period: month, afterClearing: month !== originalMonth }
}

export function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`
}

/**
 * A person's outpatient or inpatient accumulators for a year: what their settlements of that
 * kind used in it, less what refunds gave back. The two kinds never mix: a stay does not use up
 * the outpatient cap, nor a clinic visit the inpatient one.
 */
export function accumulatorsFor(year: number, settlements: readonly SettledRecord[], reversals: readonly Reversal[], kind: SettlementKind = 'outpatient'): Accumulators {
  const deltas = [
    ...settlements.filter(record => kindOf(record) === kind).flatMap(yearDeltasOf),
    ...reversals.filter(reversal => kindOf(reversal) === kind).flatMap(reversal => reversal.years ?? [{ year: reversal.year, delta: reversal.delta }]),
  ].filter(entry => entry.year === year)
  return {
    deductibleUsedFen: deltas.reduce((total, entry) => total + entry.delta.deductibleUsedFen, 0),
    fundPaidFen: deltas.reduce((total, entry) => total + entry.delta.fundPaidFen, 0),
  }
}

/** A clearing period's totals for one hospital: what it settled, and what refunds booked into it. */
export function periodTotals(period: string, hospitalCode: string, settlements: readonly SettledRecord[], reversals: readonly Reversal[]): { fundFen: number, cashFen: number, reversedFundFen: number, reversedCashFen: number } {
  const settled = settlements.filter(record => record.hospitalCode === hospitalCode && monthOf(record.settledOn) === period)
  const hospitalOf = new Map(settlements.map(record => [record.settlementId, record.hospitalCode]))
  const booked = reversals.filter(reversal => reversal.period === period && hospitalOf.get(reversal.settlementId) === hospitalCode)
  return {
    fundFen: settled.reduce((total, record) => total + record.split.fundPaidFen, 0),
    cashFen: settled.reduce((total, record) => total + record.split.cashPaidFen, 0),
    reversedFundFen: booked.reduce((total, reversal) => total + reversal.fundFen, 0),
    reversedCashFen: booked.reduce((total, reversal) => total + reversal.cashFen, 0),
  }
}
