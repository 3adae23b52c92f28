/**
 * `npm run bench:drain`: how long a phone's queue of 10,000 actions takes to reach the server
 * once the network returns, measured in Chromium with the built app and the real server on
 * SQLite. The queue is written while offline, the page is reloaded offline (the shell comes from
 * the service worker), then the network comes back; the clock runs from the `online` event until
 * the sync badge shows nothing pending. Prints figures; never fails on time.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { build } from 'vite'
import { parseActionPayload } from '../src/domain/schemas/parseAction.ts'
import { AGENT, agentFiling, agentRegistry } from '../tests/server/chaos/agentFilings.ts'
import { startAppServer } from '../tests/e2e/support/appServer.ts'
import { chromiumLaunchOptions } from '../tests/e2e/support/chromium.ts'
import { waitForServiceWorker } from '../tests/e2e/support/serviceWorker.ts'
import { signInInsured } from '../tests/e2e/support/signIn.ts'

const COUNT = Number(process.env.BENCH_ACTIONS ?? 10_000)
const TARGET_SECONDS = 30

const root = join(import.meta.dirname, '..')
const buildDir = mkdtempSync(join(tmpdir(), 'yidi-bench-drain-'))
console.log('building the client…')
await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', define: { __YIDI_BUILD_ID__: JSON.stringify('bench-drain') }, build: { outDir: buildDir, emptyOutDir: true } })

const app = await startAppServer(buildDir)
await app.enrol(agentRegistry(COUNT))
const browser = await chromium.launch(chromiumLaunchOptions())
try {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  await signInInsured(page, app.url, AGENT)
  await page.goto(`${app.url}/filing`)
  await waitForServiceWorker(page)
  await context.setOffline(true)

  // What enqueue() would have written: parsed payloads in creation order, one millisecond apart.
  const start = Date.parse('2026-11-24T08:00:00Z')
  const entries = Array.from({ length: COUNT }, (_, n) => {
    const parsed = parseActionPayload('filing.create', agentFiling(n))
    if (!parsed.ok)
      throw new Error(parsed.error.message)
    return { id: crypto.randomUUID(), type: 'filing.create', payload: parsed.payload, createdAt: new Date(start + n).toISOString(), status: 'pending', attempts: 0 }
  })
  await page.evaluate(async (rows) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yidi')
      request.addEventListener('success', () => resolve(request.result))
      request.addEventListener('error', () => reject(request.error))
    })
    await new Promise<void>((resolve, reject) => {
      const transaction = database.transaction('outbox', 'readwrite')
      for (const row of rows)
        transaction.objectStore('outbox').put(row)
      transaction.addEventListener('complete', () => resolve())
      transaction.addEventListener('error', () => reject(transaction.error))
    })
    database.close()
  }, entries)

  const badge = page.locator('[data-test="sync-badge"]')
  await page.reload()
  await badge.and(page.locator(`[data-pending="${COUNT}"]`)).waitFor({ timeout: 60_000 })
  console.log(`${COUNT.toLocaleString()} actions queued offline and shown after a reload`)

  await context.setOffline(false)
  const started = Date.now()
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  let lastReport = started
  for (;;) {
    const pending = Number(await badge.getAttribute('data-pending'))
    if (pending === 0)
      break
    if (Date.now() - lastReport >= 5_000) {
      console.log(`  ${((Date.now() - started) / 1000).toFixed(0)} s: ${pending.toLocaleString()} pending`)
      lastReport = Date.now()
    }
    await page.waitForTimeout(100)
  }
  const seconds = (Date.now() - started) / 1000
  const applied = (await app.appliedActions()).filter(action => action.status === 'applied').length
  console.log(`queue of ${COUNT.toLocaleString()} drained in ${seconds.toFixed(1)} s in Chromium (${Math.round(COUNT / seconds).toLocaleString()} actions/s; target ≤ ${TARGET_SECONDS} s); the server applied ${applied.toLocaleString()}`)
}
finally {
  await browser.close()
  await app.close()
  rmSync(buildDir, { recursive: true, force: true })
}
