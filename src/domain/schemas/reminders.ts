import { z } from 'zod/v4'
import { DEADLINE_KINDS } from '../reminders/deadline'
import { calendarDateSchema } from './fields'

/** `GET/PUT /api/me/reminders`: whether the server texts the person before their deadlines. */
export const reminderSettingsSchema = z.strictObject({
  sms: z.boolean({ error: '请选择是否接收短信提醒' }),
})
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>

/**
 * `GET /api/me/deadlines`: the deadlines only the server's records know — an emergency admission's
 * 补办 (Hebei 第十一条), a claim that may be made again (Jilin 第十五条) — for the phone's list.
 * The phone computes its filings' deadlines itself, so they are not repeated here.
 */
export const serverDeadlinesSchema = z.object({
  deadlines: z.array(z.object({
    kind: z.enum(DEADLINE_KINDS),
    date: calendarDateSchema,
    subject: z.string(),
    article: z.string(),
    reason: z.string(),
  })),
})
export type ServerDeadlines = z.infer<typeof serverDeadlinesSchema>
