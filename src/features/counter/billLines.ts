import type { BillItem } from '../../domain/money/settle'
import { parseYuan } from '../../domain/money/yuan'

/** The four parts of a bill line as the place of treatment splits it (DOMAIN §10). */
export const BILL_PARTS = ['covered', 'classB', 'overLimit', 'selfFunded'] as const
export type BillPart = (typeof BILL_PARTS)[number]

/** One bill line as typed, in 元. */
export type BillLine = Record<BillPart, string>

export const emptyBillLine = (): BillLine => ({ covered: '', classB: '0', overLimit: '0', selfFunded: '0' })

function fenOf(text: string): number | undefined {
  const parsed = parseYuan(text || '0')
  return parsed.ok ? parsed.fen : undefined
}

/**
 * The typed lines as bill items in 分 (`line-1`, `line-2`, …), or the index of the first line
 * with an amount that is not 元 with at most two decimals. A blank part counts as 0.
 */
export function itemsOfLines(lines: readonly BillLine[], prefix = 'line'): { ok: true, items: BillItem[] } | { ok: false, line: number } {
  const items: BillItem[] = []
  for (const [index, line] of lines.entries()) {
    const parts = BILL_PARTS.map(part => fenOf(line[part]))
    if (parts.some(part => part === undefined))
      return { ok: false, line: index }
    const [coveredFen, classBSelfPayFen, overLimitSelfPayFen, selfFundedFen] = parts as number[]
    items.push({ id: `${prefix}-${index + 1}`, coveredFen: coveredFen!, classBSelfPayFen: classBSelfPayFen!, overLimitSelfPayFen: overLimitSelfPayFen!, selfFundedFen: selfFundedFen! })
  }
  return { ok: true, items }
}
