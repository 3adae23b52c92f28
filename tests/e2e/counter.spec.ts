import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from './support/chromium.ts'
import { expect, test, watchPageProblems } from './support/fixtures.ts'
import { writeQrVideo } from './support/qrVideo.ts'
import { seedFiling, TRAVELLER } from './support/seedFiling.ts'
import { COUNTER, COUNTER_PASSWORD, signInCounter } from './support/signIn.ts'

test.use({ viewport: { width: 1280, height: 800 } })

/** What a USB scanner does: the patient's 身份证号码 typed, then the whole QR token and Enter. */
async function scanCredential(page: Page, credential: string) {
  await page.getByLabel('身份证号码').fill(TRAVELLER.idNumber)
  await page.locator('[data-test="credential-input"] input').fill(credential)
  await page.locator('[data-test="credential-input"] input').press('Enter')
}

test('a counter verifies a filing QR offline through a keyboard-wedge scanner; a revoked one says 已撤销', async ({ page, context, app }, testInfo) => {
  const filing = await seedFiling(app.url)
  await signInCounter(page, app)
  // Online once: the public keys and the revocation list are cached for offline work.
  await expect(page.locator('[data-test="revocation-age"]')).toContainText('共 0 条')

  await context.setOffline(true)
  await scanCredential(page, filing.credential)
  await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('可直接结算')
  await expect(page.locator('[data-test="admission-result"]')).toContainText('降低 20 个百分点')
  await expect(page.locator('[data-test="admission-result"]')).not.toContainText(TRAVELLER.idNumber)
  await page.screenshot({ path: testInfo.outputPath('counter-valid.png') })

  // The person cancels the filing; once the counter has refreshed its list, the old QR is refused.
  await filing.cancel()
  await context.setOffline(false)
  await page.reload()
  await expect(page.locator('[data-test="revocation-age"]')).toContainText('共 1 条')
  await context.setOffline(true)
  await scanCredential(page, filing.credential)
  await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('已撤销')
  await page.screenshot({ path: testInfo.outputPath('counter-revoked.png') })

  // Signing out with both audit entries unsent keeps them; they go out after the same account signs in again.
  await page.getByRole('button', { name: '退出' }).click()
  await expect(page.getByRole('status')).toContainText('尚未发送的记录保留在本机')
  await context.setOffline(false)
  await page.locator('input[name="username"]').fill(COUNTER.username)
  await page.locator('input[name="password"]').fill(COUNTER_PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.locator('[data-test="counter-hospital"]')).toContainText(COUNTER.hospitalName)
  await expect.poll(async () => (await app.appliedActions()).filter(action => action.type === 'counter.verify.logged').length, { timeout: 20_000 }).toBe(2)
  await page.getByRole('link', { name: '核验记录' }).click()
  await expect(page.getByRole('row')).toHaveCount(3)
  await expect(page.getByRole('cell', { name: '已撤销' }).or(page.getByRole('cell', { name: '未备案' }))).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('counter-audit.png') })
})

test('the camera reads a patient\'s QR where the browser has no BarcodeDetector (WebAssembly decoder served by the app)', async ({ app }, testInfo) => {
  const filing = await seedFiling(app.url)
  const video = testInfo.outputPath('qr.y4m')
  mkdirSync(dirname(video), { recursive: true })
  writeQrVideo(video, filing.credential)
  const launch = chromiumLaunchOptions()
  const browser = await chromium.launch({ ...launch, args: [...launch.args ?? [], '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`] })
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['camera'] })
    const page = await context.newPage()
    const problems = watchPageProblems(page)
    await signInCounter(page, app)
    expect(await page.evaluate(() => 'BarcodeDetector' in globalThis)).toBe(false)
    await page.getByLabel('身份证号码').fill(TRAVELLER.idNumber)
    await page.locator('[data-test="camera-scan"]').click()
    await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('可直接结算', { timeout: 20_000 })
    await page.screenshot({ path: testInfo.outputPath('counter-camera.png') })
    expect(problems).toEqual([])
  }
  finally {
    await browser.close()
  }
})
