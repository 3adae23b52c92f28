import type { Page } from '@playwright/test'
import { fillWho, next } from './support/filingWizard.ts'
import { expect, test } from './support/fixtures.ts'
import { seedFiling, TRAVELLER } from './support/seedFiling.ts'
import { signInInsured } from './support/signIn.ts'

test('the chosen language is remembered over a reload', async ({ page, app }) => {
  await page.goto(`${app.url}/me`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

  await page.getByText('English', { exact: true }).click()
  await expect(page.locator('[data-test="tab-bar"]').getByText('Refunds')).toBeVisible()

  await page.reload()
  await expect(page.locator('[data-test="tab-bar"]').getByText('Refunds')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.getByText('简体中文', { exact: true }).click()
  await page.reload()
  await expect(page.locator('[data-test="tab-bar"]').getByText('退费')).toBeVisible()
})

/** Han characters on screen, once the official terms kept in brackets, "Filing number (备案编号)", are set aside. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

async function chooseEnglish(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/me`)
  await page.getByText('English', { exact: true }).click()
  await expect(page.locator('[data-test="tab-bar"]').getByText('Refunds')).toBeVisible()
}

async function chineseOnScreen(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText()
  return text.replace(/[(（][^()（）]*[)）]/g, '').split('\n').filter(line => /\p{Script=Han}/u.test(line))
}

test('in English, the filing wizard, the lookup and the counter sign-in show no Chinese but bracketed official terms', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await chooseEnglish(page, app.url)

  const screens = [
    { path: '/filing/new/1', ready: page.getByText('Step 1 of 6') },
    { path: '/lookup', ready: page.getByText('No filings on this device yet') },
    { path: '/counter/sign-in', ready: page.getByRole('button', { name: 'Sign in', exact: true }) },
  ]
  for (const screen of screens) {
    await page.goto(`${app.url}${screen.path}`)
    await expect(screen.ready).toBeVisible()
    expect(await chineseOnScreen(page), screen.path).toEqual([])
    expect(await horizontalOverflow(page), screen.path).toBeLessThanOrEqual(0)
    await page.screenshot({ path: testInfo.outputPath(`en${screen.path.replaceAll('/', '-')}.png`), fullPage: true })
  }
})

test('the longer English of the category step and of a filing\'s page fits a 390×844 phone', async ({ page, app }, testInfo) => {
  await seedFiling(app.url)
  await page.setViewportSize({ width: 390, height: 844 })
  await signInInsured(page, app.url, TRAVELLER)
  await page.goto(`${app.url}/filing/new/1`)
  await fillWho(page, TRAVELLER, '长春市')
  await next(page)
  await chooseEnglish(page, app.url)

  await page.goto(`${app.url}/filing/new/2`)
  await expect(page.getByText('Step 2 of 6')).toBeVisible()
  await expect(page.getByText('Long-term').first()).toBeVisible()
  expect(await horizontalOverflow(page), 'category step').toBeLessThanOrEqual(0)
  await page.screenshot({ path: testInfo.outputPath('en-filing-category.png'), fullPage: true })

  await page.goto(`${app.url}/lookup`)
  await page.locator('[data-test="filing-card"]').first().click()
  await expect(page.getByRole('button', { name: 'Cancel filing' })).toBeVisible()
  expect(await horizontalOverflow(page), 'filing page').toBeLessThanOrEqual(0)
  await page.screenshot({ path: testInfo.outputPath('en-filing-detail.png'), fullPage: true })

  // Full screen for the counter's scanner: the QR fills the phone's width, nothing else on screen.
  await page.locator('[data-test="credential-full-open"]').click()
  const full = page.getByRole('dialog', { name: 'Filing QR code' })
  await expect(full.getByText('Hold the screen up to the counter\'s scanner')).toBeVisible()
  const qr = await full.locator('[data-test="credential-qr"]').boundingBox()
  expect(qr?.width, 'full-screen QR width').toBeGreaterThan(340)
  await page.screenshot({ path: testInfo.outputPath('en-filing-qr-full.png') })
  await full.getByRole('button', { name: 'Close' }).click()
  await expect(full).toBeHidden()

  // The 备案表 in English keeps each official field name in brackets, as on the paper form.
  await page.locator('[data-test="print-filing"]').click()
  await expect(page.getByRole('heading', { name: /Cross-region medical care filing form/ })).toBeVisible()
  await expect(page.getByText('Category (人员类别)', { exact: true })).toBeVisible()
  await page.setViewportSize({ width: 794, height: 1123 })
  await page.emulateMedia({ media: 'print' })
  await page.screenshot({ path: testInfo.outputPath('en-filing-print-a4.png'), fullPage: true })
})
