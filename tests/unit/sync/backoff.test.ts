import { describe, expect, it } from 'vitest'
import { BACKOFF_CAP_MS, backoffDelay } from '../../../src/sync/backoff'

describe('retry backoff (full jitter, 1 s doubling to 5 min)', () => {
  it('doubles the ceiling from 1 s with each failure', () => {
    const almostOne = () => 0.999999
    expect([1, 2, 3, 4, 5].map(attempt => backoffDelay(attempt, almostOne))).toEqual([999, 1999, 3999, 7999, 15999])
  })

  it('never waits longer than 5 minutes however many failures', () => {
    expect(backoffDelay(30, () => 0.999999)).toBeLessThan(BACKOFF_CAP_MS)
    expect(backoffDelay(30, () => 0.999999)).toBeGreaterThan(BACKOFF_CAP_MS - 1000)
  })

  it('spreads retries over the whole window instead of a fixed delay', () => {
    expect(backoffDelay(4, () => 0)).toBe(0)
    expect(backoffDelay(4, () => 0.5)).toBe(4000)
  })
})
