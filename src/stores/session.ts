import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, toRaw } from 'vue'
import { db } from '../db/database'
import { clearPersonalData } from '../db/personalData'
import { beginSession, endSession, readSession, type StoredSession } from '../db/session'
import { useLiveQuery } from '../db/useLiveQuery'

/** Who is signed in on this device, read live from IndexedDB so every tab agrees. */
export const useSessionStore = defineStore('session', () => {
  const { data: session } = useLiveQuery(() => readSession(db))
  const signedIn = computed(() => session.value !== undefined)
  const role = computed(() => session.value?.role)

  /** The token when it has not expired; otherwise the flusher pauses and asks for sign-in. */
  async function currentToken(): Promise<string | undefined> {
    const stored = await readSession(db)
    return stored && Date.parse(stored.expiresAt) > Date.now() ? stored.token : undefined
  }

  async function signIn(next: StoredSession): Promise<void> {
    // A session held in a ref arrives as a reactive proxy, which IndexedDB cannot clone.
    await beginSession(db, toRaw(next))
  }

  /** Signing out removes every personal record from this device, unsynced actions included. */
  async function signOut(): Promise<void> {
    await clearPersonalData(db)
  }

  /**
   * The session ends but the device keeps what is not yet sent (a counter's audit entries, a
   * patient's signed commitment): it goes out when the same account signs in again.
   */
  async function endSessionKeepingQueue(): Promise<void> {
    await endSession(db)
  }

  return { session, signedIn, role, currentToken, signIn, signOut, endSessionKeepingQueue }
})

if (import.meta.hot)
  import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
