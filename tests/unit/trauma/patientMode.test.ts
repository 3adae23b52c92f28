import { beforeEach, describe, expect, it } from 'vitest'
import { enterPatientMode, inPatientMode, pinWaitSeconds, unlockWithPin } from '../../../src/features/trauma/patientMode'

describe('patient mode: the tablet shows only the commitment until the staff unlock it', () => {
  beforeEach(() => sessionStorage.clear())

  it('refuses an unlock PIN that is not 4-6 digits', async () => {
    await expect(enterPatientMode('12', 1000)).rejects.toThrow('an unlock PIN has 4 to 6 digits')
    expect(inPatientMode()).toBe(false)
  })

  it('stays locked on a wrong PIN and opens with the right one; the PIN itself is never stored', async () => {
    await enterPatientMode('2468', 1000)
    expect(inPatientMode()).toBe(true)
    expect(JSON.stringify(sessionStorage)).not.toContain('2468')
    expect(await unlockWithPin('1357')).toEqual({ ok: false, waitSeconds: 0 })
    expect(inPatientMode()).toBe(true)
    expect(await unlockWithPin('2468')).toEqual({ ok: true })
    expect(inPatientMode()).toBe(false)
  })

  it('after five wrong PINs each try waits longer, even for the right PIN', async () => {
    await enterPatientMode('2468', 1000)
    const now = Date.parse('2026-11-24T08:00:00Z')
    for (let n = 0; n < 4; n++)
      await unlockWithPin('0000', now)
    expect(await unlockWithPin('0000', now)).toEqual({ ok: false, waitSeconds: 30 })
    expect(await unlockWithPin('2468', now + 10_000)).toEqual({ ok: false, waitSeconds: 20 })
    expect(await unlockWithPin('2468', now + 31_000)).toEqual({ ok: true })
    expect([pinWaitSeconds(4), pinWaitSeconds(5), pinWaitSeconds(6), pinWaitSeconds(30)]).toEqual([0, 30, 60, 900])
  })
})
