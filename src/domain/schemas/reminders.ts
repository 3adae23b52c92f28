import { z } from 'zod/v4'

/** `GET/PUT /api/me/reminders`: whether the server texts the person before their deadlines. */
export const reminderSettingsSchema = z.strictObject({
  sms: z.boolean({ error: '请选择是否接收短信提醒' }),
})
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>
