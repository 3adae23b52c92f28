/**
 * `npm run bench:verify`: the counter's offline QR check, from the scanner's Enter to the result
 * card on screen, in Chromium with the built app and the real server. The counter signs in once
 * online (keys and revocation list cached), goes offline, and a keyboard-wedge scan is played
 * SCANS times; each time runs from the Enter key's event to the frame after the new card appears.
 * Goal: < 50 ms. Figures only; nothing fails.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { build } from 'vite'
import { startAppServer } from '../tests/e2e/support/appServer.ts'
import { chromiumLaunchOptions } from '../tests/e2e/support/chromium.ts'
import { seedFiling, TRAVELLER } from '../tests/e2e/support/seedFiling.ts'
import { signInCounter } from '../tests/e2e/support/signIn.ts'

const SCANS = Number(process.env.BENCH_SCANS ?? 30)
const GOAL_MS = 50

type Timed = Window & { yidiScanTimed?: Promise<number> }

/** Arms the clock: Enter's event time to the frame after a new result card shows an outcome. */
function armClock(page: Page): Promise<void> {
  return page.evaluate(() => {
    const previous = document.querySelector('[data-test="admission-outcome"]')
    let pressedAt: number | undefined
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Enter')
        pressedAt = event.timeStamp
    }, { capture: true, once: true })
    ;(window as Timed).yidiScanTimed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const outcome = document.querySelector('[data-test="admission-outcome"]')
        if (pressedAt === undefined || !outcome || outcome === previous || !outcome.textContent?.trim())
          return
        observer.disconnect()
        requestAnimationFrame(() => resolve(performance.now() - pressedAt!))
      })
      observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    })
  })
}

async function scan(page: Page, credential: string): Promise<number> {
  await page.locator('input[name="idNumber"]').fill(TRAVELLER.idNumber)
  await page.locator('[data-test="credential-input"] input').fill(credential)
  await armClock(page)
  await page.locator('[data-test="credential-input"] input').press('Enter')
  return page.evaluate(() => (window as Timed).yidiScanTimed!)
}

const root = join(import.meta.dirname, '..')
const buildDir = mkdtempSync(join(tmpdir(), 'yidi-bench-verify-'))
console.log('building the client…')
await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir: buildDir, emptyOutDir: true } })
const app = await startAppServer(buildDir)
const browser = await chromium.launch(chromiumLaunchOptions())
try {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const { credential } = await seedFiling(app.url)
  await signInCounter(page, app)
  await page.locator('[data-test="revocation-age"]').waitFor()
  await context.setOffline(true)

  const first = await scan(page, credential)
  const timings: number[] = []
  for (let n = 0; n < SCANS; n++)
    timings.push(await scan(page, credential))
  const sorted = timings.toSorted((a, b) => a - b)
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!
  console.log(`offline QR check, Enter → result card (${SCANS} scans after a first one):`)
  console.log(`  the first scan after going offline: ${first.toFixed(1)} ms`)
  console.log(`  median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms — goal < ${GOAL_MS} ms`)
}
finally {
  await browser.close()
  await app.close()
  rmSync(buildDir, { recursive: true, force: true })
}
