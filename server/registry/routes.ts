import express from 'express'
import type { MyInsuranceResponse } from '../../src/domain/schemas/registry.ts'
import { insuredOf } from '../auth/caller.ts'
import type { Store } from '../store/index.ts'
import { insuranceView } from './insuranceView.ts'
import { recordsOf } from './repository.ts'

/** `GET /me/insurance`: the signed-in person's 参保登记, so the wizard shows 参保地 and 险种 from it. */
export function registryRoutes(store: Store): express.Router {
  const router = express.Router()
  router.get('/me/insurance', async (_req, res) => {
    const caller = insuredOf(res)
    const records = (await recordsOf(store.db, caller.idNumber)).filter(record => record.name === caller.name)
    res.set('Cache-Control', 'no-store')
    res.json({ records: insuranceView(records) } satisfies MyInsuranceResponse)
  })
  return router
}
