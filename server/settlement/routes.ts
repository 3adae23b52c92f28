import express from 'express'
import type { Reversal, SettledRecord } from '../../src/domain/money/refund.ts'
import { maskIdNumber } from '../../src/domain/identity/mask.ts'
import { counterOf, insuredOf } from '../auth/caller.ts'
import type { Store } from '../store/index.ts'

/**
 * `GET /me/settlements`: the person's settlements with their refunds. `GET /counter/refunds`:
 * the hospital's refund queue with each settlement's amounts, masked.
 */
export function settlementRoutes(store: Store): express.Router {
  const { db } = store
  const router = express.Router()

  router.get('/me/settlements', async (_req, res) => {
    const caller = insuredOf(res)
    const settlements = await db.selectFrom('settlements').select('record').where('id_number', '=', caller.idNumber).orderBy('settled_on', 'desc').execute()
    const refunds = await db.selectFrom('refunds').selectAll().where('id_number', '=', caller.idNumber).execute()
    res.set('Cache-Control', 'no-store')
    res.json({
      settlements: settlements.map((row) => {
        const record = JSON.parse(row.record) as SettledRecord
        return {
          settlementId: record.settlementId,
          hospitalCode: record.hospitalCode,
          settledOn: record.settledOn,
          items: record.items,
          split: record.split,
          refunds: refunds.filter(refund => refund.settlement_id === record.settlementId).map(refund => ({
            refundId: refund.refund_id,
            status: refund.status,
            reason: refund.reason,
            note: refund.note,
            period: refund.reversal ? (JSON.parse(refund.reversal) as Reversal).period : null,
            afterClearing: refund.reversal ? (JSON.parse(refund.reversal) as Reversal).afterClearing : false,
          })),
        }
      }),
    })
  })

  router.get('/counter/refunds', async (_req, res) => {
    const caller = counterOf(res)
    const refunds = await db.selectFrom('refunds').selectAll().where('hospital_code', '=', caller.hospitalCode).orderBy('requested_on', 'desc').limit(500).execute()
    const ids = [...new Set(refunds.map(refund => refund.settlement_id))]
    const settlements = ids.length === 0 ? [] : await db.selectFrom('settlements').select(['settlement_id', 'record']).where('settlement_id', 'in', ids).execute()
    const byId = new Map(settlements.map(row => [row.settlement_id, JSON.parse(row.record) as SettledRecord]))
    res.set('Cache-Control', 'no-store')
    res.json({
      refunds: refunds.map(refund => ({
        refundId: refund.refund_id,
        settlementId: refund.settlement_id,
        patientMasked: maskIdNumber(refund.id_number),
        reason: refund.reason,
        status: refund.status,
        requestedOn: refund.requested_on,
        settledOn: byId.get(refund.settlement_id)?.settledOn,
        split: byId.get(refund.settlement_id)?.split,
        before: byId.get(refund.settlement_id)?.before,
        reversal: refund.reversal ? JSON.parse(refund.reversal) as Reversal : null,
      })),
    })
  })

  return router
}
