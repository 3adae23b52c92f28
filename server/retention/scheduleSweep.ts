import type { Logger } from '../http/logger.ts'
import type { Store } from '../store/index.ts'
import { sweepExpiredRecords } from './sweepExpiredRecords.ts'

/** Every instance sweeps at start and then this often; sign-in challenges live at most 5 + 10 minutes. */
export const SWEEP_INTERVAL_MS = 10 * 60_000

export interface SweepSchedule {
  /** The sweep run at start, for a caller that wants to wait for it. */
  first: Promise<void>
  stop: () => void
}

/**
 * Runs `sweepExpiredRecords` now and on an interval. Nothing is coordinated between instances:
 * the sweep is idempotent, so each runs its own and correctness does not depend on which one does.
 * A failed sweep is logged and retried at the next tick; the timer never keeps the process alive.
 */
export function scheduleSweep(options: { store: Store, logger: Logger, clock?: () => Date, intervalMs?: number }): SweepSchedule {
  const { store, logger } = options
  const clock = options.clock ?? (() => new Date())
  const run = async (): Promise<void> => {
    try {
      const removed = await sweepExpiredRecords(store.db, clock())
      if (Object.values(removed).some(count => count > 0))
        logger.info({ removed }, 'retention sweep')
    }
    catch (error) {
      logger.warn({ err: error }, 'retention sweep failed')
    }
  }
  const timer = setInterval(() => void run(), options.intervalMs ?? SWEEP_INTERVAL_MS)
  timer.unref()
  return { first: run(), stop: () => clearInterval(timer) }
}
