import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { API_BASE } from '../api'
import { db } from '../db/database'
import { readSession } from '../db/session'
import { useLiveQuery } from '../db/useLiveQuery'
import { FLUSH_MESSAGE, requestBackgroundSync } from '../sync/backgroundSync'
import { onWakeFlusher } from '../sync/flusherWake'
import type { FlushProgress } from '../sync/flushOutbox'
import { LAST_SYNCED_KEY } from '../sync/lastSynced'
import type { SyncScheduler } from '../sync/syncScheduler'
import { useSessionStore } from './session'

/**
 * Sync status for the UI — pending count, progress, last sync, sign-in needed — and the buttons
 * that drive it. The queue itself lives in IndexedDB; this store only watches it.
 */
export const useSyncStore = defineStore('sync', () => {
  const session = useSessionStore()
  const { data: pendingCount } = useLiveQuery(() => db.outbox.where('status').equals('pending').count(), 0)
  const { data: rejectedCount } = useLiveQuery(() => db.outbox.where('status').equals('rejected').count(), 0)
  const { data: lastSyncedAt } = useLiveQuery(async () => (await db.meta.get(LAST_SYNCED_KEY))?.value as string | undefined)
  const flushing = ref(false)
  const progress = shallowRef<FlushProgress>()
  /** Why actions wait for a sign-in: nobody signed in on this device yet, or the session ended. */
  const signInNeeded = ref<'not-signed-in' | 'session-expired'>()
  const lastFailure = ref<string>()
  let engine: SyncScheduler | undefined

  let starting: Promise<void> | undefined

  // Nobody signed in on this device yet, or a session that ended: the screens say which.
  async function explainSignIn(): Promise<void> {
    signInNeeded.value = (await readSession(db)) ? 'session-expired' : 'not-signed-in'
  }

  /**
   * Starts syncing: now, whenever the network returns, on Background Sync, and on a timer after
   * failures. The engine (with the rulebook's schemas) loads after the first screen is drawn.
   */
  function start(): Promise<void> {
    starting ??= startEngine()
    return starting
  }

  async function startEngine(): Promise<void> {
    const { createSyncEngine } = await import('../sync/syncEngine')
    engine = createSyncEngine({
      database: db,
      apiBase: API_BASE,
      token: () => session.currentToken(),
      account: async () => (await readSession(db))?.account,
      onFlushStart: () => {
        flushing.value = true
      },
      onProgress: (next) => {
        progress.value = next
      },
      onOutcome: (outcome) => {
        flushing.value = false
        progress.value = undefined
        if (outcome.kind === 'paused-auth') {
          void explainSignIn()
        }
        else {
          signInNeeded.value = undefined
        }
        lastFailure.value = outcome.kind === 'retry-later' ? outcome.reason : undefined
        if (outcome.kind === 'retry-later')
          void requestBackgroundSync()
      },
    })
    window.addEventListener('online', () => void engine?.trigger('online'))
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible')
        void engine?.trigger('start')
    })
    navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === FLUSH_MESSAGE)
        void engine?.trigger('background-sync')
    })
    void engine.trigger('start')
  }

  /** The 立即同步 button. */
  async function syncNow(): Promise<void> {
    await start()
    await engine?.trigger('manual')
  }

  // Every action a person takes wakes the flusher through `submitAction`.
  onWakeFlusher(() => void start().then(() => engine?.trigger('enqueued')))

  /** After signing in again: resume the flusher a 401 paused. */
  async function resume(): Promise<void> {
    signInNeeded.value = undefined
    await start()
    await engine?.resume()
  }

  return { pendingCount, rejectedCount, lastSyncedAt, flushing, progress, signInNeeded, lastFailure, start, syncNow, resume }
})

if (import.meta.hot)
  import.meta.hot.accept(acceptHMRUpdate(useSyncStore, import.meta.hot))
