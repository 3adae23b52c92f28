import { fillWho, next, PERSON } from './support/filingWizard.ts'
import { expect, test } from './support/fixtures.ts'
import { signInInsured } from './support/signIn.ts'

test.use({ viewport: { width: 390, height: 844 } })

test('sign-in asks for the 手机号 it sends to, and 获取验证码 counts down 60 s before a new code', async ({ page, app }) => {
  await page.clock.install()
  await page.goto(`${app.url}/sign-in`)
  const phone = page.locator('.van-field').filter({ has: page.locator('input[name="phone"]') })
  await expect(phone.locator('.van-field__label')).toHaveText('手机号')
  await page.locator('input[name="idNumber"]').fill(PERSON.idNumber)
  await page.locator('input[name="name"]').fill(PERSON.name)
  await page.locator('input[name="phone"]').fill(PERSON.phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  const firstCode = (await page.locator('[data-test="dev-code"]').textContent())?.match(/\d{6}/)?.[0]

  const resend = page.locator('[data-test="resend-code"]')
  await expect(resend).toBeDisabled()
  await expect(resend).toContainText(/\d+ 秒后可重新获取验证码/)
  // Back to the details: the first button waits too, so a second tap does not look ignored.
  await page.getByRole('button', { name: '返回修改信息' }).click()
  await expect(page.locator('[data-test="get-code"]')).toBeDisabled()
  await expect(page.locator('[data-test="get-code"]')).toContainText(/秒后可重新获取/)

  await page.clock.fastForward(61_000)
  await expect(page.locator('[data-test="get-code"]')).toBeEnabled()
  await page.getByRole('button', { name: '获取验证码' }).click()
  // The countdown starts when the server has answered: wait for it before moving the clock on.
  await expect(resend).toContainText(/\d+ 秒后可重新获取验证码/)
  await page.clock.fastForward(61_000)
  await expect(resend).toBeEnabled()
  await resend.click()
  await expect(resend).toBeDisabled()
  const newCode = (await page.locator('[data-test="dev-code"]').textContent())?.match(/\d{6}/)?.[0]
  expect(newCode).toBeTruthy()
  expect(firstCode).toBeTruthy()
  await page.locator('input[name="code"]').fill(newCode!)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.locator('[data-test="signed-in-as"]')).toBeVisible()
})

test('the wizard\'s app bar has a back arrow: to the step before, and from the first step out to 备案', async ({ page, app }) => {
  await signInInsured(page, app.url)
  await page.goto(`${app.url}/filing/new/1`)
  await fillWho(page)
  await next(page)
  await expect(page.getByText('第 2 / 6 步')).toBeVisible()
  const back = page.locator('[data-test="app-bar-back"]')
  await back.click()
  await expect(page.getByText('第 1 / 6 步')).toBeVisible()
  await expect(page.locator('input[name="phone"]')).toHaveValue(PERSON.phone)
  const box = await back.boundingBox()
  expect(box?.height).toBeGreaterThanOrEqual(44)
  await back.click()
  await expect(page).toHaveURL(/\/filing$/)
  // A tab's own screen has no back arrow.
  await expect(page.locator('[data-test="app-bar-back"]')).toHaveCount(0)
})
