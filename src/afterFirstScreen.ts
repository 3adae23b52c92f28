import type { Router } from 'vue-router'

/**
 * Resolves once the first screen is drawn and the browser has a moment to spare: the route's
 * screen is loaded, the page's `load` event has fired, then an idle period (or 200 ms where
 * there is no requestIdleCallback, as on older Safari). What waits for it stays out of a phone's
 * first download without being skipped on any screen.
 */
export async function afterFirstScreen(router: Router): Promise<void> {
  await router.isReady()
  if (document.readyState !== 'complete')
    await new Promise(resolve => window.addEventListener('load', resolve, { once: true }))
  await new Promise<void>((resolve) => {
    if ('requestIdleCallback' in window)
      requestIdleCallback(() => resolve(), { timeout: 1_000 })
    else
      setTimeout(resolve, 200)
  })
}
