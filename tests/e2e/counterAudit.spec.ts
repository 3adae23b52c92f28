import { expect, test } from './support/fixtures.ts'
import { seedFiling, TRAVELLER } from './support/seedFiling.ts'
import { signInCounter } from './support/signIn.ts'

test.use({ viewport: { width: 1280, height: 800 } })

test('an admission shows its record number and time; the audit list names the patient, shows the admission and searches by 姓名, 身份证号码 and dates', async ({ page, app }, testInfo) => {
  await seedFiling(app.url)
  await signInCounter(page, app)
  await page.getByLabel('身份证号码').fill(TRAVELLER.idNumber)
  await page.locator('input[name="name"]').fill(TRAVELLER.name)
  await page.locator('[data-test="verify-lookup"]').click()
  await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('可直接结算')
  await page.locator('[data-test="admit"]').click()
  await expect(page.locator('[data-test="admitted"]')).toContainText(/已登记入院\s+记录编号 [0-9a-f-]{36}\s+登记时间 \d{4}/)
  await expect.poll(async () => (await app.admissions()).length, { timeout: 20_000 }).toBe(1)

  await page.getByRole('link', { name: '核验记录' }).click()
  const entries = page.locator('[data-test="audit-entries"] tbody tr')
  await expect(entries).toHaveCount(1)
  await expect(entries.first()).toContainText(TRAVELLER.name)
  await expect(entries.first().locator('[data-test="audit-admission"]')).toContainText('入院')
  await page.screenshot({ path: testInfo.outputPath('audit-1280.png') })

  // By the whole 身份证号码, and by a 姓名 nobody checked.
  await page.locator('input[name="auditQuery"]').fill(TRAVELLER.idNumber)
  await page.locator('[data-test="audit-search"]').click()
  await expect(entries).toHaveCount(1)
  await page.locator('input[name="auditQuery"]').fill('王五')
  await page.locator('[data-test="audit-search"]').click()
  await expect(page.getByText('没有符合条件的核验记录。')).toBeVisible()

  // A start after the end is said beside the start date, not in a corner.
  await page.locator('input[name="auditQuery"]').fill('')
  await page.locator('input[name="auditFrom"]').fill('2026-12-31')
  await page.locator('input[name="auditTo"]').fill('2026-01-01')
  await page.locator('[data-test="audit-search"]').click()
  const from = page.locator('.van-field').filter({ has: page.locator('input[name="auditFrom"]') })
  await expect(from.locator('.van-field__error-message')).toHaveText('开始日期不能晚于结束日期')

  for (const [width, height] of [[1024, 768], [390, 844]] as const) {
    await page.setViewportSize({ width, height })
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width}×${height}`).toBeLessThanOrEqual(0)
    await page.screenshot({ path: testInfo.outputPath(`audit-${width}.png`) })
  }
})
