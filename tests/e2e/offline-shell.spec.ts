import { expect, test, waitForServiceWorker, watchPageProblems } from './support/fixtures.ts'

const TABS = ['备案', '查询', '退费', '我的']

test.describe('app shell offline', () => {
  test('after the first visit the shell and tab bar load with no network', async ({ page, context, app }) => {
    const problems = watchPageProblems(page)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(app.url)
    await expect(page.getByRole('heading', { name: '备案', exact: true })).toBeVisible()
    await waitForServiceWorker(page)
    // The bar's sync badge is up (the first screen is drawn), yet nothing on this phone needed the
    // database: a first visit creates none and fetches no Dexie.
    await expect(page.locator('.insured-layout__bar').getByText('已同步')).toBeVisible()
    expect(await page.evaluate(async () => (await indexedDB.databases()).map(database => database.name))).toEqual([])

    await context.setOffline(true)
    await page.reload()

    const tabbar = page.locator('[data-test="tab-bar"]')
    for (const label of TABS)
      await expect(tabbar.getByText(label, { exact: true })).toBeVisible()
    // Another lazy screen also comes from the cache.
    await tabbar.getByText('我的', { exact: true }).click()
    await expect(page.getByText('本机存储')).toBeVisible()
    // A deep link typed while offline is answered by the service worker too.
    await page.goto(`${app.url}/counter`)
    await expect(page.getByRole('heading', { name: '医保窗口登录' })).toBeVisible()
    expect(problems).toEqual([])
  })

  test('API answers are never served from the service worker cache', async ({ page, context, app }) => {
    await page.goto(app.url)
    await waitForServiceWorker(page)
    const online = await page.evaluate(async () => (await fetch('/api/health')).status)
    expect(online).toBe(200)

    await context.setOffline(true)
    const offline = await page.evaluate(async () => {
      try {
        return (await fetch('/api/health')).status
      }
      catch {
        return 'network-error'
      }
    })
    expect(offline).toBe('network-error')
  })
})
