import express from 'express'
import type { Logger } from 'pino'
import { z } from 'zod/v4'
import { missingOr } from '../../src/domain/schemas/fields.ts'
import { MAX_SYNC_ACTIONS, syncActionEnvelopeSchema, syncRequestSchema } from '../../src/domain/schemas/sync.ts'
import { callerOf } from '../auth/caller.ts'
import { HttpProblem } from '../http/problem.ts'
import type { Store } from '../store/index.ts'
import { applyBatch } from './applyBatch.ts'
import type { ActionHandlers } from './actionHandler.ts'

// The type is checked per action (an unknown one is refused inside a 200 reply), so that one
// action from a newer app version cannot block the whole queue behind it.
const batchSchema = syncRequestSchema.extend({
  actions: z.array(syncActionEnvelopeSchema.extend({ type: z.string().min(1).max(64) }), missingOr('缺少操作列表')),
})

export interface SyncRouteDeps {
  store: Store
  handlers: ActionHandlers
  clock: () => Date
  logger: Logger
  /** Work that must not run inside the batch's transaction (e.g. loading the signing key). */
  beforeBatch?: () => Promise<unknown>
}

/** `POST /sync`: a batch of outbox actions, each answered applied, duplicate or rejected. */
export function syncRoutes(deps: SyncRouteDeps): express.Router {
  const router = express.Router()
  router.post('/', async (req, res) => {
    const caller = callerOf(res)
    if (Array.isArray(req.body?.actions) && req.body.actions.length > MAX_SYNC_ACTIONS)
      throw new HttpProblem(413, `一次最多同步${MAX_SYNC_ACTIONS}条操作，请分批发送`, { code: 'batch_too_large' })
    const batch = batchSchema.parse(req.body)
    await deps.beforeBatch?.()
    const now = deps.clock()
    const results = await applyBatch(deps.store, { caller, actions: batch.actions, handlers: deps.handlers, now, logger: deps.logger })
    res.json({ results, serverTime: now.toISOString() })
  })
  return router
}
