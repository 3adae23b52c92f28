import { onScopeDispose, type ShallowRef } from 'vue'
import { ApiProblem } from '../../../api'
import { db } from '../../../db/database'
import { readSession } from '../../../db/session'
import { useLiveQuery } from '../../../db/useLiveQuery'
import { readVerifierData, refreshVerifierData } from './verifierCache'
import { readCredential, type VerifierData } from './verifyCredential'

export interface UseVerifierRefreshOptions {
  /** How often to refresh while the screen is open (default 5 minutes). */
  everyMs?: number
}

export interface UseVerifierRefreshReturn {
  /** The signing keys and revocation list the offline check uses, read live from IndexedDB. */
  verifierData: ShallowRef<VerifierData | undefined>
  /** Brings keys and revocations up to date now, when signed in and online. */
  refresh: () => Promise<void>
  /**
   * Reads a scanned QR with the cached keys; one signed by a key this counter has not fetched yet
   * (signed in a moment ago, or a key issued since) is read again after a refresh when online,
   * rather than refused with a request to update by hand.
   */
  readScanned: (token: string) => ReturnType<typeof readCredential>
}

/**
 * Keeps the counter's offline check current: refreshes the keys and the revocation list on
 * opening, whenever the network comes back, and every few minutes, and stops when the screen
 * closes. A refused refresh (expired session, server down) leaves the cached list in use.
 */
export function useVerifierRefresh(options: UseVerifierRefreshOptions = {}): UseVerifierRefreshReturn {
  const { data: verifierData } = useLiveQuery(() => readVerifierData(db))

  async function refresh(): Promise<void> {
    // Read from IndexedDB: right after a reload the session store may not have loaded yet.
    const token = (await readSession(db))?.token
    if (!token || !navigator.onLine)
      return
    await refreshVerifierData(db, token).catch((error: unknown) => {
      if (!(error instanceof ApiProblem))
        throw error
    })
  }

  async function readScanned(token: string): ReturnType<typeof readCredential> {
    const read = await readCredential(token, await readVerifierData(db))
    if (read.kind !== 'refused' || read.code !== 'unknown_key' || !navigator.onLine)
      return read
    await refresh()
    return readCredential(token, await readVerifierData(db))
  }

  const onOnline = () => void refresh()
  window.addEventListener('online', onOnline)
  const timer = setInterval(onOnline, options.everyMs ?? 5 * 60_000)
  void refresh()
  onScopeDispose(() => {
    window.removeEventListener('online', onOnline)
    clearInterval(timer)
  })

  return { verifierData, refresh, readScanned }
}
