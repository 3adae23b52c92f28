import { computed, type ComputedRef, onScopeDispose, shallowRef } from 'vue'

export interface UseResendCountdownOptions {
  /** Seconds before another code may be asked for; 60, as SMS sign-in screens commonly wait. */
  seconds?: number
  /** The clock, for tests. */
  now?: () => number
}

export interface UseResendCountdownReturn {
  /** Whole seconds until a new code may be asked for; 0 when it may be now. */
  secondsLeft: ComputedRef<number>
  /** Starts the wait, when a code has just been sent. */
  start: () => void
}

/**
 * The wait between two sign-in codes: the person sees how long until 获取验证码 works again instead
 * of tapping a button that does nothing (the server limits the codes per phone anyway).
 */
export function useResendCountdown(options: UseResendCountdownOptions = {}): UseResendCountdownReturn {
  const { seconds = 60, now = Date.now } = options
  const until = shallowRef(0)
  const tick = shallowRef(now())
  let timer: ReturnType<typeof setInterval> | undefined

  function stop() {
    if (timer !== undefined)
      clearInterval(timer)
    timer = undefined
  }

  const secondsLeft = computed(() => Math.max(0, Math.ceil((until.value - tick.value) / 1000)))

  function start() {
    until.value = now() + seconds * 1000
    tick.value = now()
    stop()
    timer = setInterval(() => {
      tick.value = now()
      if (secondsLeft.value === 0)
        stop()
    }, 1000)
  }

  onScopeDispose(stop)
  return { secondsLeft, start }
}
