import type { Router } from 'vue-router'

/** How long the first screen keeps the network to itself once drawn (its own reads, its images). */
const SETTLE_MS = 500

/**
 * Resolves once the first screen is drawn and the browser has a moment to spare: the route's
 * screen is loaded, the page's `load` event has fired, a frame has been painted, half a second
 * has passed, then an idle period (or 200 ms where there is no requestIdleCallback, as on older
 * Safari). The page loads before it paints when index.html names the screen's files itself
 * (server/build/routePreloads.ts), and a screen that reads the device's database (a filing's
 * QR) draws its main content a moment after its first frame: what waits for this stays off the
 * network until then, without being skipped on any screen. Screens opened after the first one
 * get an answer at once. Each caller resumes in a task of its own: what waits for the first
 * screen (the update prompt, the badges, the outbox engine) would otherwise run as one long task
 * that keeps a phone from answering a tap.
 */
export async function afterFirstScreen(router: Router): Promise<void> {
  // Once drawn, the first screen stays drawn: a screen opened later waits for nothing.
  firstScreen ??= waitForFirstScreen(router)
  await firstScreen
  await new Promise(resolve => setTimeout(resolve, 0))
}

let firstScreen: Promise<void> | undefined

async function waitForFirstScreen(router: Router): Promise<void> {
  await router.isReady()
  if (document.readyState !== 'complete')
    await new Promise(resolve => window.addEventListener('load', resolve, { once: true }))
  await afterNextPaint()
  await new Promise(resolve => setTimeout(resolve, SETTLE_MS))
  await new Promise<void>((resolve) => {
    if ('requestIdleCallback' in window)
      requestIdleCallback(() => resolve(), { timeout: 1_000 })
    else
      setTimeout(resolve, 200)
  })
}

/**
 * Resolves in a task of its own once the next frame is painted: what a screen draws after this
 * shows a frame later, and the work before and after it are two tasks, not one long one. A timer
 * set inside an animation frame runs after that frame is painted; a tab in the background gets no
 * frames, so there it resolves after 100 ms anyway.
 */
export async function afterNextPaint(): Promise<void> {
  await new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 100)
    requestAnimationFrame(() => {
      clearTimeout(fallback)
      resolve()
    })
  })
  await new Promise(resolve => setTimeout(resolve, 0))
}
