import { liveQuery } from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { type DeviceLock, YidiDatabase } from '../../../src/db/database'
import { clearPersonalData } from '../../../src/db/personalData'
import { enterPatientMode, inPatientMode, patientModeRoute, pinWaitSeconds, readPatientLock, unlockWithPin } from '../../../src/features/trauma/patientMode'
import { patientModeHinted } from '../../../src/features/trauma/patientModeHint'

// Issue 17: the lock belongs to the device (IndexedDB), not to one tab. Each `YidiDatabase` of the
// same name below is another tab, or the app opened again after the browser was closed.
let name: string
let tab: YidiDatabase
const opened: YidiDatabase[] = []

function openTab(): YidiDatabase {
  const next = new YidiDatabase(name)
  opened.push(next)
  return next
}

const route = (routeName: string, query: Record<string, string> = {}) => ({ name: routeName, path: `/${routeName}`, query }) as unknown as RouteLocationNormalized

beforeEach(() => {
  name = `patient-mode-${crypto.randomUUID()}`
  tab = openTab()
  sessionStorage.clear()
  localStorage.clear()
})

afterEach(async () => {
  for (const database of opened.splice(0))
    database.close()
  await new YidiDatabase(name).delete()
})

describe('patient mode: the tablet shows only the commitment until the staff unlock it', () => {
  it('refuses an unlock PIN that is not 4-6 digits', async () => {
    await expect(enterPatientMode('12', { iterations: 1000 }, tab)).rejects.toThrow('an unlock PIN has 4 to 6 digits')
    expect(await inPatientMode(tab)).toBe(false)
  })

  it('stays locked on a wrong PIN and opens with the right one; the PIN itself is never stored', async () => {
    await enterPatientMode('2468', { iterations: 1000 }, tab)
    expect(await inPatientMode(tab)).toBe(true)
    expect(JSON.stringify(await tab.locks.toArray())).not.toContain('2468')
    expect(await unlockWithPin('1357', Date.now(), tab)).toEqual({ ok: false, waitSeconds: 0 })
    expect(await inPatientMode(tab)).toBe(true)
    expect(await unlockWithPin('2468', Date.now(), tab)).toEqual({ ok: true })
    expect(await inPatientMode(tab)).toBe(false)
  })

  it('after five wrong PINs each try waits longer, even for the right PIN', async () => {
    await enterPatientMode('2468', { iterations: 1000 }, tab)
    const now = Date.parse('2026-11-24T08:00:00Z')
    for (let n = 0; n < 4; n++)
      await unlockWithPin('0000', now, tab)
    expect(await unlockWithPin('0000', now, tab)).toEqual({ ok: false, waitSeconds: 30 })
    expect(await unlockWithPin('2468', now + 10_000, tab)).toEqual({ ok: false, waitSeconds: 20 })
    expect(await unlockWithPin('2468', now + 31_000, tab)).toEqual({ ok: true })
    expect([pinWaitSeconds(4), pinWaitSeconds(5), pinWaitSeconds(6), pinWaitSeconds(30)]).toEqual([0, 30, 60, 900])
  })
})

describe('patient mode belongs to the device (issue 17: a new tab or a restart must not escape it)', () => {
  it('a tab opened after the lock, and the app opened again after the browser closed, are locked too', async () => {
    await enterPatientMode('2468', { iterations: 1000, resume: { admissionId: 'a-1', after: 'act-1' } }, tab)
    expect(await inPatientMode(openTab())).toBe(true)

    tab.close()
    const restarted = openTab()
    expect(await inPatientMode(restarted)).toBe(true)
    expect((await readPatientLock(restarted))?.resume).toEqual({ admissionId: 'a-1', after: 'act-1' })
  })

  it('every open tab sees the lock and the unlock as they happen', async () => {
    const other = openTab()
    const seen: (DeviceLock | undefined)[] = []
    const subscription = liveQuery(() => readPatientLock(other)).subscribe(value => seen.push(value))
    try {
      await expect.poll(() => seen.length).toBe(1)
      await enterPatientMode('2468', { iterations: 1000 }, tab)
      await expect.poll(() => seen.at(-1)?.key).toBe('patient-mode')
      await unlockWithPin('2468', Date.now(), tab)
      await expect.poll(() => seen.length > 2 && seen.at(-1) === undefined).toBe(true)
    }
    finally {
      subscription.unsubscribe()
    }
  })

  it('guesses typed in two tabs at once share one count and one wait', async () => {
    await enterPatientMode('2468', { iterations: 1000 }, tab)
    const other = openTab()
    const now = Date.parse('2026-11-24T08:00:00Z')
    await Promise.all([0, 1, 2, 3, 4].map(n => unlockWithPin('0000', now, n % 2 ? other : tab)))
    expect((await readPatientLock(tab))?.failedPins).toBe(5)
    expect(await unlockWithPin('2468', now + 1_000, other)).toEqual({ ok: false, waitSeconds: 29 })
  })

  it('every screen of a locked tablet leads to the patient\'s form of this hand-over, with its admission', async () => {
    expect(await patientModeRoute(route('counter-audit'), tab)).toBe(true)
    await enterPatientMode('2468', { iterations: 1000, resume: { admissionId: 'a-1', after: 'act-1' } }, tab)
    const form = { name: 'trauma-sign', query: { admissionId: 'a-1', after: 'act-1' } }
    expect(await patientModeRoute(route('counter-audit'), tab)).toEqual(form)
    expect(await patientModeRoute(route('filing'), tab)).toEqual(form)
    // Another admission's form in the address would show (and overwrite) another draft.
    expect(await patientModeRoute(route('trauma-sign'), tab)).toEqual(form)
    expect(await patientModeRoute(route('trauma-sign', { admissionId: 'a-2', after: 'act-1' }), tab)).toEqual(form)
    expect(await patientModeRoute(route('trauma-sign', { admissionId: 'a-1', after: 'act-1' }), tab)).toBe(true)
  })

  it('routes outside the counter read the lock only when its mirror says so, and it follows lock and unlock', async () => {
    expect(patientModeHinted()).toBe(false)
    await enterPatientMode('2468', { iterations: 1000 }, tab)
    expect(patientModeHinted()).toBe(true)
    await unlockWithPin('2468', Date.now(), tab)
    expect(patientModeHinted()).toBe(false)
    // A cleared mirror is put back by the next counter route, which always reads IndexedDB.
    await enterPatientMode('2468', { iterations: 1000 }, tab)
    localStorage.clear()
    await patientModeRoute(route('counter'), tab)
    expect(patientModeHinted()).toBe(true)
  })

  it('no sign-in or sign-out lifts it: clearing the personal data keeps the lock', async () => {
    await enterPatientMode('2468', { iterations: 1000, staff: 'counter_km' }, tab)
    await clearPersonalData(tab)
    expect((await readPatientLock(tab))?.staff).toBe('counter_km')
  })

  it('a lock a tab kept before the update (sessionStorage) becomes the device\'s, not dropped', async () => {
    const salt = '00'.repeat(16)
    sessionStorage.setItem('yidi:patient-mode', JSON.stringify({ pin: { salt, hash: 'ab'.repeat(32), iterations: 1000 }, failedPins: 2 }))
    expect(await patientModeRoute(route('counter-audit'), tab)).toEqual({ name: 'trauma-sign', query: {} })
    expect(sessionStorage.getItem('yidi:patient-mode')).toBeNull()
    expect((await readPatientLock(openTab()))?.failedPins).toBe(2)
  })
})
