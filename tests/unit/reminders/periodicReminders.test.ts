import { afterEach, describe, expect, it, vi } from 'vitest'
import { PERIODIC_MIN_INTERVAL_MS, registerPeriodicReminders } from '../../../src/features/reminders/periodicReminders'
import { digestNotification, PERIODIC_REMINDERS_TAG } from '../../../src/features/reminders/reminderDigest'

/** A browser with (or without) Periodic Background Sync, the notification permission and the browser's own grant. */
function browser(options: { periodicSync: boolean, notifications: NotificationPermission, grant: PermissionState }) {
  const registered: unknown[][] = []
  const registration = options.periodicSync ? { periodicSync: { register: async (...args: unknown[]) => void registered.push(args) } } : {}
  vi.stubGlobal('Notification', { permission: options.notifications })
  vi.stubGlobal('navigator', {
    ...navigator,
    serviceWorker: { getRegistration: async () => registration },
    permissions: { query: async () => ({ state: options.grant }) },
  })
  if (options.periodicSync)
    vi.stubGlobal('PeriodicSyncManager', function PeriodicSyncManager() {})
  return registered
}

describe('Periodic Background Sync from the page', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('registers the reminders tag, at most twice a day, once notifications are allowed and the browser grants it', async () => {
    const registered = browser({ periodicSync: true, notifications: 'granted', grant: 'granted' })
    expect(await registerPeriodicReminders()).toBe(true)
    expect(registered).toEqual([[PERIODIC_REMINDERS_TAG, { minInterval: PERIODIC_MIN_INTERVAL_MS }]])
    expect(PERIODIC_MIN_INTERVAL_MS).toBe(12 * 60 * 60_000)
  })

  it('registers nothing before the person allows notifications, or when the browser does not grant it', async () => {
    const notYet = browser({ periodicSync: true, notifications: 'default', grant: 'granted' })
    expect(await registerPeriodicReminders()).toBe(false)
    expect(notYet).toEqual([])
    vi.unstubAllGlobals()
    const refused = browser({ periodicSync: true, notifications: 'granted', grant: 'denied' })
    expect(await registerPeriodicReminders()).toBe(false)
    expect(refused).toEqual([])
  })

  it('where the browser has no Periodic Background Sync, says so and breaks nothing', async () => {
    browser({ periodicSync: false, notifications: 'granted', grant: 'granted' })
    expect(await registerPeriodicReminders()).toBe(false)
  })
})

describe('the notification of the digest', () => {
  const digest = { deadlines: [{ kind: 'emergency_filing_due' as const, date: '2026-12-05' }, { kind: 'manual_claim_due' as const, date: '2027-12-31' }], title: '异地就医提醒', body: '{count} 项期限将在 14 天内到期' }

  it('counts the deadlines within 14 days of the China day, in the person\'s words', () => {
    expect(digestNotification(digest, '2026-12-03', undefined)).toEqual({ title: '异地就医提醒', body: '1 项期限将在 14 天内到期' })
  })

  it('is null once shown that day, with nothing due, or with no digest yet', () => {
    expect(digestNotification(digest, '2026-12-03', '2026-12-03')).toBeNull()
    expect(digestNotification(digest, '2026-12-06', undefined)).toBeNull()
    expect(digestNotification(undefined, '2026-12-03', undefined)).toBeNull()
  })
})
