import type { Page } from '@playwright/test'
import { seedFiling, TRAVELLER } from './support/seedFiling.ts'
import { signInInsured } from './support/signIn.ts'
import { fillCategoryAndDestination, fillWho, fillWhoSignedOut, next, PERSON, pickDestination, signPromise } from './support/filingWizard.ts'
import { expect, test } from './support/fixtures.ts'

test.use({ viewport: { width: 390, height: 844 } })

/** Signs in and files a long-term stay by personal promise, online, ending on the filing's page. */
async function fileByPromiseOnline(page: Page, baseUrl: string) {
  await signInInsured(page, baseUrl)
  await page.goto(`${baseUrl}/filing/new/1`)
  await fillWho(page)
  await next(page)
  await fillCategoryAndDestination(page)
  await next(page)
  await signPromise(page)
  await next(page)
  await next(page)
}

test('files by promise offline, resumes after a reload mid-wizard, and shows the QR once online', async ({ page, context, app }, testInfo) => {
  await signInInsured(page, app.url)
  await page.goto(`${app.url}/filing`)
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null)
  await context.setOffline(true)
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`wizard-${name}.png`), fullPage: true })

  await page.locator('[data-test="start-filing"]').click()
  await fillWho(page)
  await shot('1-who')
  await next(page)
  await page.getByText('异地长期居住人员', { exact: true }).click()
  await shot('2-category')
  await next(page)
  await expect(page.getByText('第 3 / 6 步')).toBeVisible()

  // A reload (or a killed browser) in the middle of the wizard loses nothing typed.
  await page.reload()
  // Back only once the reloaded wizard is drawn: an earlier back lands before the app has started.
  await expect(page.getByText('第 3 / 6 步')).toBeVisible()
  await page.goBack()
  await expect(page.getByText('第 2 / 6 步')).toBeVisible()
  await page.goBack()
  await expect(page.locator('input[name="name"]')).toHaveValue(PERSON.name)
  await expect(page.locator('input[name="idNumber"]')).toHaveValue(PERSON.idNumber)
  await page.goForward()
  await page.goForward()

  await pickDestination(page)
  await shot('3-destination')
  await next(page)
  await expect(page.locator('[data-test="end-date"]')).toContainText('长期有效')
  await shot('4-dates')
  await next(page)
  await signPromise(page)
  await shot('5-promise')
  await next(page)
  await shot('6-review')
  await next(page)

  await expect(page.locator('[data-test="filed-offline"]')).toContainText('已提交，联网后自动生效')
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('待同步')

  await context.setOffline(false)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  // A promise filing is in effect at once; it waits for materials until the promise runs out.
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('待补充材料', { timeout: 20_000 })
  await expect(page.locator('[data-test="credential-qr"]')).toBeVisible()
  await expect(page.getByText(/备案编号 \S+/)).toBeVisible()
  await shot('7-active')
})

test('an invalid 身份证号码 shows its error and blocks the step', async ({ page, app }) => {
  await page.goto(`${app.url}/filing/new/1`)
  await page.locator('input[name="idNumber"]').fill('110105194912310021')

  await expect(page.getByText('身份证号码校验位不正确')).toBeVisible()
  await next(page)
  await expect(page.getByText('第 1 / 6 步')).toBeVisible()
})

test('cancelling a filing shows it cancelled', async ({ page, app }) => {
  await fileByPromiseOnline(page, app.url)
  // A promise filing is in effect at once and shows its QR while it waits for materials.
  await expect(page.locator('[data-test="credential-qr"]')).toBeVisible({ timeout: 20_000 })

  await page.locator('[data-test="cancel-filing"]').click()
  await page.getByRole('dialog').getByRole('button', { name: '取消备案' }).click()

  await expect(page.locator('[data-test="filing-status"]')).toHaveText('已取消', { timeout: 20_000 })
  // A cancelled filing has no days left and asks for no materials.
  await expect(page.getByText('剩余天数')).toBeHidden()
  await expect(page.getByText('请于')).toBeHidden()
})

test('supplying materials turns a promise filing into an ordinary one (Jilin 第六条(二))', async ({ page, app }, testInfo) => {
  await fileByPromiseOnline(page, app.url)
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('待补充材料', { timeout: 20_000 })

  // The picker names the proof a long-term stay needs (重庆 第六条, Jilin 第三条), and offers it first.
  await expect(page.locator('[data-test="materials-wanted"]')).toContainText('居住证明')
  await expect(page.locator('.materials__kind')).toHaveValue('residence')
  // A photo of the residence permit, taken on the phone: compressed on the device, uploaded before the action.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64')
  await page.locator('[data-test="material-file"]').setInputFiles({ name: '居住证.png', mimeType: 'image/png', buffer: png })
  await expect(page.getByText('居住证.png')).toBeVisible()
  await page.locator('[data-test="supplement-submit"]').click()
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('有效', { timeout: 20_000 })
  await page.screenshot({ path: testInfo.outputPath('supplemented.png'), fullPage: true })
})

test('the 备案表 and the signed 个人承诺书 print on A4', async ({ page, app }, testInfo) => {
  await fileByPromiseOnline(page, app.url)
  await expect(page.locator('[data-test="credential-qr"]')).toBeVisible({ timeout: 20_000 })
  await page.locator('[data-test="print-filing"]').click()

  await expect(page.getByRole('heading', { name: '基本医疗保险参保人员异地就医备案表' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '个人承诺书' })).toBeVisible()
  await expect(page.getByRole('cell', { name: PERSON.homeAddress })).toBeVisible()
  await expect(page.getByAltText('承诺人手写签名')).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden()
  const pdf = await page.pdf({ format: 'A4' })
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  await page.screenshot({ path: testInfo.outputPath('print.png'), fullPage: true })
})

test('national 二(四): already in hospital, the filing starts on the admission day and files; a stay paid in full is pointed to 手工报销', async ({ page, app }, testInfo) => {
  await signInInsured(page, app.url)
  await page.goto(`${app.url}/filing/new/1`)
  await fillWho(page)
  await next(page)
  await fillCategoryAndDestination(page)
  await expect(page.getByText('第 4 / 6 步')).toBeVisible()

  await page.getByText('已出院，已自费结算', { exact: true }).click()
  await expect(page.locator('[data-test="stay-discharged"]')).toContainText('手工报销')

  await page.getByText('正在住院（出院结算前补办）', { exact: true }).click()
  await next(page)
  await expect(page.locator('.van-field').filter({ hasText: '入院日期' }).locator('.van-field__error-message')).toBeVisible()
  await page.locator('[data-test="stay-admission-date"]').click()
  await page.locator('.van-popup').getByRole('button', { name: '确认' }).click()
  await page.locator('input[name="inHospital.hospital"]').fill('广州市第一人民医院')
  const admitted = await page.locator('[data-test="stay-admission-date"] input').inputValue()
  await expect(page.locator('input[name="startDate"]')).toHaveValue(admitted)
  await page.screenshot({ path: testInfo.outputPath('in-hospital.png'), fullPage: true })
  await next(page)
  await signPromise(page)
  await next(page)
  await expect(page.getByText('广州市第一人民医院')).toBeVisible()
  await next(page)
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('待补充材料', { timeout: 20_000 })
})

test('a change made on another phone shows on the filing\'s page and in its print after a reload', async ({ page, app }) => {
  const seeded = await seedFiling(app.url)
  await signInInsured(page, app.url, TRAVELLER)
  await page.goto(`${app.url}/lookup/${seeded.filingId}`)
  await expect(page.locator('[data-test="filing-phone"]')).toContainText(TRAVELLER.phone)
  await seeded.changePhone('13700009999')
  await page.goto(`${app.url}/lookup/${seeded.filingId}/print`)
  await expect(page.getByText('13700009999').first()).toBeVisible()
  await page.goto(`${app.url}/lookup/${seeded.filingId}`)
  await expect(page.locator('[data-test="filing-phone"]')).toContainText('13700009999')
  await expect(page.locator('[data-test="filing-history"]')).toContainText('变更')
})

test('signed out, the wizard asks for sign-in before the review, keeps what was typed, and files after it', async ({ page, app }) => {
  await page.goto(`${app.url}/filing/new/1`)
  await fillWhoSignedOut(page)
  await next(page)
  await fillCategoryAndDestination(page)
  await next(page)
  await signPromise(page)
  await page.locator('[data-test="wizard-next"]').click()
  await expect(page.locator('[data-test="sign-in-for-filing"]')).toBeVisible()
  await expect(page).toHaveURL(/\/sign-in\?next=/)

  await page.locator('input[name="idNumber"]').fill(PERSON.idNumber)
  await page.locator('input[name="name"]').fill(PERSON.name)
  await page.locator('input[name="phone"]').fill(PERSON.phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  const devCode = (await page.locator('[data-test="dev-code"]').textContent())?.match(/\d{6}/)?.[0]
  await page.locator('input[name="code"]').fill(devCode!)
  await page.getByRole('button', { name: '登录', exact: true }).click()

  await expect(page.getByText('第 6 / 6 步')).toBeVisible()
  await expect(page.getByText(PERSON.address)).toBeVisible()
  await next(page)
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('待补充材料', { timeout: 20_000 })
})
