import { backoffDelay } from './backoff'
import type { FlushOutcome } from './flushOutbox'

/** Why a flush was asked for; shown nowhere, useful in tests and logs. */
export type FlushReason = 'start' | 'online' | 'timer' | 'background-sync' | 'manual' | 'enqueued' | 'signed-in'

export interface SyncSchedulerOptions {
  flush: () => Promise<FlushOutcome>
  onOutcome?: (outcome: FlushOutcome) => void
  random?: () => number
  setTimer?: (callback: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
  /** When another tab holds the flush, look again after this long. */
  busyRetryMs?: number
}

export interface SyncScheduler {
  trigger: (reason: FlushReason) => Promise<void>
  /** After sign-in: lift the pause a 401 put on flushing, and flush. */
  resume: () => Promise<void>
  stop: () => void
  readonly paused: boolean
}

/**
 * Decides when to flush: on demand (start, `online`, Background Sync, the 立即同步 button, a new
 * action), and on a backoff timer after failures (full jitter, 1 s doubling to 5 min, reset on
 * success). Never runs two flushes at once; a trigger during a flush runs one more afterwards.
 */
export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms))
  const clearTimer = options.clearTimer ?? (handle => clearTimeout(handle as ReturnType<typeof setTimeout>))
  let running: Promise<void> | undefined
  let again = false
  let failures = 0
  let timer: unknown
  let paused = false
  let stopped = false

  function schedule(ms: number) {
    if (timer !== undefined)
      clearTimer(timer)
    timer = setTimer(() => {
      timer = undefined
      void trigger('timer')
    }, ms)
  }

  async function runOnce(): Promise<void> {
    const outcome = await options.flush().catch((error: unknown): FlushOutcome =>
      ({ kind: 'retry-later', reason: error instanceof Error ? error.message : String(error) }))
    options.onOutcome?.(outcome)
    if (stopped)
      return
    switch (outcome.kind) {
      case 'drained':
        failures = 0
        if (timer !== undefined)
          clearTimer(timer)
        timer = undefined
        break
      case 'paused-auth':
        paused = true
        break
      case 'busy':
        schedule(options.busyRetryMs ?? 10_000)
        break
      case 'retry-later':
        failures++
        schedule(Math.max(outcome.retryAfterMs ?? 0, backoffDelay(failures, options.random)))
        break
    }
  }

  async function trigger(_reason: FlushReason): Promise<void> {
    if (paused || stopped)
      return
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      for (;;) {
        again = false
        await runOnce()
        // A trigger that arrived during the flush may have new work; one more pass covers it.
        if (!again || paused || stopped)
          break
      }
    })()
    try {
      await running
    }
    finally {
      running = undefined
    }
  }

  return {
    trigger,
    async resume() {
      paused = false
      failures = 0
      await trigger('signed-in')
    },
    stop() {
      stopped = true
      if (timer !== undefined)
        clearTimer(timer)
    },
    get paused() {
      return paused
    },
  }
}
