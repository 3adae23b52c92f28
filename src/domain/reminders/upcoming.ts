import type { Deadline } from './deadline'
import { daysBetween } from '../dates/calendarDate'

/** Days ahead within which a deadline counts as "due soon" for the badge and the notification. */
export const DUE_SOON_DAYS = 14

export interface DeadlineList {
  /** Today or later, nearest first. */
  upcoming: Deadline[]
  /** Already past, most recent first. */
  past: Deadline[]
}

/** Deadlines split around `today`: what is still ahead, nearest first, and what has passed. */
export function splitDeadlines(deadlines: readonly Deadline[], today: string): DeadlineList {
  const byDate = deadlines.toSorted((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind))
  return {
    upcoming: byDate.filter(d => d.date >= today),
    past: byDate.filter(d => d.date < today).toReversed(),
  }
}

/** How many deadlines fall within `DUE_SOON_DAYS` from `today` (today counted): the badge's number. */
export function countDueSoon(deadlines: readonly Pick<Deadline, 'date'>[], today: string): number {
  return deadlines.filter(d => d.date >= today && daysBetween(today, d.date) <= DUE_SOON_DAYS).length
}
