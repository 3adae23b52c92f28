import type { Page } from '@playwright/test'

/** Waits until a service worker controls the page, i.e. the app shell is available offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready
    return registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null
  }, undefined, { timeout: 20_000 })
}
