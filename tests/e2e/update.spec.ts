import { clientBuilds } from './support/builds.ts'
import { expect, test, waitForServiceWorker, watchPageProblems } from './support/fixtures.ts'

test('a deploy never breaks an open tab; the person chooses when to reload', async ({ page, app }) => {
  const problems = watchPageProblems(page)
  await page.goto(`${app.url}/filing`)
  await waitForServiceWorker(page)

  app.deploy(clientBuilds.b.dir)

  // The old tab moves to a lazy screen it has not opened yet: it still loads, from version A.
  await page.locator('[data-test="tab-bar"]').getByText('我的', { exact: true }).click()
  await expect(page.getByText(clientBuilds.a.id)).toBeVisible()

  // Moving between screens found the new version; nothing reloads until the person agrees.
  const prompt = page.getByRole('alertdialog')
  await expect(prompt).toContainText('新版本可用', { timeout: 20_000 })
  await expect(page.getByText(clientBuilds.a.id)).toBeVisible()

  await prompt.locator('[data-test="pwa-update-accept"]').click()
  await expect(page.getByText(clientBuilds.b.id)).toBeVisible({ timeout: 20_000 })
  expect(problems).toEqual([])
})
