import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import { API_BASE } from '../api'
import { whenDatabaseInUse } from '../db/databaseInUse'
import { useLiveQueryAfter } from '../db/useLiveQueryAfter'
import { FLUSH_MESSAGE, requestBackgroundSync } from '../sync/backgroundSync'
import { onWakeFlusher } from '../sync/flusherWake'
import type { FlushProgress } from '../sync/flushOutbox'
import { LAST_SYNCED_KEY } from '../sync/lastSynced'
import type { SyncScheduler } from '../sync/syncScheduler'

/**
 * Sync status for the UI — pending count, progress, last sync, sign-in needed — and the buttons
 * that drive it. The queue itself lives in IndexedDB; this store only watches it, once the
 * device has the database (a first visit has nothing to send: Dexie and the engine wait).
 */
export const useSyncStore = defineStore('sync', () => {
  const databaseInUse = whenDatabaseInUse()
  const { data: pendingCount } = useLiveQueryAfter(databaseInUse, database => database.outbox.where('status').equals('pending').count(), 0)
  const { data: rejectedCount } = useLiveQueryAfter(databaseInUse, database => database.outbox.where('status').equals('rejected').count(), 0)
  const { data: lastSyncedAt } = useLiveQueryAfter(databaseInUse, async database => (await database.meta.get(LAST_SYNCED_KEY))?.value as string | undefined)
  const flushing = ref(false)
  const progress = shallowRef<FlushProgress>()
  /** Why actions wait for a sign-in: nobody signed in on this device yet, or the session ended. */
  const signInNeeded = ref<'not-signed-in' | 'session-expired'>()
  const lastFailure = ref<string>()
  let engine: SyncScheduler | undefined

  let starting: Promise<void> | undefined
  let engineLoading: Promise<void> | undefined

  /**
   * Starts syncing once the first screen is drawn (App.vue): at once when actions wait in the
   * outbox, otherwise as soon as one does. An outbox with nothing to send needs no engine: it
   * and the rulebook's schemas it checks answers with (a long task on a phone) load for work.
   */
  function start(): Promise<void> {
    starting ??= watchOutbox()
    return starting
  }

  async function watchOutbox(): Promise<void> {
    await databaseInUse
    watch(pendingCount, (count) => {
      if ((count ?? 0) > 0)
        void loadEngine()
    }, { immediate: true })
  }

  /** The engine, flushing now, whenever the network returns, on Background Sync, and on a timer after failures. */
  function loadEngine(): Promise<void> {
    engineLoading ??= startEngine()
    return engineLoading
  }

  // Loading the database module brings it into use, as a 立即同步 on a device without one needs.
  async function startEngine(): Promise<void> {
    const [{ createSyncEngine }, { db }, { readSession }, { useSessionStore }] = await Promise.all([
      import('../sync/syncEngine'),
      import('../db/database'),
      import('../db/session'),
      import('./session'),
    ])
    const session = useSessionStore()
    // Nobody signed in on this device yet, or a session that ended: the screens say which.
    const explainSignIn = async (): Promise<void> => {
      signInNeeded.value = (await readSession(db)) ? 'session-expired' : 'not-signed-in'
    }
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
    await loadEngine()
    await engine?.trigger('manual')
  }

  // Every action a person takes wakes the flusher through `submitAction`.
  onWakeFlusher(() => void loadEngine().then(() => engine?.trigger('enqueued')))

  /** After signing in again: resume the flusher a 401 paused. */
  async function resume(): Promise<void> {
    signInNeeded.value = undefined
    await loadEngine()
    await engine?.resume()
  }

  return { pendingCount, rejectedCount, lastSyncedAt, flushing, progress, signInNeeded, lastFailure, start, syncNow, resume }
})

if (import.meta.hot)
  import.meta.hot.accept(acceptHMRUpdate(useSyncStore, import.meta.hot))
