import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from './support/chromium.ts'
import { expect, test, watchPageProblems } from './support/fixtures.ts'
import { writeQrVideo } from './support/qrVideo.ts'
import { generateIdNumber } from '../../src/domain/identity/idNumberGenerator.ts'
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

test('a QR scanned before a counter just signed in has its keys is read once they are fetched, not refused', async ({ page, app }) => {
  const { credential } = await seedFiling(app.url)
  // The screen's own first fetch of the keys answers only after the scan.
  let release: () => void = () => {}
  const released = new Promise<void>(resolve => (release = resolve))
  let fetches = 0
  await page.route('**/api/keys', async (route) => {
    if (++fetches === 1)
      await released
    await route.continue()
  })
  await signInCounter(page, app)
  await scanCredential(page, credential)
  await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('可直接结算')
  await expect(page.locator('[data-test="qr-problem"]')).toHaveCount(0)
  expect(fetches, 'fetched again for the scan').toBe(2)
  release()
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

test('a scan alone shows what the QR says; reading the patient\'s 身份证 finishes the check and 登记入院 needs nothing typed; another number shows 冒用 beside the field', async ({ page, context, app }, testInfo) => {
  const { credential } = await seedFiling(app.url)
  await signInCounter(page, app)
  await expect(page.locator('[data-test="revocation-age"]')).toContainText('共 0 条')
  await context.setOffline(true)

  // The scanner types the token into the focused field and presses Enter; nothing else is typed.
  await page.locator('[data-test="credential-input"] input').fill(credential)
  await page.locator('[data-test="credential-input"] input').press('Enter')
  const card = page.locator('[data-test="admission-result"]')
  await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('请核对患者身份证')
  await expect(card).toContainText('李*')
  await expect(card).toContainText('长春')
  await expect(card).toContainText('昆明')
  await expect(page.locator('[data-test="qr-problem"]')).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('counter-scanned.png') })

  // The card reader types into the 身份证 field, focused for it: another person's number is 冒用.
  await expect(page.getByLabel('身份证号码')).toBeFocused()
  await page.keyboard.type(generateIdNumber({ regionCode: '220102', birthDate: '1961-03-05', sequence: 12, sex: 'female' }))
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('疑似冒用 · 停止办理')
  await expect(page.locator('[data-test="id-number"]')).toContainText('疑似冒用')
  await expect(page.locator('[data-test="admit"]')).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('counter-impersonation.png') })

  // The right card: the check settles, and the admission is recorded from the credential.
  await page.getByLabel('身份证号码').fill(TRAVELLER.idNumber)
  await page.locator('[data-test="check-id"]').click()
  await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('可直接结算')
  await expect(page.locator('[data-test="id-number"]')).not.toContainText('疑似冒用')
  await page.locator('[data-test="admit"]').click()
  await expect(page.locator('[data-test="admitted"]')).toBeVisible()
  await expect(page.locator('input[name="name"]')).toHaveValue('')
  await context.setOffline(false)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  // The server keeps the name on the filing, not the masked one the QR holds.
  await expect.poll(async () => (await app.admissions()).map(admission => [admission.name, admission.filing_number]), { timeout: 20_000 }).toEqual([[TRAVELLER.name, expect.stringMatching(/^YD/)]])
})
