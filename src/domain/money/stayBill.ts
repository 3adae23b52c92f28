import type { BillItem } from './settle'

/** The costs recorded on one 外院检查治疗或购药单; no items: the slip was not used. */
export interface SlipCosts {
  slipId: string
  items: readonly BillItem[]
}

const SLIP_PREFIX = 'slip-'

/** The id a slip's cost line carries inside the stay's bill: unique per slip and line, ≤ 64 characters. */
export const slipItemId = (slipId: string, index: number) => `${SLIP_PREFIX}${slipId}-${index + 1}`

/** True for a line that came from an outside slip rather than the hospital's own bill. */
export const isSlipItemId = (id: string) => id.startsWith(SLIP_PREFIX)

/**
 * The whole bill of a stay: the hospital's own lines, then every slip's cost lines. 001 第三十三条
 * (and Jilin 第二十八条): "相关费用纳入本次住院费用跨省直接结算" — the outside costs are part of the
 * same stay, so they share its one deductible and ratio, and a refund can name each of them.
 * Slips are taken in the order given; each line's id says which slip it came from.
 */
export function stayBill(own: readonly BillItem[], slips: readonly SlipCosts[]): BillItem[] {
  const bill = [...own]
  for (const slip of slips)
    slip.items.forEach((item, index) => bill.push({ ...item, id: slipItemId(slip.slipId, index) }))
  return bill
}

/** Sum of a slip's lines in 分, as the slip shows it. */
export function slipTotalFen(items: readonly BillItem[]): number {
  return items.reduce((sum, item) => sum + item.coveredFen + item.classBSelfPayFen + item.overLimitSelfPayFen + item.selfFundedFen, 0)
}
