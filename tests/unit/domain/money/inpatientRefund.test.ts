import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accumulatorsFor, type InpatientRecord, type OutpatientRecord, refundSettlement, type Reversal, type SettledRecord } from '../../../../src/domain/money/refund'
import { type BillItem, settleOutpatient } from '../../../../src/domain/money/settle'
import { type InpatientContext, settleInpatient } from '../../../../src/domain/money/settleInpatient'
import type { InpatientBenefit, OutpatientBenefit } from '../../../../src/domain/policy/types'
import { itemArb } from './arbitraries'

const INPATIENT: InpatientBenefit = { deductibleFenByLevel: { primary: 30_000, secondary: 60_000, tertiary: 90_000 }, ratioPercentByLevel: { primary: 90, secondary: 85, tertiary: 80 }, annualCapFen: 2_000_000 }
const OUTPATIENT: OutpatientBenefit = { deductibleFen: 80_000, ratioPercentByLevel: { primary: 80, secondary: 70, tertiary: 60 }, annualCapFen: 1_000_000 }
const item = (id: string, coveredFen: number): BillItem => ({ id, coveredFen, classBSelfPayFen: 2_000, overLimitSelfPayFen: 0, selfFundedFen: 1_000 })
const CROSS_YEAR: InpatientContext = { hospitalLevel: 'secondary', ratioCutPoints: 0, admissionDate: '2026-12-22', dischargeDate: '2027-01-11', crossYearStay: 'split_by_days' }

/** Settles a stay for one person the way the server does: against each year's inpatient accumulators so far. */
function settleStay(id: string, items: BillItem[], context: InpatientContext, earlier: readonly SettledRecord[], reversals: readonly Reversal[] = []): InpatientRecord {
  const of = (year: number) => accumulatorsFor(year, earlier, reversals, 'inpatient')
  const split = settleInpatient(items, INPATIENT, of, context)
  const before = Object.fromEntries(split.years.map(share => [share.year, of(share.year)]))
  return { kind: 'inpatient', settlementId: id, hospitalCode: 'H1', settledOn: context.dischargeDate, items, benefit: INPATIENT, before, context, split }
}

function clinicVisit(id: string, on: string, items: BillItem[], earlier: readonly SettledRecord[]): OutpatientRecord {
  const before = accumulatorsFor(Number(on.slice(0, 4)), earlier, [])
  const context = { hospitalLevel: 'secondary', ratioCutPoints: 0 } as const
  return { settlementId: id, hospitalCode: 'H1', settledOn: on, items, benefit: OUTPATIENT, before, context, split: settleOutpatient(items, OUTPATIENT, before, context) }
}

describe('inpatient accumulators and refunds of a stay', () => {
  it('DOMAIN §10: a stay and a clinic visit are counted apart, each against its own cap', () => {
    const stay = settleStay('s1', [item('a', 500_000)], { ...CROSS_YEAR, admissionDate: '2026-03-01', dischargeDate: '2026-03-10' }, [])
    const visit = clinicVisit('v1', '2026-04-01', [item('b', 100_000)], [stay])
    // The stay used none of the outpatient deductible: the visit pays the whole 800 元 one.
    expect(visit.split.deductibleFen).toBe(80_000)
    expect(accumulatorsFor(2026, [stay, visit], [], 'inpatient')).toEqual({ deductibleUsedFen: 60_000, fundPaidFen: stay.split.fundPaidFen })
    expect(accumulatorsFor(2026, [stay, visit], [])).toEqual(visit.split.delta)
  })

  it('Jilin 第十六条: a cross-year stay uses the cap room of both years it spans', () => {
    const stay = settleStay('s1', [item('a', 1_000_000)], CROSS_YEAR, [])
    expect(stay.split.years.map(y => y.year)).toEqual([2026, 2027])
    expect(accumulatorsFor(2026, [stay], [], 'inpatient').fundPaidFen).toBe(stay.split.years[0]!.fundPaidFen)
    expect(accumulatorsFor(2027, [stay], [], 'inpatient').fundPaidFen).toBe(stay.split.years[1]!.fundPaidFen)
  })

  it('Jilin 第三十二条: refunding a cross-year stay returns what it paid and gives back each year\'s own cap room', () => {
    const stay = settleStay('s1', [item('a', 1_000_000), item('b', 40_000)], CROSS_YEAR, [])
    const reversal = refundSettlement(stay, 'all', [], new Set()).reversal!
    expect(reversal).toMatchObject({ kind: 'inpatient', year: 2027, fundFen: stay.split.fundPaidFen, cashFen: stay.split.cashPaidFen })
    for (const year of [2026, 2027])
      expect(accumulatorsFor(year, [stay], [reversal], 'inpatient')).toEqual({ deductibleUsedFen: 0, fundPaidFen: 0 })
  })

  it('for any stays, refunding any items of one returns exactly what it paid for them, and the other stays keep theirs', () => {
    fc.assert(fc.property(
      fc.uniqueArray(itemArb, { minLength: 1, maxLength: 6, selector: i => i.id }),
      fc.array(itemArb, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 40 }),
      fc.constantFrom<InpatientContext['crossYearStay']>('single', 'split_by_days'),
      (firstItems, secondItems, lengthDays, crossYearStay) => {
        const discharge = new Date(Date.UTC(2027, 0, 5 + lengthDays)).toISOString().slice(0, 10)
        const context: InpatientContext = { ...CROSS_YEAR, dischargeDate: discharge, crossYearStay }
        const first = settleStay('first', firstItems, context, [])
        const second = settleStay('second', secondItems, { ...context, admissionDate: discharge, dischargeDate: discharge }, [first])
        const chosen = firstItems.filter((_, index) => index % 2 === 0).map(i => i.id)
        const part = refundSettlement(first, chosen, [], new Set()).reversal!
        const rest = chosen.length < firstItems.length ? [refundSettlement(first, 'all', [part], new Set()).reversal!] : []
        const back = [part, ...rest]
        // Returned in one or two goes, the stay gives back exactly its own fund and cash amounts.
        expect(back.reduce((sum, r) => sum + r.fundFen, 0)).toBe(first.split.fundPaidFen)
        expect(back.reduce((sum, r) => sum + r.cashFen, 0)).toBe(first.split.cashPaidFen)
        // Every year it spanned is back to what the later stay alone used.
        for (const year of [2026, 2027, 2028]) {
          const secondsShare = second.split.years.find(y => y.year === year)?.delta ?? { deductibleUsedFen: 0, fundPaidFen: 0 }
          expect(accumulatorsFor(year, [first, second], back, 'inpatient')).toEqual(secondsShare)
        }
      },
    ))
  })
})
