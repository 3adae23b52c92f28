/**
 * `npm run bench:settle`: throughput of the money engine — 100,000 random outpatient settlements,
 * 10,000 refunds, one person-year at a time, and 100,000 stays settled at discharge (a tenth of
 * them across 1 January, split by days). Prints figures; never fails on time.
 */
import { accumulatorsFor, refundSettlement, type Reversal, type SettledRecord } from '../src/domain/money/refund.ts'
import { type Accumulators, type BillItem, settleOutpatient } from '../src/domain/money/settle.ts'
import { type InpatientContext, settleInpatient } from '../src/domain/money/settleInpatient.ts'
import { NATIONAL_POLICY } from '../src/domain/policy/national.ts'
import { seededRandom } from '../tests/support/seededRandom.ts'

const SETTLEMENTS = 100_000
const REFUNDS = 10_000
const random = seededRandom(20_261_124)
const fen = (max: number) => Math.floor(random() * max)
const benefit = NATIONAL_POLICY.outpatient.employee
const context = { hospitalLevel: 'secondary', ratioCutPoints: 0 } as const

const bills: BillItem[][] = Array.from({ length: SETTLEMENTS }, (_bill, n) => Array.from({ length: 1 + (n % 4) }, (_line, i) => ({
  id: `i${i}`, coveredFen: fen(60_000), classBSelfPayFen: fen(5_000), overLimitSelfPayFen: fen(2_000), selfFundedFen: fen(8_000),
})))

// 1,000 people with 100 settlements each in one year: each settles against the year so far.
let started = performance.now()
const records: SettledRecord[] = []
let accumulators: Accumulators = { deductibleUsedFen: 0, fundPaidFen: 0 }
for (let n = 0; n < SETTLEMENTS; n++) {
  if (n % 100 === 0)
    accumulators = { deductibleUsedFen: 0, fundPaidFen: 0 }
  const split = settleOutpatient(bills[n]!, benefit, accumulators, context)
  records.push({ settlementId: `s${n}`, hospitalCode: 'H1', settledOn: `2026-${String(1 + (n % 12)).padStart(2, '0')}-15`, items: bills[n]!, benefit, before: accumulators, context, split })
  accumulators = { deductibleUsedFen: accumulators.deductibleUsedFen + split.delta.deductibleUsedFen, fundPaidFen: accumulators.fundPaidFen + split.delta.fundPaidFen }
}
const settleMs = performance.now() - started
console.log(`${SETTLEMENTS.toLocaleString()} settlements: ${settleMs.toFixed(0)} ms — ${Math.round(SETTLEMENTS / (settleMs / 1000)).toLocaleString()} settlements/s (target ≥ 200,000/s)`)

started = performance.now()
const reversals: Reversal[] = []
const closed = new Set(['2026-01', '2026-02', '2026-03'])
for (let n = 0; n < REFUNDS; n++) {
  const outcome = refundSettlement(records[n * 10]!, 'all', [], closed)
  if (outcome.reversal)
    reversals.push(outcome.reversal)
}
const refundMs = performance.now() - started
console.log(`${REFUNDS.toLocaleString()} refunds: ${refundMs.toFixed(0)} ms — ${Math.round(REFUNDS / (refundMs / 1000)).toLocaleString()} refunds/s`)

started = performance.now()
const year = accumulatorsFor(2026, records.slice(0, 100), reversals.slice(0, 10))
console.log(`one person-year of accumulators from 100 settlements and 10 refunds: ${(performance.now() - started).toFixed(2)} ms (fund used ${year.fundPaidFen} 分)`)

// Stays: each settles against its person's inpatient years so far (one person, ten stays).
const STAYS = 100_000
const STAY_TARGET_PER_SECOND = 200_000
const inpatient = NATIONAL_POLICY.inpatient.employee
const stayContexts: InpatientContext[] = Array.from({ length: STAYS }, (_stay, n) => n % 10 === 0
  ? { hospitalLevel: 'tertiary', ratioCutPoints: 10, admissionDate: '2025-12-20', dischargeDate: '2026-01-08', crossYearStay: 'split_by_days' }
  : { hospitalLevel: 'secondary', ratioCutPoints: 0, admissionDate: '2026-05-02', dischargeDate: '2026-05-12', crossYearStay: 'split_by_days' })
const yearsUsed = new Map<number, Accumulators>()
const accumulatorsOf = (y: number) => yearsUsed.get(y) ?? { deductibleUsedFen: 0, fundPaidFen: 0 }
started = performance.now()
let stayFundFen = 0
for (let n = 0; n < STAYS; n++) {
  if (n % 10 === 0)
    yearsUsed.clear()
  const split = settleInpatient(bills[n]!, inpatient, accumulatorsOf, stayContexts[n]!)
  for (const share of split.years) {
    const used = accumulatorsOf(share.year)
    yearsUsed.set(share.year, { deductibleUsedFen: used.deductibleUsedFen + share.delta.deductibleUsedFen, fundPaidFen: used.fundPaidFen + share.delta.fundPaidFen })
  }
  stayFundFen += split.fundPaidFen
}
const stayMs = performance.now() - started
const stayRate = Math.round(STAYS / (stayMs / 1000))
console.log(`${STAYS.toLocaleString()} inpatient settlements: ${stayMs.toFixed(0)} ms — ${stayRate.toLocaleString()} inpatient settlements/s, ${(stayRate / STAY_TARGET_PER_SECOND).toFixed(2)}× the target of ${STAY_TARGET_PER_SECOND.toLocaleString()}/s (fund paid ${stayFundFen} 分)`)
