import type { Deadline } from '../../domain/reminders/deadline'
import { createEvent } from 'ics'
import { addDays } from '../../domain/dates/calendarDate'

/** What the event says, already in the person's language. */
export interface CalendarText {
  title: string
  description: string
}

function dateParts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number]
}

/**
 * An all-day iCalendar event on the deadline's day, with an alarm the day before. It carries the
 * reminder's words and the article only: no name, 身份证号码 or 备案编号, since a calendar is often
 * synced to other services. The uid stays the same for one deadline, so adding it twice updates it.
 */
export function calendarEvent(deadline: Deadline, text: CalendarText): string {
  const { error, value } = createEvent({
    uid: `${deadline.kind}-${deadline.subject}@yidi`,
    productId: 'yidi/reminders',
    start: dateParts(deadline.date),
    end: dateParts(addDays(deadline.date, 1)),
    title: text.title,
    description: text.description,
    alarms: [{ action: 'display', description: text.title, trigger: { days: 1, before: true } }],
  })
  if (error || value === null)
    throw error ?? new Error('calendar event not made')
  return value
}
