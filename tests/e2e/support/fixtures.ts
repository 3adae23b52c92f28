import { test as base, expect, type Page } from '@playwright/test'
import { type AppServer, startAppServer } from './appServer.ts'
import { clientBuilds } from './builds.ts'

export { expect }
export { waitForServiceWorker } from './serviceWorker.ts'

/** Each test gets its own server and database, serving client build A. */
export const test = base.extend<{ app: AppServer }>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const app = await startAppServer(clientBuilds.a.dir)
    await use(app)
    await app.close()
  },
})


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
