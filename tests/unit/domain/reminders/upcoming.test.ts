import type { Deadline } from '../../../../src/domain/reminders/deadline'
import { describe, expect, it } from 'vitest'
import { countDueSoon, splitDeadlines } from '../../../../src/domain/reminders/upcoming'

const at = (date: string, kind: Deadline['kind'] = 'temporary_filing_ends'): Deadline => ({ kind, date, subject: date, article: 'a', reason: 'r' })

describe('the reminders list', () => {
  const list = [at('2026-09-01'), at('2026-05-01'), at('2026-06-15'), at('2026-06-10'), at('2026-04-30')]

  it('shows what is ahead nearest first, and what has passed apart, latest first', () => {
    const { upcoming, past } = splitDeadlines(list, '2026-06-10')
    expect(upcoming.map(d => d.date)).toEqual(['2026-06-10', '2026-06-15', '2026-09-01'])
    expect(past.map(d => d.date)).toEqual(['2026-05-01', '2026-04-30'])
  })

  it('counts for the badge only what falls within the next 14 days, today included', () => {
    expect(countDueSoon(list, '2026-06-10')).toBe(2)
    expect(countDueSoon(list, '2026-08-18')).toBe(1)
    expect(countDueSoon(list, '2026-09-02')).toBe(0)
  })
})
