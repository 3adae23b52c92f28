const LAST_NOTIFIED_KEY = 'yidi.reminders.notifiedOn'

/** True when this browser can show notifications and the person has not decided yet. */
export function mayAskForNotifications(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'default'
}

/** Asks the person once, from a tap of theirs (browsers refuse a request made without one). */
export async function askForNotifications(): Promise<boolean> {
  return typeof Notification !== 'undefined' && await Notification.requestPermission() === 'granted'
}

/**
 * Shows one notification on the first opening of the day when something is due soon, and only
 * if the person allowed notifications: the list itself is the reminder on every other opening.
 */
export function notifyDueSoon(count: number, today: string, text: { title: string, body: string }): void {
  if (count === 0 || typeof Notification === 'undefined' || Notification.permission !== 'granted')
    return
  if (localStorage.getItem(LAST_NOTIFIED_KEY) === today)
    return
  localStorage.setItem(LAST_NOTIFIED_KEY, today)
  // A tag replaces an unread notification of an earlier day instead of piling them up.
  void new Notification(text.title, { body: text.body, tag: 'yidi-reminders' })
}
