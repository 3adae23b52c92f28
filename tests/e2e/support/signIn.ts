import { expect, type Page } from '@playwright/test'
import { PERSON } from './filingWizard.ts'

/** Signs in as the insured person with the one-time code a development server echoes back. */
export async function signInInsured(page: Page, baseUrl: string, person: Pick<typeof PERSON, 'name' | 'idNumber' | 'phone'> = PERSON): Promise<void> {
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

/** A counter at a 昆明 hospital, as the staff CLI would create it. */
export const COUNTER = { username: 'counter_km', hospitalCode: 'H53010001', hospitalName: '昆明市第一人民医院', cityCode: '530100' }

/** The password the counter chooses at its first sign-in. */
export const COUNTER_PASSWORD = 'counter-Pass-2026'

/** Creates the counter account and signs in at `/counter/sign-in`, choosing a new password as the first sign-in requires. */
export async function signInCounter(page: Page, app: { url: string, addStaff: (account: typeof COUNTER) => Promise<string> }): Promise<void> {
  const oneTimePassword = await app.addStaff(COUNTER)
  await page.goto(`${app.url}/counter/sign-in`)
  await page.locator('input[name="username"]').fill(COUNTER.username)
  await page.locator('input[name="password"]').fill(oneTimePassword)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.locator('input[name="newPassword"]').fill(COUNTER_PASSWORD)
  // A typo in the repeat is caught next to the field, before the one-time password is spent.
  await page.locator('input[name="repeatPassword"]').fill(`${COUNTER_PASSWORD}x`)
  await page.getByRole('button', { name: '修改并进入工作台' }).click()
  await expect(page.getByText('两次输入的新密码不一致')).toBeVisible()
  await page.locator('input[name="repeatPassword"]').fill(COUNTER_PASSWORD)
  await page.getByRole('button', { name: '修改并进入工作台' }).click()
  await expect(page.locator('[data-test="counter-hospital"]')).toContainText(COUNTER.hospitalName)
}
