import { ApiProblem, callApi } from '../../api'
import { db } from '../../db/database'
import { readSession } from '../../db/session'
import type { SettlementSplit } from '../../domain/money/settle'

/** One settlement as `GET /api/me/settlements` lists it. */
export interface MySettlement {
  settlementId: string
  hospitalCode: string
  settledOn: string
  items: { id: string }[]
  split: SettlementSplit
  refunds: {
    refundId: string
    status: 'pending' | 'approved' | 'rejected'
    reason: string
    note: string | null
    period: string | null
    afterClearing: boolean
    /** Returned to the fund and to the person (分), once approved. */
    fundFen?: number | null
    cashFen?: number | null
  }[]
}

/** `meta` key of the last list from the server: personal, so it goes at sign-out. */
export const SETTLEMENTS_KEY = 'mySettlements'

/** Brings the person's settlements onto the phone, where they stay readable offline. */
export async function refreshMySettlements(): Promise<void> {
  const session = await readSession(db)
  if (!session || session.role !== 'insured' || !navigator.onLine)
    return
  try {
    const { settlements } = await callApi<{ settlements: MySettlement[] }>('/me/settlements', { token: session.token })
    await db.meta.put({ key: SETTLEMENTS_KEY, value: settlements })
  }
  catch (error) {
    if (!(error instanceof ApiProblem))
      throw error
  }
}
