import type { Page } from '@playwright/test'
import { expect, test, waitForServiceWorker, watchPageProblems } from './support/fixtures.ts'
import { pickRegion } from './support/filingWizard.ts'

/** The 定点医院 search for inpatient-networked hospitals of 昆明 (the sample directory has two). */
async function searchKunmingInpatient(page: Page) {
  await pickRegion(page, 'Place of treatment', '云南省', '昆明市', 'Confirm')
  await page.getByRole('checkbox', { name: 'Inpatient' }).click()
  await page.locator('[data-test="search-hospitals"]').click()
}

test('the hospital directory: a search seen online answers the same offline', async ({ page, context, app }, testInfo) => {
  const problems = watchPageProblems(page)
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`directory-${name}.png`), fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.addInitScript(() => localStorage.setItem('yidi.locale', 'en'))
  await page.goto(app.url)
  await waitForServiceWorker(page)
  await page.locator('[data-test="tab-bar"]').getByText('Hospitals', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Hospitals', exact: true })).toBeVisible()

  await searchKunmingInpatient(page)
  await expect(page.locator('[data-test="hospital-count"]')).toHaveText('2 found')
  const online = await page.locator('[data-test="hospital"] h3').allTextContents()
  expect(online).toEqual(['昆明市第一人民医院（示例）', '昆明市中医医院（示例）'])
  await expect(page.locator('[data-test="saved-results"]')).toHaveCount(0)
  await shot('1-online')

  await context.setOffline(true)
  // The answer may be cached by the browser for an hour; after that (or once the browser drops
  // it) only the phone's own copy answers. Drop it now, so that copy is what this test sees.
  const devtools = await context.newCDPSession(page)
  await devtools.send('Network.clearBrowserCache')
  await page.reload()
  await searchKunmingInpatient(page)
  await expect(page.locator('[data-test="saved-results"]')).toHaveText('Offline: showing results saved on this phone')
  expect(await page.locator('[data-test="hospital"] h3').allTextContents()).toEqual(online)
  await shot('2-offline')

  // A place never searched online says so rather than claiming it has no hospitals.
  await page.getByRole('checkbox', { name: 'Inpatient' }).click()
  await pickRegion(page, 'Place of treatment', '云南省', '曲靖市', 'Confirm')
  await page.locator('[data-test="search-hospitals"]').click()
  await expect(page.locator('[data-test="saved-results"]')).toContainText('no hospitals of this place are saved on this phone yet')
  await shot('3-offline-unknown-city')
  expect(problems).toEqual([])
})
