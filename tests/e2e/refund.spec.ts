import type { Browser, Page } from '@playwright/test'
import { expect, test, waitForServiceWorker } from './support/fixtures.ts'
import { PERSON } from './support/filingWizard.ts'
import { signInCounter, signInInsured } from './support/signIn.ts'

/** The counter records one outpatient settlement of `covered` 元 within the scope, for PERSON insured in 昆明. */
async function recordSettlement(page: Page, settledOn: string, covered: string) {
  await page.locator('input[name="settleIdNumber"]').fill(PERSON.idNumber)
  await page.locator('.van-field').filter({ hasText: '参保地' }).first().click()
  const popup = page.locator('.van-popup').filter({ has: page.locator('.van-picker') }).last()
  await popup.locator('.van-picker-column').nth(0).getByText('云南省', { exact: true }).click()
  await page.waitForTimeout(350)
  await popup.locator('.van-picker-column').nth(1).getByText('昆明市', { exact: true }).click()
  await page.waitForTimeout(350)
  await popup.getByRole('button', { name: '确认' }).click()
  await page.locator('input[name="settledOn"]').fill(settledOn)
  await page.locator('input[name="covered-0"]').fill(covered)
  await page.locator('[data-test="settle-submit"]').click()
  await expect(page.locator('[data-test="settle-recorded"] li').last()).toContainText(settledOn)
}

async function phoneOf(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  await signInInsured(page, baseUrl)
  return page
}

test('隔笔退费: a refund of the first of two settlements, asked offline, approved at the counter, leaves the second unchanged', async ({ page, app, browser }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await signInCounter(page, app)
  await page.getByRole('link', { name: '门诊结算' }).click()
  await recordSettlement(page, '2026-11-02', '1500')
  await recordSettlement(page, '2026-11-10', '1000')
  await expect.poll(async () => (await app.appliedActions()).filter(action => action.type === 'settlement.record' && action.status === 'applied').length, { timeout: 20_000 }).toBe(2)

  const phone = await phoneOf(browser, app.url)
  await phone.goto(`${app.url}/refund`)
  await waitForServiceWorker(phone)
  const settlements = phone.locator('[data-test="settlement"]')
  await expect(settlements).toHaveCount(2)
  const second = settlements.filter({ hasText: '2026-11-10' })
  const secondShares = [await second.locator('[data-test="fund"]').textContent(), await second.locator('[data-test="personal"]').textContent()]

  // The person asks for the refund of the earlier one with no network.
  await phone.context().setOffline(true)
  const first = settlements.filter({ hasText: '2026-11-02' })
  await first.locator('[data-test="refund-ask"]').click()
  await first.getByLabel('退费原因').fill('药品未取走')
  await first.locator('[data-test="refund-submit"]').click()
  await expect(first.locator('[data-test="refund-status"]')).toContainText('待同步')
  await phone.context().setOffline(false)
  await phone.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect.poll(async () => (await app.appliedActions()).filter(action => action.type === 'refund.request' && action.status === 'applied').length, { timeout: 20_000 }).toBe(1)

  await page.getByRole('link', { name: '退费申请' }).click()
  // The card names the patient, beside the masked 身份证号码.
  await expect(page.locator('[data-test="refund-request"]')).toContainText(`${PERSON.name}（${PERSON.idNumber.slice(0, 3)}`)
  await page.locator('[data-test="refund-approve"]').click()
  // Money moves only once the staff member confirms.
  await page.locator('[data-test="refund-confirm"]').getByRole('button', { name: '同意退费' }).click()
  await expect(page.locator('[data-test="refund-queue-status"]')).toHaveText('已退费', { timeout: 20_000 })
  await page.screenshot({ path: testInfo.outputPath('counter-refunds.png') })

  await phone.reload()
  await expect(first.locator('[data-test="refund-status"]')).toContainText('已退费', { timeout: 20_000 })
  // The person sees what came back, not only that it did.
  await expect(first.locator('[data-test="refund-status"]')).toContainText('退回个人')
  expect([await second.locator('[data-test="fund"]').textContent(), await second.locator('[data-test="personal"]').textContent()]).toEqual(secondShares)
  await phone.screenshot({ path: testInfo.outputPath('insured-refund.png'), fullPage: true })
  await phone.context().close()
})
