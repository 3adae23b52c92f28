import express from 'express'
import { type Reversal, type SettledRecord, yearDeltasOf } from '../../src/domain/money/refund.ts'
import type { Accumulators } from '../../src/domain/money/settle.ts'
import { maskIdNumber } from '../../src/domain/identity/mask.ts'
import { type CounterCaller, counterOf, insuredOf } from '../auth/caller.ts'
import { HttpProblem } from '../http/problem.ts'
import type { IncomingAction } from '../sync/applyBatch.ts'
import type { Store } from '../store/index.ts'
import { parseStoredSettlement } from './storedSettlement.ts'

const addUp = (all: readonly Accumulators[]): Accumulators => ({
  deductibleUsedFen: all.reduce((sum, a) => sum + a.deductibleUsedFen, 0),
  fundPaidFen: all.reduce((sum, a) => sum + a.fundPaidFen, 0),
})

/**
 * The refund queue shows what a settlement used of the accumulators and what stood before it;
 * a stay split over two years shows both years together, so the queue reads the same for both kinds.
 */
function queueView(record: SettledRecord | undefined) {
  if (!record)
    return { split: undefined, before: undefined }
  if (record.kind !== 'inpatient')
    return { kind: 'outpatient' as const, split: record.split, before: record.before }
  return { kind: 'inpatient' as const, split: { ...record.split, delta: addUp(yearDeltasOf(record).map(y => y.delta)) }, before: addUp(Object.values(record.before)) }
}

const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `GET /me/settlements`: the person's settlements with their refunds. `GET /counter/refunds`:
 * the hospital's refund queue with each settlement's amounts, masked.
 */
export function settlementRoutes(store: Store, importLines: (caller: CounterCaller, actions: IncomingAction[]) => Promise<unknown[]>): express.Router {
  const { db } = store
  const router = express.Router()

  /**
   * `POST /counter/settlements/import`: a day's settlements from the hospital system as JSON lines,
   * one `settlement.record` payload per line. Each line is an action whose id is its settlementId,
   * so importing the same file twice applies nothing twice.
   */
  router.post('/counter/settlements/import', express.text({ type: ['application/x-ndjson', 'text/plain'], limit: '1mb' }), async (req, res) => {
    const caller = counterOf(res)
    const lines = String(req.body ?? '').split('\n').map(line => line.trim()).filter(Boolean)
    if (lines.length === 0 || lines.length > 500)
      throw new HttpProblem(400, '请上传1到500行结算记录（每行一个 JSON）', { code: 'bad_import' })
    const actions = lines.map((line, index): IncomingAction => {
      let payload: unknown
      try {
        payload = JSON.parse(line)
      }
      catch {
        throw new HttpProblem(400, `第${index + 1}行不是有效的 JSON`, { code: 'bad_import' })
      }
      if (!isJsonObject(payload))
        throw new HttpProblem(400, `第${index + 1}行应为一条结算记录（JSON 对象）`, { code: 'bad_import' })
      if (typeof payload.settlementId !== 'string' || !/^[0-9a-f-]{36}$/i.test(payload.settlementId))
        throw new HttpProblem(400, `第${index + 1}行缺少结算编号（settlementId）`, { code: 'bad_import' })
      return { id: payload.settlementId, type: 'settlement.record', payload }
    })
    res.json({ results: await importLines(caller, actions) })
  })

  router.get('/me/settlements', async (_req, res) => {
    const caller = insuredOf(res)
    const settlements = await db.selectFrom('settlements').select('record').where('id_number', '=', caller.idNumber).orderBy('settled_on', 'desc').execute()
    const refunds = await db.selectFrom('refunds').selectAll().where('id_number', '=', caller.idNumber).execute()
    res.set('Cache-Control', 'no-store')
    res.json({
      settlements: settlements.map((row) => {
        const record = parseStoredSettlement(row.record)
        return {
          settlementId: record.settlementId,
          hospitalCode: record.hospitalCode,
          settledOn: record.settledOn,
          kind: record.kind ?? 'outpatient',
          items: record.items,
          split: record.split,
          refunds: refunds.filter(refund => refund.settlement_id === record.settlementId).map((refund) => {
            const reversal = refund.reversal ? JSON.parse(refund.reversal) as Reversal : null
            return {
              refundId: refund.refund_id,
              status: refund.status,
              reason: refund.reason,
              note: refund.note,
              period: reversal?.period ?? null,
              afterClearing: reversal?.afterClearing ?? false,
              // What the refund gave back, so the person sees the amount, not only the state.
              fundFen: reversal?.fundFen ?? null,
              cashFen: reversal?.cashFen ?? null,
            }
          }),
        }
      }),
    })
  })

  router.get('/counter/refunds', async (_req, res) => {
    const caller = counterOf(res)
    const refunds = await db.selectFrom('refunds').selectAll().where('hospital_code', '=', caller.hospitalCode).orderBy('requested_on', 'desc').limit(500).execute()
    const ids = [...new Set(refunds.map(refund => refund.settlement_id))]
    const settlements = ids.length === 0 ? [] : await db.selectFrom('settlements').select(['settlement_id', 'record']).where('settlement_id', 'in', ids).execute()
    const byId = new Map(settlements.map(row => [row.settlement_id, parseStoredSettlement(row.record)]))
    // The staff member calls the patient by name: the registry's 姓名 beside the masked number.
    const people = [...new Set(refunds.map(refund => refund.id_number))]
    const names = people.length === 0 ? [] : await db.selectFrom('insured_registry').select(['id_number', 'name']).where('id_number', 'in', people).execute()
    const nameOf = new Map(names.map(row => [row.id_number, row.name]))
    res.set('Cache-Control', 'no-store')
    res.json({
      refunds: refunds.map(refund => ({
        refundId: refund.refund_id,
        settlementId: refund.settlement_id,
        patientName: nameOf.get(refund.id_number) ?? null,
        patientMasked: maskIdNumber(refund.id_number),
        reason: refund.reason,
        status: refund.status,
        requestedOn: refund.requested_on,
        settledOn: byId.get(refund.settlement_id)?.settledOn,
        ...queueView(byId.get(refund.settlement_id)),
        reversal: refund.reversal ? JSON.parse(refund.reversal) as Reversal : null,
      })),
    })
  })

  return router
}
