import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accumulatorsFor, bookingPeriod, periodTotals, refundSettlement, type OutpatientRecord, type Reversal } from '../../../../src/domain/money/refund'
import { type BillItem, settleOutpatient } from '../../../../src/domain/money/settle'
import type { OutpatientBenefit } from '../../../../src/domain/policy/types'
import { itemArb } from './arbitraries'

const BENEFIT: OutpatientBenefit = { deductibleFen: 80_000, ratioPercentByLevel: { primary: 80, secondary: 70, tertiary: 60 }, annualCapFen: 1_000_000 }
/** The next year's figures: a lower deductible and higher ratios, as regions publish each January. */
const BENEFIT_2027: OutpatientBenefit = { deductibleFen: 60_000, ratioPercentByLevel: { primary: 85, secondary: 75, tertiary: 65 }, annualCapFen: 1_200_000 }
const benefitOf = (settledOn: string) => (settledOn.startsWith('2027') ? BENEFIT_2027 : BENEFIT)
const CONTEXT = { hospitalLevel: 'secondary', ratioCutPoints: 0 } as const
const item = (id: string, coveredFen: number): BillItem => ({ id, coveredFen, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 1_000 })

/** Settles bills one after another for one person, each against the year's accumulators so far. */
function settleAll(bills: { id: string, on: string, items: BillItem[] }[]): OutpatientRecord[] {
  const records: OutpatientRecord[] = []
  for (const bill of bills) {
    const before = accumulatorsFor(Number(bill.on.slice(0, 4)), records, [])
    const benefit = benefitOf(bill.on)
    records.push({ settlementId: bill.id, hospitalCode: 'H1', settledOn: bill.on, items: bill.items, benefit, before, context: CONTEXT, split: settleOutpatient(bill.items, benefit, before, CONTEXT) })
  }
  return records
}

describe('refunds that never disturb other settlements', () => {
  const [first, second] = settleAll([
    { id: 's1', on: '2026-10-05', items: [item('a', 60_000), item('b', 50_000)] },
    { id: 's2', on: '2026-10-20', items: [item('c', 100_000)] },
  ]) as [OutpatientRecord, OutpatientRecord]

  it('Yunnan 第三十七条 隔笔退费: refunding an earlier settlement returns its own amounts; the later one keeps its shares', () => {
    const result = refundSettlement(first, 'all', [], new Set())
    expect(result.ok).toBe(true)
    expect(result.reversal).toMatchObject({ fundFen: first.split.fundPaidFen, cashFen: first.split.cashPaidFen, period: '2026-10', afterClearing: false })
    expect(second.split.fundPaidFen).toBe(70_000)
    // The deductible and cap room it used come back for later settlements only.
    expect(accumulatorsFor(2026, [first, second], [result.reversal!])).toEqual(second.split.delta)
  })

  it('refunding some items recomputes only that settlement\'s own split', () => {
    const result = refundSettlement(first, ['b'], [], new Set())
    const kept = settleOutpatient([item('a', 60_000)], BENEFIT, first.before, CONTEXT)
    expect(result.reversal).toMatchObject({ itemIds: ['b'], fundFen: first.split.fundPaidFen - kept.fundPaidFen, cashFen: first.split.cashPaidFen - kept.cashPaidFen })
    const rest = refundSettlement(first, 'all', [result.reversal!], new Set())
    expect(rest.reversal?.itemIds).toEqual(['a'])
    expect(result.reversal!.fundFen + rest.reversal!.fundFen).toBe(first.split.fundPaidFen)
  })

  it('Chongqing 第三十九条 跨年退费: a refund in a later year belongs to the settlement\'s year', () => {
    const result = refundSettlement(second, 'all', [], new Set(['2026-10', '2026-11', '2026-12']))
    expect(result.reversal).toMatchObject({ year: 2026, period: '2027-01' })
    expect(accumulatorsFor(2027, [first, second], [result.reversal!])).toEqual({ deductibleUsedFen: 0, fundPaidFen: 0 })
  })

  it('Chongqing 第三十九条 跨年退费: a refund made under the next year\'s figures returns exactly what the settlement paid', () => {
    // Settled under 2026's figures; by the time of the refund the region publishes 2027's.
    const [late] = settleAll([{ id: 's3', on: '2026-12-28', items: [item('d', 200_000), item('e', 30_000)] }]) as [OutpatientRecord]
    const part = refundSettlement(late, ['e'], [], new Set(['2026-12'])).reversal!
    const underOldFigures = settleOutpatient([item('d', 200_000)], BENEFIT, late.before, CONTEXT)
    expect(part.fundFen).toBe(late.split.fundPaidFen - underOldFigures.fundPaidFen)
    const rest = refundSettlement(late, 'all', [part], new Set(['2026-12'])).reversal!
    expect(part.fundFen + rest.fundFen).toBe(late.split.fundPaidFen)
    expect(part.cashFen + rest.cashFen).toBe(late.split.cashPaidFen)
    expect(settleOutpatient(late.items, BENEFIT_2027, late.before, CONTEXT).fundPaidFen).not.toBe(late.split.fundPaidFen)
  })

  it('Jilin 第三十二条 清算后退费: a cleared month books the reversal into the next open period and says so', () => {
    expect(bookingPeriod('2026-10', new Set(['2026-10']))).toEqual({ period: '2026-11', afterClearing: true })
    const result = refundSettlement(first, 'all', [], new Set(['2026-10']))
    expect(result.reversal).toMatchObject({ period: '2026-11', afterClearing: true })
    const october = periodTotals('2026-10', 'H1', [first, second], [result.reversal!])
    const november = periodTotals('2026-11', 'H1', [first, second], [result.reversal!])
    expect(october).toMatchObject({ fundFen: first.split.fundPaidFen + second.split.fundPaidFen, reversedFundFen: 0 })
    expect(november).toMatchObject({ fundFen: 0, reversedFundFen: first.split.fundPaidFen })
  })

  it('refunding twice is refused (already_refunded)', () => {
    const once = refundSettlement(first, 'all', [], new Set())
    expect(refundSettlement(first, 'all', [once.reversal!], new Set())).toMatchObject({ ok: false, code: 'already_refunded' })
    expect(refundSettlement(first, ['zz'], [], new Set())).toMatchObject({ ok: false, code: 'unknown_item' })
  })

  it('hand-checked under resident insurance figures (起付线 200 元, 50% at a secondary hospital, cap 3,000 元)', () => {
    const resident = { deductibleFen: 20_000, ratioPercentByLevel: { primary: 60, secondary: 50, tertiary: 40 }, annualCapFen: 300_000 }
    const one = settleOutpatient([item('r1', 100_000)], resident, { deductibleUsedFen: 0, fundPaidFen: 0 }, CONTEXT)
    expect([one.deductibleFen, one.fundPaidFen, one.cashPaidFen]).toEqual([20_000, 40_000, 61_000])
    const two = settleOutpatient([item('r2', 600_000)], resident, one.delta, CONTEXT)
    expect(two.fundPaidFen).toBe(260_000) // 300,000 of ratio, stopped by the 3,000 元 cap less the 400 元 already paid
    const record: OutpatientRecord = { settlementId: 'r', hospitalCode: 'H1', settledOn: '2026-12-30', items: [item('r1', 100_000)], benefit: resident, before: { deductibleUsedFen: 0, fundPaidFen: 0 }, context: CONTEXT, split: one }
    const reversal = refundSettlement(record, 'all', [], new Set(['2026-12'])).reversal!
    expect(reversal).toMatchObject({ year: 2026, period: '2027-01', afterClearing: true, fundFen: 40_000, cashFen: 61_000, delta: { deductibleUsedFen: -20_000, fundPaidFen: -40_000 } })
  })

  it('for any run of settlements, refunding some leaves every other one as it was, and the year adds up', () => {
    fc.assert(fc.property(
      fc.array(fc.array(itemArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      (bills, refundFlags) => {
        // Spread over two years: the refunds of each belong to that year.
        const records = settleAll(bills.map((items, n) => ({ id: `s${n}`, on: `${2026 + (n % 2)}-0${1 + n}-10`, items })))
        const snapshot = structuredClone(records)
        const reversals: Reversal[] = []
        records.forEach((record, n) => {
          if (refundFlags[n])
            reversals.push(refundSettlement(record, 'all', reversals, new Set(['2026-01', '2026-02'])).reversal!)
        })
        // Settlements not refunded keep exactly their amounts.
        expect(records).toEqual(snapshot)
        // A full refund returns exactly the original amounts.
        for (const reversal of reversals) {
          const original = records.find(record => record.settlementId === reversal.settlementId)!
          expect([reversal.fundFen, reversal.cashFen]).toEqual([original.split.fundPaidFen, original.split.cashPaidFen])
        }
        // The year's accumulators equal the sum over settlements not refunded, never negative.
        const kept = records.filter((_, n) => !refundFlags[n])
        let netOfYears = 0
        for (const yearNumber of [2026, 2027]) {
          const year = accumulatorsFor(yearNumber, records, reversals)
          expect(year.fundPaidFen).toBe(kept.filter(record => record.settledOn.startsWith(String(yearNumber))).reduce((total, record) => total + record.split.fundPaidFen, 0))
          expect(Math.min(year.fundPaidFen, year.deductibleUsedFen)).toBeGreaterThanOrEqual(0)
          netOfYears += year.fundPaidFen
        }
        // Over all clearing periods, fund paid less reversals equals what the kept settlements paid.
        const months = ['2026', '2027'].flatMap(y => ['01', '02', '03', '04', '05', '06', '07'].map(m => `${y}-${m}`))
        const net = months.map(month => periodTotals(month, 'H1', records, reversals)).reduce((total, period) => total + period.fundFen - period.reversedFundFen, 0)
        expect(net).toBe(netOfYears)
      },
    ))
  })
})
