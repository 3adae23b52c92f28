import type { YidiDatabase } from '../db/database'

/** Runs `task` only if no other tab or process is flushing the same outbox; else answers `busy`. */
export interface FlushLock {
  runExclusive: <T>(task: () => Promise<T>) => Promise<T | 'busy'>
}

const LOCK_NAME = 'yidi-outbox-flush'

/** Web Locks are released by the browser even when a tab crashes mid-flush. */
export function webLocksFlushLock(locks: LockManager): FlushLock {
  return {
    runExclusive: task => locks.request(LOCK_NAME, { ifAvailable: true }, lock => lock ? task() : 'busy' as const),
  }
}

const LEASE_KEY = 'flushLease'

/**
 * Where Web Locks are missing (older Safari, Node): a lease row in IndexedDB, taken in a
 * read-write transaction (IndexedDB runs those one at a time, so two holders cannot both win),
 * renewed while the flush runs, and expiring on its own if its holder dies.
 */
export function leaseFlushLock(database: YidiDatabase, owner: string, ttlMs = 30_000): FlushLock {
  async function acquire(): Promise<boolean> {
    return database.transaction('rw', database.meta, async () => {
      const lease = (await database.meta.get(LEASE_KEY))?.value as { owner: string, expiresAt: number } | undefined
      if (lease && lease.owner !== owner && lease.expiresAt > Date.now())
        return false
      await database.meta.put({ key: LEASE_KEY, value: { owner, expiresAt: Date.now() + ttlMs } })
      return true
    })
  }
  async function release(): Promise<void> {
    await database.transaction('rw', database.meta, async () => {
      const lease = (await database.meta.get(LEASE_KEY))?.value as { owner: string } | undefined
      if (lease?.owner === owner)
        await database.meta.delete(LEASE_KEY)
    })
  }
  return {
    async runExclusive(task) {
      if (!await acquire())
        return 'busy'
      const renewal = setInterval(() => void acquire(), ttlMs / 3)
      try {
        return await task()
      }
      finally {
        clearInterval(renewal)
        await release()
      }
    },
  }
}

/** The best lock this environment offers. */
export function defaultFlushLock(database: YidiDatabase, owner: string): FlushLock {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined
  return locks ? webLocksFlushLock(locks) : leaseFlushLock(database, owner)
}
