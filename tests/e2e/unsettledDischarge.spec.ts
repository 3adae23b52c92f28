import { AxeBuilder } from '@axe-core/playwright'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { expect, test, waitForServiceWorker } from './support/fixtures.ts'
import { signInCounter } from './support/signIn.ts'
import { seedFiling, TRAVELLER } from './support/seedFiling.ts'

test.use({ viewport: { width: 1280, height: 800 } })

test('an admission recorded offline is among the patients in hospital at once, and its discharge without direct settlement says the 手工报销 deadline (Jilin 第十五条)', async ({ page, context, app }, testInfo) => {
  await seedFiling(app.url)
  await signInCounter(page, app)
  await waitForServiceWorker(page)
  await page.getByLabel('身份证号码').fill(TRAVELLER.idNumber)
  await page.locator('input[name="name"]').fill(TRAVELLER.name)
  await page.locator('[data-test="verify-lookup"]').click()
  await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('可直接结算')

  // The network drops before the 入院登记: the patient is in hospital on this device all the same.
  await context.setOffline(true)
  await page.locator('[data-test="admit"]').click()
  await expect(page.locator('[data-test="admitted"]')).toBeVisible()
  await page.getByRole('link', { name: '住院与出院结算' }).click()
  const listed = page.locator('[data-test="open-stay"]').filter({ hasText: TRAVELLER.name })
  await expect(listed).toContainText('待同步')
  await page.screenshot({ path: testInfo.outputPath('stays-pending.png'), fullPage: true })
  await listed.click()
  await expect(page.locator('[data-test="stay-pending"]')).toBeVisible()

  // Online again: the admission syncs, and the list is fetched again by itself, the stay now the server's.
  await page.getByRole('link', { name: '返回在院患者' }).click()
  await context.setOffline(false)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect.poll(async () => (await app.appliedActions()).filter(action => action.type === 'admission.record' && action.status === 'applied').length, { timeout: 20_000 }).toBe(1)
  await expect(listed).not.toContainText('待同步', { timeout: 20_000 })
  await expect(listed).toHaveCount(1)
  await listed.click()
  await expect(page.locator('[data-test="stay-coverage"]')).toContainText('长春市')

  // 未直接结算出院: the confirmation says what it means and the 参保地's deadline (长春, Jilin: end of the next year).
  const today = chinaDateOf(new Date())
  const yesterday = addDays(today, -1)
  await page.locator('[data-test="unsettled-open"]').click()
  await page.locator('input[name="dischargedOn"]').fill(yesterday)
  await expect(page.locator('[data-test="unsettled-deadline"]')).toContainText(`${Number(yesterday.slice(0, 4)) + 1}-12-31`)
  await expect(page.locator('.unsettled__confirm')).toContainText('手工报销')
  await page.screenshot({ path: testInfo.outputPath('unsettled-confirm.png'), fullPage: true })
  // The confirmation meets WCAG 2 AA like the rest of the stay's screen.
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(violations.map(violation => `${violation.id}: ${violation.nodes.map(node => node.target.join(' ')).join(', ')}`)).toEqual([])
  // A discharge dated before the admission is the server's to refuse, shown beside the button.
  await page.locator('[data-test="unsettled-confirm"]').click()
  await expect(page.locator('[data-test="unsettled-refused"]')).toContainText('不能早于入院日期', { timeout: 20_000 })
  await page.getByRole('button', { name: '修改后重新提交' }).click()

  // Offline, corrected: the stay leaves the patients in hospital at once.
  await context.setOffline(true)
  await page.locator('input[name="dischargedOn"]').fill(today)
  const lastDay = `${Number(today.slice(0, 4)) + 1}-12-31`
  await expect(page.locator('[data-test="unsettled-deadline"]')).toContainText(lastDay)
  await page.locator('[data-test="unsettled-confirm"]').click()
  await expect(page.locator('[data-test="unsettled-sent"]')).toContainText('联网后')
  await page.getByRole('link', { name: '返回在院患者' }).click()
  // On the list first (a count of 0 would also hold on the stay's own screen), then back to the stay.
  await expect(page).toHaveURL(/\/counter\/stays$/)
  await expect(page.locator('[data-test="open-stay"]').filter({ hasText: TRAVELLER.name })).toHaveCount(0)
  await page.goBack()
  await expect(page.locator('[data-test="unsettled-sent"]')).toBeVisible()

  // Online: the server records it and names the same last day.
  await context.setOffline(false)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect(page.locator('[data-test="unsettled-done"]')).toContainText(lastDay, { timeout: 20_000 })
  await page.screenshot({ path: testInfo.outputPath('unsettled-done.png'), fullPage: true })
  expect((await app.appliedActions()).filter(action => action.type === 'admission.discharge').map(action => action.status).toSorted()).toEqual(['applied', 'rejected'])

  await page.locator('[data-test="unsettled-back"]').click()
  await expect(page.locator('[data-test="open-stay"]').filter({ hasText: TRAVELLER.name })).toHaveCount(0)
  await expect(page.getByText('暂无在院患者')).toBeVisible()
})
