import { onScopeDispose } from 'vue'

interface WakeLockSentinel { release: () => Promise<void> }
interface WakeLockApi { request: (type: 'screen') => Promise<WakeLockSentinel> }

/**
 * Keeps the screen on while the caller's scope lives, where the browser has the Screen Wake Lock
 * API (feature-detected: older Safari and Firefox simply let the screen dim). A refusal (battery
 * saver, a hidden page) is not an error: the QR is still shown. The lock is taken again when the
 * page becomes visible, since browsers drop it when it is hidden.
 */
export function useWakeLock(): void {
  const api = (navigator as Navigator & { wakeLock?: WakeLockApi }).wakeLock
  if (!api)
    return
  let sentinel: WakeLockSentinel | undefined
  let active = true
  const take = async () => {
    if (!active || document.visibilityState !== 'visible')
      return
    try {
      sentinel = await api.request('screen')
      if (!active)
        await sentinel.release()
    }
    catch {
      // Refused: the screen may dim, the QR stays shown.
    }
  }
  const onVisible = () => void take()
  document.addEventListener('visibilitychange', onVisible)
  void take()
  onScopeDispose(() => {
    active = false
    document.removeEventListener('visibilitychange', onVisible)
    void sentinel?.release().catch(() => undefined)
  })
}
