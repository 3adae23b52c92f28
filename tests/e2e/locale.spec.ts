import { expect, test } from './support/fixtures.ts'

test('the chosen language is remembered over a reload', async ({ page, app }) => {
  await page.goto(`${app.url}/me`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

  await page.getByText('English', { exact: true }).click()
  await expect(page.locator('.van-tabbar').getByText('Refunds')).toBeVisible()

  await page.reload()
  await expect(page.locator('.van-tabbar').getByText('Refunds')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.getByText('简体中文', { exact: true }).click()
  await page.reload()
  await expect(page.locator('.van-tabbar').getByText('退费')).toBeVisible()
})
