import { onMounted, onUnmounted } from 'vue'

/** A counter left unattended signs out by itself (the 15 minutes). */
export const COUNTER_IDLE_MS = Number(import.meta.env.VITE_COUNTER_IDLE_MINUTES ?? 15) * 60_000

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/**
 * Calls `signOut` after `idleMs` without a touch, click or key press in this tab, so nobody
 * walking up to an unattended counter works under the last person's account.
 */
export function useIdleSignOut(signOut: () => Promise<void> | void, idleMs = COUNTER_IDLE_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const restart = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void signOut(), idleMs)
  }
  onMounted(() => {
    for (const event of ACTIVITY)
      window.addEventListener(event, restart, { passive: true })
    restart()
  })
  onUnmounted(() => {
    clearTimeout(timer)
    for (const event of ACTIVITY)
      window.removeEventListener(event, restart)
  })
}
