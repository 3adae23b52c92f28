import { NO_ACCUMULATORS, type BillItem } from '../../../domain/money/settle'
import { type InpatientSplit, settleInpatient } from '../../../domain/money/settleInpatient'
import { stayBill } from '../../../domain/money/stayBill'
import { policyFor } from '../../../domain/policy/policyFor'
import type { HospitalLevel } from '../../../domain/policy/types'
import type { OpenStayView } from '../../../domain/schemas/stay'

export type StayPreview =
  | { ok: true, split: InpatientSplit, ratioPercent: number }
  | { ok: false, reason: 'not_direct' | 'slip_waiting' | 'discharge_before_admission' | 'no_level' | 'no_items' }

/**
 * The stay's split as the server will compute it, on the device: the rulebook with the policy of
 * the patient's 参保地 and 险种, the ratio cut the server found for the admission (no typed cut),
 * the hospital level, the person's inpatient accumulators as last listed, and the slips' costs
 * joined to the bill (001 第三十三条). Runs offline; the server's answer confirms it.
 */
export function previewStay(stay: OpenStayView, own: readonly BillItem[], dischargeDate: string, hospitalLevel: HospitalLevel | null): StayPreview {
  if (!stay.coverage.ok)
    return { ok: false, reason: 'not_direct' }
  if (stay.slips.some(slip => slip.items === null))
    return { ok: false, reason: 'slip_waiting' }
  if (!hospitalLevel)
    return { ok: false, reason: 'no_level' }
  if (own.length === 0)
    return { ok: false, reason: 'no_items' }
  if (dischargeDate < stay.admissionDate)
    return { ok: false, reason: 'discharge_before_admission' }
  const { insuredRegion, insuranceType, ratioCutPoints } = stay.coverage
  const policy = policyFor(insuredRegion)
  const benefit = policy.inpatient[insuranceType]
  const bill = stayBill(own, stay.slips.map(slip => ({ slipId: slip.slipId, items: slip.items ?? [] })))
  const split = settleInpatient(bill, benefit, year => stay.accumulators[year] ?? NO_ACCUMULATORS, {
    hospitalLevel,
    ratioCutPoints,
    admissionDate: stay.admissionDate,
    dischargeDate,
    crossYearStay: policy.crossYearStay,
  })
  return { ok: true, split, ratioPercent: Math.max(0, benefit.ratioPercentByLevel[hospitalLevel] - ratioCutPoints) }
}

/** True when the server settled the same money as the device showed. */
export function sameMoney(a: { totalFen: number, fundPaidFen: number, cashPaidFen: number, deductibleFen: number }, b: typeof a): boolean {
  return a.totalFen === b.totalFen && a.fundPaidFen === b.fundPaidFen && a.cashPaidFen === b.cashPaidFen && a.deductibleFen === b.deductibleFen
}
