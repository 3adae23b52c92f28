import { describe, expect, it } from 'vitest'
import type { FlushOutcome } from '../../../src/sync/flushOutbox'
import { createSyncScheduler } from '../../../src/sync/syncScheduler'

function fakeTimers() {
  const timers: { callback: () => void, ms: number }[] = []
  return {
    timers,
    setTimer: (callback: () => void, ms: number) => timers.push({ callback, ms }) - 1,
    clearTimer: (handle: unknown) => {
      const timer = timers[handle as number]
      if (timer)
        timer.callback = () => {}
    },
  }
}

describe('sync scheduler', () => {
  it('retries failures on a backoff timer and resets after success', async () => {
    const outcomes: FlushOutcome[] = [
      { kind: 'retry-later', reason: 'offline' },
      { kind: 'retry-later', reason: 'offline' },
      { kind: 'drained', sent: 0 },
      { kind: 'retry-later', reason: 'offline' },
    ]
    const clock = fakeTimers()
    const scheduler = createSyncScheduler({ flush: async () => outcomes.shift()!, random: () => 0.999, ...clock })

    await scheduler.trigger('start')
    await scheduler.trigger('timer')
    await scheduler.trigger('timer')
    await scheduler.trigger('manual')

    expect(clock.timers.map(timer => timer.ms)).toEqual([999, 1998, 999])
  })

  it('honours Retry-After when it asks for a longer wait than the backoff', async () => {
    const clock = fakeTimers()
    const scheduler = createSyncScheduler({ flush: async () => ({ kind: 'retry-later', reason: '429', retryAfterMs: 60_000 }), random: () => 0.5, ...clock })

    await scheduler.trigger('start')

    expect(clock.timers[0]?.ms).toBe(60_000)
  })

  it('stops flushing after a 401 until sign-in resumes it', async () => {
    let calls = 0
    const scheduler = createSyncScheduler({ flush: async () => (++calls === 1 ? { kind: 'paused-auth' } : { kind: 'drained', sent: 0 }), ...fakeTimers() })

    await scheduler.trigger('start')
    await scheduler.trigger('online')
    expect(calls).toBe(1)
    expect(scheduler.paused).toBe(true)

    await scheduler.resume()
    expect(calls).toBe(2)
    expect(scheduler.paused).toBe(false)
  })

  it('never runs two flushes at once; a trigger during a flush runs one more after it', async () => {
    let running = 0
    let maxRunning = 0
    let calls = 0
    const scheduler = createSyncScheduler({
      flush: async () => {
        calls++
        running++
        maxRunning = Math.max(maxRunning, running)
        await new Promise(resolve => setTimeout(resolve, 5))
        running--
        return { kind: 'drained', sent: 0 }
      },
      ...fakeTimers(),
    })

    await Promise.all([scheduler.trigger('start'), scheduler.trigger('online'), scheduler.trigger('manual')])

    expect(maxRunning).toBe(1)
    expect(calls).toBe(2)
  })
})
