import express from 'express'
import type { DeadlineKind } from '../../src/domain/reminders/deadline.ts'
import { type ReminderSettings, reminderSettingsSchema, type ServerDeadlines } from '../../src/domain/schemas/reminders.ts'
import { insuredOf } from '../auth/caller.ts'
import type { Store } from '../store/index.ts'

/**
 * `GET/PUT /me/reminders`: the signed-in person's choice of SMS reminders before their deadlines,
 * on unless they turned it off. Kept by owner key, so it covers every filing they hold.
 * `GET /me/deadlines`: the person's deadlines from the server's own records (admissions, claims).
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
  // Only the server knows these records; a cancelled reminder is a deadline met or gone.
  router.get('/me/deadlines', async (_req, res) => {
    const { ownerKey } = insuredOf(res)
    const rows = await store.db.selectFrom('reminders').select(['kind', 'deadline', 'subject_id', 'article', 'reason'])
      .where('owner', '=', ownerKey).where('subject_kind', '!=', 'filing').where('status', '!=', 'cancelled')
      .orderBy('deadline').execute()
    res.set('Cache-Control', 'no-store')
    res.json({ deadlines: rows.map(row => ({ kind: row.kind as DeadlineKind, date: row.deadline, subject: row.subject_id, article: row.article, reason: row.reason })) } satisfies ServerDeadlines)
  })
  return router
}
