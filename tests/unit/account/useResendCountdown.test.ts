import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useResendCountdown } from '../../../src/features/account/useResendCountdown'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('sign-in: 获取验证码 waits 60 seconds before another code', () => {
  it('counts down from 60 once a code is sent, and allows a new code at 0', () => {
    const scope = effectScope()
    const countdown = scope.run(() => useResendCountdown())!
    expect(countdown.secondsLeft.value).toBe(0)
    countdown.start()
    expect(countdown.secondsLeft.value).toBe(60)
    vi.advanceTimersByTime(15_000)
    expect(countdown.secondsLeft.value).toBe(45)
    vi.advanceTimersByTime(45_000)
    expect(countdown.secondsLeft.value).toBe(0)
    scope.stop()
  })

  it('starts again from 60 when another code is sent', () => {
    const scope = effectScope()
    const countdown = scope.run(() => useResendCountdown())!
    countdown.start()
    vi.advanceTimersByTime(61_000)
    countdown.start()
    expect(countdown.secondsLeft.value).toBe(60)
    scope.stop()
  })
})
