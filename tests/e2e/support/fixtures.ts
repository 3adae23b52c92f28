import { test as base, expect, type Page } from '@playwright/test'
import { type AppServer, startAppServer } from './appServer.ts'
import { clientBuilds } from './builds.ts'

export { expect }

/** Each test gets its own server and database, serving client build A. */
export const test = base.extend<{ app: AppServer }>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const app = await startAppServer(clientBuilds.a.dir)
    await use(app)
    await app.close()
  },
})

/** Waits until a service worker controls the page, i.e. the app shell is available offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready
    return registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null
  }, undefined, { timeout: 20_000 })
}

/** Collects page errors and Content-Security-Policy violations for a test to assert on. */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', error => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(`csp: ${message.text()}`)
  })
  return problems
}
