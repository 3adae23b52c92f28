import { expect, test, waitForServiceWorker } from './support/fixtures.ts'
import { seedFiling, TRAVELLER } from './support/seedFiling.ts'
import { seedUnsettledStay } from './support/seedStay.ts'
import { signInInsured } from './support/signIn.ts'

test('a temporary filing shows its last day in the reminders, in English, with 加入日历', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await seedFiling(app.url)
  await signInInsured(page, app.url, TRAVELLER)
  // English after signing in: the sign-in helper speaks to the Chinese screen.
  await page.evaluate(() => localStorage.setItem('yidi.locale', 'en'))
  await page.goto(`${app.url}/lookup`)
  await expect(page.locator('[data-test="filing-card"]').first()).toBeVisible()

  await page.locator('[data-test="tab-bar"]').getByText('Reminders').click()
  const reminder = page.locator('[data-test="reminder"]').first()
  await expect(reminder).toContainText('Temporary filing ends')
  const download = page.waitForEvent('download')
  await reminder.getByRole('button', { name: /Add .* to the calendar/ }).click()
  expect((await download).suggestedFilename()).toMatch(/^temporary_filing_ends-\d{4}-\d{2}-\d{2}\.ics$/)
  await page.screenshot({ path: testInfo.outputPath('reminders-en.png') })
})

test('Jilin 第十五条: a stay discharged without direct settlement shows its 手工报销 deadline in the reminders, offline after one visit', async ({ page, context, app }, testInfo) => {
  const lastDay = await seedUnsettledStay(app)
  await signInInsured(page, app.url, TRAVELLER)
  await page.evaluate(() => localStorage.setItem('yidi.locale', 'en'))
  await page.goto(`${app.url}/reminders`)
  await waitForServiceWorker(page)
  const claim = page.locator('[data-test="reminder"]').filter({ hasText: 'Last day to claim reimbursement by hand' })
  await expect(claim).toContainText(lastDay)
  await expect(claim).toContainText('第十五条')

  // Offline, and reloaded: the list comes from the phone's own copy.
  await context.setOffline(true)
  await page.reload()
  await expect(page.locator('[data-test="reminder"]').filter({ hasText: 'Last day to claim reimbursement by hand' })).toContainText(lastDay)
  for (const [width, height] of [[390, 844], [1024, 768], [1280, 800]] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: testInfo.outputPath(`reminders-server-${width}.png`), fullPage: true })
  }
})
