import { expect, type Page } from '@playwright/test'
import { PERSON } from './filingWizard.ts'

/** Signs in as the insured person with the one-time code a development server echoes back. */
export async function signInInsured(page: Page, baseUrl: string, person = PERSON): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`)
  await page.locator('input[name="idNumber"]').fill(person.idNumber)
  await page.locator('input[name="name"]').fill(person.name)
  await page.locator('input[name="phone"]').fill(person.phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  const devCode = (await page.locator('[data-test="dev-code"]').textContent())?.match(/\d{6}/)?.[0]
  expect(devCode, 'the development server echoes the code').toBeTruthy()
  await page.locator('input[name="code"]').fill(devCode!)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.locator('[data-test="signed-in-as"]')).toBeVisible()
}
