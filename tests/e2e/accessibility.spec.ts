import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { fillWho, next } from './support/filingWizard.ts'
import { expect, test } from './support/fixtures.ts'
import { generateIdNumber } from '../../src/domain/identity/idNumberGenerator.ts'
import { seedFiling, TRAVELLER } from './support/seedFiling.ts'
import { signInCounter, signInInsured } from './support/signIn.ts'

/** WCAG 2 A and AA problems axe finds on the page at rest (no picker open), one line each. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await expect(page.locator('.van-overlay:visible')).toHaveCount(0)
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  return violations.map(violation => `${violation.id}: ${violation.nodes.map(node => node.target.join(' ')).join(', ')}`)
}

test('the insured screens and the filing wizard meet WCAG 2 AA on a phone (labels, contrast, no nested controls)', async ({ page, app }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${app.url}/sign-in`)
  await expect(page.locator('input[name="idNumber"]')).toBeVisible()
  expect(await accessibilityProblems(page), '/sign-in').toEqual([])
  await signInInsured(page, app.url)
  for (const path of ['/filing', '/lookup', '/refund', '/me', '/outbox']) {
    await page.goto(`${app.url}${path}`)
    await expect(page.getByRole('heading').first()).toBeVisible()
    expect(await accessibilityProblems(page), path).toEqual([])
  }
  await page.goto(`${app.url}/filing`)
  await page.locator('[data-test="start-filing"]').click()
  await fillWho(page)
  expect(await accessibilityProblems(page), 'wizard: who').toEqual([])
  await next(page)
  expect(await accessibilityProblems(page), 'wizard: category').toEqual([])
  // A keyboard alone picks a category: Tab to its radio, Space to choose.
  const longTerm = page.getByRole('radio', { name: '异地长期居住人员' })
  await longTerm.focus()
  await page.keyboard.press('Space')
  await expect(longTerm).toHaveAttribute('aria-checked', 'true')
})

test('a filing\'s page, with its QR and its change and cancel buttons, meets WCAG 2 AA', async ({ page, app }) => {
  await seedFiling(app.url)
  await page.setViewportSize({ width: 390, height: 844 })
  await signInInsured(page, app.url, TRAVELLER)
  await page.goto(`${app.url}/lookup`)
  await page.locator('[data-test="filing-card"]').first().click()
  await expect(page.locator('[data-test="cancel-filing"]')).toBeVisible()
  expect(await accessibilityProblems(page)).toEqual([])
})

test('the counter screens meet WCAG 2 AA at a counter', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`${app.url}/counter/sign-in`)
  expect(await accessibilityProblems(page), '/counter/sign-in').toEqual([])
  await signInCounter(page, app)
  for (const path of ['/counter', '/counter/trauma', '/counter/stays', '/counter/settle', '/counter/refunds', '/counter/audit']) {
    await page.goto(`${app.url}${path}`)
    await expect(page.locator('main h2').first()).toBeVisible()
    expect(await accessibilityProblems(page), path).toEqual([])
  }
})

test('the counter\'s QR path meets WCAG 2 AA: the card waiting for the 身份证, the 冒用 warning beside the field, the result with its admission buttons', async ({ page, app }) => {
  const { credential } = await seedFiling(app.url)
  await page.setViewportSize({ width: 1280, height: 800 })
  await signInCounter(page, app)
  await page.locator('[data-test="credential-input"] input').fill(credential)
  await page.locator('[data-test="credential-input"] input').press('Enter')
  await expect(page.locator('[data-test="awaiting-id"]')).toBeVisible()
  expect(await accessibilityProblems(page), 'scanned, waiting for the 身份证').toEqual([])
  await page.getByLabel('身份证号码').fill(generateIdNumber({ regionCode: '220102', birthDate: '1961-03-05', sequence: 12, sex: 'female' }))
  await page.locator('[data-test="check-id"]').click()
  await expect(page.locator('[data-test="id-number"]')).toContainText('疑似冒用')
  expect(await accessibilityProblems(page), '冒用').toEqual([])
  await page.getByLabel('身份证号码').fill(TRAVELLER.idNumber)
  await page.locator('[data-test="check-id"]').click()
  await expect(page.locator('[data-test="admit"]')).toBeVisible()
  expect(await accessibilityProblems(page), 'checked').toEqual([])
})

test('长辈模式 keeps the insured screens at WCAG 2 AA (contrast and labels at the larger sizes)', async ({ page, app }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signInInsured(page, app.url)
  await page.goto(`${app.url}/me`)
  await page.locator('[data-test="elder-mode-switch"]').click()
  await expect(page.locator('html')).toHaveClass(/yidi-elder/)
  for (const path of ['/filing', '/filing/new/1', '/lookup', '/me']) {
    await page.goto(`${app.url}${path}`)
    await expect(page.getByRole('heading').first()).toBeVisible()
    expect(await accessibilityProblems(page), path).toEqual([])
  }
})
