import { callApi } from '../../api'
import type { ReminderSettings } from '../../domain/schemas/reminders'

/** Whether the server texts the signed-in person before their deadlines (`GET /api/me/reminders`). */
export function loadSmsReminders(token: string): Promise<ReminderSettings> {
  return callApi<ReminderSettings>('/me/reminders', { token })
}

/** Turns the server's SMS reminders on or off for the signed-in person. */
export function saveSmsReminders(token: string, sms: boolean): Promise<ReminderSettings> {
  return callApi<ReminderSettings>('/me/reminders', { method: 'PUT', body: { sms } satisfies ReminderSettings, token })
}
