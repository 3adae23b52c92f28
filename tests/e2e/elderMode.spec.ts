import type { Page } from '@playwright/test'
import { expect, test, waitForServiceWorker } from './support/fixtures.ts'
import { seedFiling, TRAVELLER } from './support/seedFiling.ts'
import { signInInsured } from './support/signIn.ts'

/** What a person sees of the size: the computed font size of a cell's title and a button's height. */
async function sizes(page: Page) {
  const fontSize = await page.locator('.van-cell__title').first().evaluate(element => Number.parseFloat(getComputedStyle(element).fontSize))
  const button = await page.locator('[data-test="start-filing"]').boundingBox()
  const tab = await page.locator('[data-test="tab-bar"] a').first().boundingBox()
  return { fontSize, buttonHeight: button?.height ?? 0, tabHeight: tab?.height ?? 0 }
}

test('长辈模式: turned on in 我的, the text and the buttons grow, and stay so after a reload', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${app.url}/filing`)
  await expect(page.locator('[data-test="start-filing"]')).toBeVisible()
  const standard = await sizes(page)

  await page.goto(`${app.url}/me`)
  await page.locator('[data-test="elder-mode-switch"]').click()
  await expect(page.locator('html')).toHaveClass(/yidi-elder/)

  await page.goto(`${app.url}/filing`)
  await page.reload()
  // Applied before the first screen is drawn: the class is there as soon as the page is.
  await expect(page.locator('html')).toHaveClass(/yidi-elder/)
  await expect(page.locator('[data-test="start-filing"]')).toBeVisible()
  const large = await sizes(page)
  expect(large.fontSize).toBeGreaterThanOrEqual(standard.fontSize + 4)
  expect(large.buttonHeight).toBeGreaterThan(standard.buttonHeight)
  expect(large.buttonHeight).toBeGreaterThanOrEqual(44)
  expect(large.tabHeight).toBeGreaterThan(standard.tabHeight)
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
  await page.screenshot({ path: testInfo.outputPath('elder-filing.png'), fullPage: true })

  // The start screen has the switch too: turned off there, the standard sizes come back.
  await page.locator('[data-test="elder-mode-switch"]').click()
  await expect(page.locator('html')).not.toHaveClass(/yidi-elder/)
  await page.reload()
  expect((await sizes(page)).fontSize).toBe(standard.fontSize)
})

test('长辈模式 works offline and enlarges the insured screens at 390×844', async ({ page, app, context }, testInfo) => {
  const { filingId } = await seedFiling(app.url)
  await page.setViewportSize({ width: 390, height: 844 })
  await signInInsured(page, app.url, TRAVELLER)
  await page.goto(`${app.url}/me`)
  await page.evaluate(() => localStorage.setItem('yidi.locale', 'en'))
  await page.locator('[data-test="elder-mode-switch"]').click()
  await page.goto(`${app.url}/lookup`)
  await expect(page.locator('[data-test="filing-card"]')).toBeVisible()
  for (const path of ['/filing', '/filing/new/1', '/lookup', `/lookup/${filingId}`, '/hospitals', '/reminders', '/refund', '/claims', '/me', '/sign-in']) {
    await page.goto(`${app.url}${path}`)
    await expect(page.locator('[data-test="tab-bar"]')).toBeVisible()
    await expect(page.locator('html')).toHaveClass(/yidi-elder/)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0)
    await page.screenshot({ path: testInfo.outputPath(`elder${path.replaceAll('/', '-')}.png`), fullPage: true })
    // Every choice on the screen (radios, checkboxes) is at least a 44 px target.
    for (const choice of await page.locator('.van-radio:visible, .van-checkbox:visible').all())
      expect((await choice.boundingBox())?.height, path).toBeGreaterThanOrEqual(44)
  }
  await waitForServiceWorker(page)
  await context.setOffline(true)
  await page.reload()
  await expect(page.locator('[data-test="tab-bar"]')).toBeVisible()
  await expect(page.locator('html')).toHaveClass(/yidi-elder/)
})
