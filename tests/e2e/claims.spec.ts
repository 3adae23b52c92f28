import type { Page } from '@playwright/test'
import { claimPayment } from '../../src/domain/claims/claimPayment.ts'
import { NO_ACCUMULATORS } from '../../src/domain/money/settle.ts'
import { formatYuan } from '../../src/domain/money/yuan.ts'
import { JILIN_POLICY } from '../../src/domain/policy/regionalPolicies.ts'
import { expect, test, waitForServiceWorker } from './support/fixtures.ts'
import { TRAVELLER } from './support/seedFiling.ts'
import { signInInsured } from './support/signIn.ts'

/** The agency of 长春市, where TRAVELLER is insured (Jilin rules). */
const AGENCY = { username: 'agency_cc', agencyName: 'Changchun medical insurance agency', regionCode: '220100' }

// A 1×1 PNG: the phone compresses it to JPEG before it is kept for upload.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64')

async function inEnglish(page: Page) {
  await page.evaluate(() => localStorage.setItem('yidi.locale', 'en'))
}

async function pickRegion(page: Page, label: string, province: string, city: string) {
  await page.locator('.van-field').filter({ hasText: label }).first().click()
  const popup = page.locator('.van-popup').filter({ has: page.locator('.van-picker') }).last()
  await popup.locator('.van-picker-column').nth(0).getByText(province, { exact: true }).click()
  await page.waitForTimeout(350)
  await popup.locator('.van-picker-column').nth(1).getByText(city, { exact: true }).click()
  await page.waitForTimeout(350)
  await popup.getByRole('button', { name: /Confirm|确认/ }).click()
}

test('手工报销: a claim made offline is synced, approved at the agency desk, and shown approved with the amount on the phone', async ({ browser, app }, testInfo) => {
  const year = Number(new Date().toISOString().slice(0, 4))
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const phone = await phoneContext.newPage()
  await signInInsured(phone, app.url, TRAVELLER)
  await inEnglish(phone)
  await phone.goto(`${app.url}/claims`)
  await waitForServiceWorker(phone)
  await phone.locator('[data-test="claim-new"]').click()
  await expect(phone.locator('[data-test="claim-name"] input')).toBeVisible()

  // With no network the person fills in the whole claim; the deadline shows from the discharge date.
  await phoneContext.setOffline(true)
  await phone.locator('[data-test="claim-name"] input').fill(TRAVELLER.name)
  await phone.locator('[data-test="claim-idNumber"] input').fill(TRAVELLER.idNumber)
  await phone.locator('[data-test="claim-hospitalName"] input').fill('Kunming First Hospital')
  await phone.locator('[data-test="claim-hospitalLevel"]').selectOption('tertiary')
  await pickRegion(phone, 'Place of treatment', '云南省', '昆明市')
  await phone.locator('[data-test="claim-admissionDate"]').fill(`${year - 1}-11-10`)
  await phone.locator('[data-test="claim-dischargeDate"]').fill(`${year - 1}-11-20`)
  await phone.locator('[data-test="claim-reason"]').selectOption('network_fault')
  await expect(phone.locator('[data-test="claim-deadline"]')).toContainText(`${year}-12-31`)
  await phone.screenshot({ path: testInfo.outputPath('phone-claim-care.png'), fullPage: true })
  await phone.locator('[data-test="claim-next"]').click()

  await phone.locator('[data-test="claim-invoicePhotos"]').setInputFiles({ name: 'invoice.png', mimeType: 'image/png', buffer: PNG })
  await expect(phone.getByText('Invoice photos 1')).toBeVisible()
  await phone.locator('[data-test="claim-costDetailPhotos"]').setInputFiles({ name: 'details.png', mimeType: 'image/png', buffer: PNG })
  await expect(phone.getByText('Cost detail photos 1')).toBeVisible()
  await phone.locator('[data-test="claim-accountName"] input').fill(TRAVELLER.name)
  await phone.locator('[data-test="claim-bankName"] input').fill('ICBC Changchun')
  // A mistyped card number is caught on the phone by its check digit.
  await phone.locator('[data-test="claim-accountNumber"] input').fill('6222 0212 3456 7890 127')
  await phone.locator('[data-test="claim-paid"] input').fill('12500')
  await phone.locator('[data-test="claim-submit"]').click()
  await expect(phone.getByText('银行账号校验位不符，请核对卡号')).toBeVisible()
  await phone.locator('[data-test="claim-accountNumber"] input').fill('6222 0212 3456 7890 128')
  await phone.screenshot({ path: testInfo.outputPath('phone-claim-materials.png'), fullPage: true })
  await phone.locator('[data-test="claim-submit"]').click()
  await expect(phone.locator('[data-test="claim-status"]')).toHaveText('Waiting to send')

  await phoneContext.setOffline(false)
  await phone.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect.poll(async () => (await app.appliedActions()).filter(action => action.type === 'claim.submit' && action.status === 'applied').length, { timeout: 20_000 }).toBe(1)

  // The agency of the insured region reviews it at its desk.
  const oneTimePassword = await app.addAgency(AGENCY)
  const deskContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const desk = await deskContext.newPage()
  await desk.goto(`${app.url}/agency/sign-in`)
  await inEnglish(desk)
  await desk.reload()
  await desk.locator('input[name="username"]').fill(AGENCY.username)
  await desk.locator('input[name="password"]').fill(oneTimePassword)
  await desk.locator('[data-test="agency-sign-in"]').click()
  await desk.locator('input[name="newPassword"]').fill('agency-Pass-2026')
  await desk.locator('input[name="repeatPassword"]').fill('agency-Pass-2026')
  await desk.locator('[data-test="staff-save-password"]').click()
  await expect(desk.locator('[data-test="agency-claim"]')).toHaveCount(1)
  await desk.screenshot({ path: testInfo.outputPath('desk-claims.png') })
  await desk.locator('[data-test="agency-claim-open"]').click()
  await expect(desk.locator('[data-test="agency-photo"]')).toHaveCount(2)
  await expect(desk.locator('[data-test="agency-bank"]')).toContainText('6222021234567890128')
  await desk.locator('input[name="covered"]').fill('10000')
  await desk.locator('input[name="classB"]').fill('1500')
  await desk.locator('input[name="selfFunded"]').fill('1000')
  // The engine's figure shows first; the money is booked only once the reviewer confirms it.
  await desk.locator('[data-test="agency-approve"]').click()
  await expect(desk.locator('[data-test="agency-preview"]')).toContainText('Fund pays ¥')
  await desk.screenshot({ path: testInfo.outputPath('desk-claim-preview.png'), fullPage: true })
  await desk.locator('[data-test="agency-confirm"]').click()
  await expect(desk.locator('[data-test="agency-decision"]')).toContainText('Approved')
  await desk.screenshot({ path: testInfo.outputPath('desk-claim-approved.png'), fullPage: true })

  // The fund pays what a direct settlement under Jilin's inpatient rules would have paid.
  const care = { kind: 'inpatient' as const, hospitalLevel: 'tertiary' as const, admissionDate: `${year - 1}-11-10`, dischargeDate: `${year - 1}-11-20` }
  const { fundPaidFen } = claimPayment(care, { coveredFen: 1_000_000, classBSelfPayFen: 150_000, overLimitSelfPayFen: 0, selfFundedFen: 100_000 }, JILIN_POLICY, 'employee', () => NO_ACCUMULATORS).payment
  await phone.reload()
  await expect(phone.locator('[data-test="claim-status"]')).toContainText(`Approved: the fund pays ¥${formatYuan(fundPaidFen)}`, { timeout: 20_000 })
  await expect(phone.locator('[data-test="claim-status"]')).toContainText('**** **** **** 0128')
  await phone.screenshot({ path: testInfo.outputPath('phone-claim-approved.png'), fullPage: true })
  await deskContext.close()
  await phoneContext.close()
})
