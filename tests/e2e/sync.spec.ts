import { signInInsured } from './support/signIn.ts'
import { fillWho, next, pickDestination } from './support/filingWizard.ts'
import { expect, test, waitForServiceWorker } from './support/fixtures.ts'

test.use({ viewport: { width: 390, height: 844 } })

test('three actions made offline survive a reload and reach the server exactly once when the network returns', async ({ page, context, app }, testInfo) => {
  await signInInsured(page, app.url)
  await page.goto(`${app.url}/filing`)
  await waitForServiceWorker(page)
  await context.setOffline(true)
  const badge = page.locator('[data-test="sync-badge"]')

  // 1: file a temporary trip (no proof needed) with no network.
  await page.locator('[data-test="start-filing"]').click()
  await fillWho(page)
  await next(page)
  await page.getByText('其他临时外出就医人员', { exact: true }).click()
  await next(page)
  await pickDestination(page)
  await next(page)
  await next(page)
  // A temporary trip needs no proof, so no promise is asked for either.
  await expect(page.locator('[data-test="proof-materials"]')).toHaveAttribute('aria-checked', 'true')
  await next(page)
  await next(page)
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('待同步')

  // 2: change its phone number; 3: cancel it — both still offline, both depend on the filing.
  await page.locator('[data-test="change-filing"]').click()
  await page.getByLabel('新联系电话').fill('13900001111')
  await page.getByRole('button', { name: '提交变更' }).click()
  await expect(page.getByText('变更已提交，联网后自动生效')).toBeVisible()
  await page.locator('[data-test="cancel-filing"]').click()
  await page.getByRole('dialog').getByRole('button', { name: '取消备案' }).click()
  await expect(badge).toHaveAttribute('data-pending', '3')

  // The page is reloaded with no network: the shell comes from the service worker, the actions from IndexedDB.
  await page.reload()
  await expect(badge).toHaveAttribute('data-pending', '3')
  await page.screenshot({ path: testInfo.outputPath('offline-three-pending.png') })

  await context.setOffline(false)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect(badge).toHaveAttribute('data-pending', '0', { timeout: 20_000 })
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('已取消')

  const applied = await app.appliedActions()
  expect(applied.map(action => action.type).toSorted()).toEqual(['filing.cancel', 'filing.change', 'filing.create'])
  expect(new Set(applied.map(action => action.id)).size).toBe(3)
})
