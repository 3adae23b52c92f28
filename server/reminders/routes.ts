import express from 'express'
import { type ReminderSettings, reminderSettingsSchema } from '../../src/domain/schemas/reminders.ts'
import { insuredOf } from '../auth/caller.ts'
import type { Store } from '../store/index.ts'

/**
 * `GET/PUT /me/reminders`: the signed-in person's choice of SMS reminders before their deadlines,
 * on unless they turned it off. Kept by owner key, so it covers every filing they hold.
 */
export function reminderRoutes(store: Store, clock: () => Date): express.Router {
  const router = express.Router()
  router.get('/me/reminders', async (_req, res) => {
    const { ownerKey } = insuredOf(res)
    const optedOut = await store.db.selectFrom('reminder_opt_outs').select('owner').where('owner', '=', ownerKey).executeTakeFirst()
    res.set('Cache-Control', 'no-store')
    res.json({ sms: optedOut === undefined } satisfies ReminderSettings)
  })
  router.put('/me/reminders', async (req, res) => {
    const { ownerKey } = insuredOf(res)
    const { sms } = reminderSettingsSchema.parse(req.body)
    if (sms) {
      await store.db.deleteFrom('reminder_opt_outs').where('owner', '=', ownerKey).execute()
    }
    else {
      await store.db.insertInto('reminder_opt_outs').values({ owner: ownerKey, opted_out_at: clock().toISOString() })
        .onConflict(conflict => conflict.column('owner').doNothing()).execute()
    }
    res.set('Cache-Control', 'no-store')
    res.json({ sms } satisfies ReminderSettings)
  })
  return router
}
