import { randomUUID } from 'node:crypto'
import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import type { Store } from '../store/index.ts'
import type { ReminderSender } from './reminderSender.ts'

/** How long a claim holds: a run that died is taken over by the next one after this. */
export const REMINDER_LEASE_MS = 5 * 60_000

/** The SMS text: what is due, for which filing, and when; no 身份证号码 and no name. */
export function reminderMessage(reminder: { reason: string, deadline: string }, filingNumber: string): string {
  return `【异地就医】您的备案 ${filingNumber}：${reminder.reason}，日期 ${reminder.deadline}。`
}

/**
 * Sends every reminder whose day has come, once. Rows are claimed by one `update … returning`
 * (the claim re-checks the status row by row, so of two instances running together only one gets
 * each row), then sent, then marked sent by the same claimer. A claim whose lease ran out
 * (an instance stopped mid-run) is due again. People who opted out are never claimed; a deadline
 * already past is not reminded.
 */
export async function sendDueReminders(store: Store, sender: ReminderSender, now: Date): Promise<{ sent: number, failed: number }> {
  const { db } = store
  const today = chinaDateOf(now)
  const claimer = randomUUID()
  const at = now.toISOString()
  const claimed = await db.updateTable('reminders')
    .set({ status: 'sending', claimed_by: claimer, claimed_until: new Date(now.getTime() + REMINDER_LEASE_MS).toISOString() })
    .where(eb => eb.or([eb('status', '=', 'due'), eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', at)])]))
    .where('send_on', '<=', today)
    .where('deadline', '>=', today)
    .where('owner', 'not in', db.selectFrom('reminder_opt_outs').select('owner'))
    .returning(['id', 'filing_id', 'reason', 'deadline'])
    .execute()
  let sent = 0
  let failed = 0
  for (const reminder of claimed) {
    const filing = await db.selectFrom('filings').select(['filing_number', 'form']).where('filing_id', '=', reminder.filing_id).executeTakeFirst()
    const phone = filing && (JSON.parse(filing.form) as { phone?: unknown }).phone
    if (!filing || typeof phone !== 'string') {
      await db.updateTable('reminders').set({ status: 'cancelled' }).where('id', '=', reminder.id).where('claimed_by', '=', claimer).execute()
      continue
    }
    try {
      await sender(phone, reminderMessage(reminder, filing.filing_number))
    }
    catch {
      // Left to the lease: the row is due again once it expires, so a gateway outage retries.
      failed++
      continue
    }
    await db.updateTable('reminders').set({ status: 'sent', sent_at: at, claimed_until: null })
      // Still this run's claim: a filing change that cancelled it meanwhile is not overwritten.
      .where('id', '=', reminder.id).where('claimed_by', '=', claimer).where('status', '=', 'sending').execute()
    sent++
  }
  return { sent, failed }
}

