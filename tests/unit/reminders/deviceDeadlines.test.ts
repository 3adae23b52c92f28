import type { LocalFiling } from '../../../src/db/database'
import { describe, expect, it } from 'vitest'
import { HEBEI_POLICY, JILIN_POLICY } from '../../../src/domain/policy/regionalPolicies'
import { splitDeadlines } from '../../../src/domain/reminders/upcoming'
import { deviceDeadlines } from '../../../src/features/reminders/deviceDeadlines'
import { file } from '../domain/filing/fixtures'

function local(status: LocalFiling['status'], filing: LocalFiling['record']['filing']): LocalFiling {
  return { id: filing.filingId, status, updatedAt: '2026-01-01T00:00:00Z', record: { filing, holder: { name: 'x', idNumber: 'y' }, relation: 'own' } }
}

describe('the reminders list on the phone', () => {
  it('lists the deadlines of every filing the device holds, each by its own region, nearest first', () => {
    const promise = file(JILIN_POLICY, { category: 'long_term_resident', startDate: '2026-01-15', byPromise: true })
    const referral = file(HEBEI_POLICY, { category: 'referral', startDate: '2026-03-02' })
    const { upcoming } = splitDeadlines(deviceDeadlines([local('synced', promise), local('pending', referral)]), '2026-03-01')
    expect(upcoming.map(d => [d.kind, d.date])).toEqual([['referral_one_visit', '2026-03-02'], ['promise_materials_due', '2026-07-14']])
  })

  it('shows nothing for a filing the server refused', () => {
    const refused = file(JILIN_POLICY, { category: 'long_term_resident', byPromise: true })
    expect(deviceDeadlines([local('rejected', refused)])).toEqual([])
  })
})
