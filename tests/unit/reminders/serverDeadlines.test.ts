import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { YidiDatabase } from '../../../src/db/database'
import { clearPersonalData } from '../../../src/db/personalData'
import { endSession, writeSession } from '../../../src/db/session'
import { countDueSoon, splitDeadlines } from '../../../src/domain/reminders/upcoming'
import { deviceDeadlines } from '../../../src/features/reminders/deviceDeadlines'
import { cachedServerDeadlines, refreshServerDeadlines } from '../../../src/features/reminders/serverDeadlines'

const EMERGENCY = { kind: 'emergency_filing_due', date: '2026-12-08', subject: 'a1', article: '河北规程 第十一条', reason: '急诊入院须在10日内补办异地就医备案' }
const CLAIM = { kind: 'manual_claim_due', date: '2027-12-31', subject: 'a2', article: '吉医保规〔2023〕4号 第十五条', reason: '出院自费结算的费用须在此日前回参保地申请手工报销' }

/** The server's `GET /api/me/deadlines`, or no network at all; records the paths asked for. */
function serve(answer: unknown | 'offline'): string[] {
  const asked: string[] = []
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    asked.push(url)
    if (answer === 'offline')
      throw new TypeError('Failed to fetch')
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } })
  }))
  return asked
}

describe('deadlines from the server on the phone', () => {
  let database: YidiDatabase
  beforeEach(async () => {
    database = new YidiDatabase(`server-deadlines-${crypto.randomUUID()}`)
    await writeSession(database, { token: 't', expiresAt: '2099-01-01T00:00:00Z', role: 'insured', displayName: '王*' })
  })
  afterEach(async () => {
    vi.unstubAllGlobals()
    await database.delete()
  })

  it('Hebei 第十一条, Jilin 第十五条: after one visit online the admission\'s 补办 and the claim deadline are listed offline, nearest first, and counted in the badge', async () => {
    const asked = serve({ deadlines: [CLAIM, EMERGENCY] })
    await refreshServerDeadlines(database)
    expect(asked).toEqual([expect.stringMatching(/\/api\/me\/deadlines$/)])
    serve('offline')
    await refreshServerDeadlines(database)
    const kept = await cachedServerDeadlines(database)
    expect(splitDeadlines(deviceDeadlines([], kept), '2026-12-01').upcoming.map(d => d.kind)).toEqual(['emergency_filing_due', 'manual_claim_due'])
    expect(countDueSoon(deviceDeadlines([], kept), '2026-12-01')).toBe(1)
  })

  it('a later answer replaces the kept list: a deadline met on the server leaves the phone too', async () => {
    serve({ deadlines: [CLAIM, EMERGENCY] })
    await refreshServerDeadlines(database)
    serve({ deadlines: [CLAIM] })
    await refreshServerDeadlines(database)
    expect((await cachedServerDeadlines(database)).map(d => d.kind)).toEqual(['manual_claim_due'])
  })

  it('an answer that is not the contract\'s keeps what was there; signing out (clearing the person\'s data) removes it', async () => {
    serve({ deadlines: [EMERGENCY] })
    await refreshServerDeadlines(database)
    serve({ deadlines: [{ ...EMERGENCY, kind: 'unheard_of' }] })
    await refreshServerDeadlines(database)
    expect(await cachedServerDeadlines(database)).toEqual([EMERGENCY])
    await clearPersonalData(database)
    expect(await cachedServerDeadlines(database)).toEqual([])
  })

  it('asks nothing when no insured person is signed in', async () => {
    await endSession(database)
    const asked = serve({ deadlines: [EMERGENCY] })
    await refreshServerDeadlines(database)
    expect(asked).toEqual([])
  })
})
