import type { Page } from '@playwright/test'
import { seedFiling, TRAVELLER } from './support/seedFiling.ts'
import { readQr } from './support/readQr.ts'
import { signInInsured } from './support/signIn.ts'
import { fillCategoryAndDestination, fillWho, fillWhoSignedOut, next, PERSON, pickDestination, signPromise } from './support/filingWizard.ts'
import { expect, test, waitForServiceWorker } from './support/fixtures.ts'

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
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('有效·待补材料', { timeout: 20_000 })
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
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('有效·待补材料', { timeout: 20_000 })

  // The picker names the proof a long-term stay needs (重庆 第六条, Jilin 第三条), and offers it first.
  await expect(page.locator('[data-test="materials-wanted"]')).toContainText('居住证明')
  await expect(page.locator('[data-test="material-kind"] input')).toHaveValue('居住证明（居住证、户口簿等）')
  // Another kind is chosen in Vant's picker, with each kind's whole name, and the named one chosen back.
  await page.locator('[data-test="material-kind"]').click()
  const picker = page.locator('.van-popup').filter({ has: page.locator('.van-picker') }).last()
  await expect(picker.getByText('工作证明（劳动合同等）', { exact: true })).toBeVisible()
  await picker.getByText('居住证明（居住证、户口簿等）', { exact: true }).click()
  await page.waitForTimeout(350)
  await picker.getByRole('button', { name: '确定' }).click()
  await expect(page.locator('[data-test="material-kind"] input')).toHaveValue('居住证明（居住证、户口簿等）')
  // A photo of the residence permit, taken on the phone: compressed on the device, uploaded before the action.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64')
  await page.locator('[data-test="material-file"]').setInputFiles({ name: '居住证.png', mimeType: 'image/png', buffer: png })
  await expect(page.getByText('居住证.png')).toBeVisible()
  await page.locator('[data-test="supplement-submit"]').click()
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('有效', { timeout: 20_000 })
  await page.screenshot({ path: testInfo.outputPath('supplemented.png'), fullPage: true })
  // The print says the promise was followed by the proof, not 个人承诺 alone.
  await page.locator('[data-test="print-filing"]').click()
  await expect(page.locator('[data-test="print-proof-mode"]')).toContainText(/个人承诺，已于 \d{4}-\d{2}-\d{2} 补充证明材料/)
})

test('the 备案表 and the signed 个人承诺书 print on A4', async ({ page, app }, testInfo) => {
  await fileByPromiseOnline(page, app.url)
  await expect(page.locator('[data-test="credential-qr"]')).toBeVisible({ timeout: 20_000 })
  await page.locator('[data-test="print-filing"]').click()

  await expect(page.getByRole('heading', { name: '基本医疗保险参保人员异地就医备案表' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '个人承诺书' })).toBeVisible()
  await expect(page.getByRole('cell', { name: PERSON.homeAddress })).toBeVisible()
  await expect(page.getByAltText('承诺人手写签名')).toBeVisible()
  // The sheet names the policy a person knows, not the notice's internal version id.
  await expect(page.getByText(/适用政策：云南省/)).toBeVisible()
  await expect(page.getByText(/default-2026/)).toHaveCount(0)
  // 身份证号码 is read as one heading on a phone, not broken over lines.
  const heading = await page.locator('th').filter({ hasText: /^身份证号码$/ }).first().boundingBox()
  expect(heading?.height).toBeLessThan(40)
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
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('有效·待补材料', { timeout: 20_000 })
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

test('the filing\'s QR reads as its credential, drawn once it arrived, and a changed filing shows its new one', async ({ page, app }) => {
  const seeded = await seedFiling(app.url)
  await signInInsured(page, app.url, TRAVELLER)
  await page.goto(`${app.url}/lookup`)
  await expect(page.locator('[data-test="filing-card"]')).toBeVisible()
  const qr = page.locator('[data-test="credential-qr"]')
  await page.goto(`${app.url}/lookup/${seeded.filingId}`)
  await expect(qr).toBeVisible()
  expect(await readQr(qr)).toBe(seeded.credential)
  // The page belongs to 查询: its tab is the current one.
  await expect(page.locator('[data-test="tab-bar"] [aria-current="page"]')).toHaveText('查询')
  // The masked 身份证号码 has a row of its own, on one line, and no date of 有效期 breaks at its hyphens.
  const idRow = page.locator('[data-test="filing-id-number"]')
  await expect(idRow).toContainText(/^身份证号码\s*220\*{11}\d{3}[\dX]$/)
  expect((await idRow.locator('.van-cell__value').boundingBox())!.height).toBeLessThan(30)
  await expect(page.locator('.detail__date')).toHaveCount(2)
  for (const date of await page.locator('.detail__date').all())
    expect((await date.boundingBox())!.height, await date.textContent() ?? '').toBeLessThan(30)

  const changed = await seeded.changePhone('13700009999')
  expect(changed).not.toBe(seeded.credential)
  await page.reload()
  await expect(page.locator('[data-test="filing-phone"]')).toContainText('13700009999')
  await expect.poll(() => readQr(qr)).toBe(changed)
  // Offline, the new QR is the one kept.
  await waitForServiceWorker(page)
  await page.context().setOffline(true)
  await page.reload()
  await expect(qr).toBeVisible()
  expect(await readQr(qr)).toBe(changed)
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
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('有效·待补材料', { timeout: 20_000 })
})

test('a message goes as soon as it is fixed, beside its field: 备案告知书, 承诺事项, 证明材料', async ({ page, app }) => {
  await signInInsured(page, app.url)
  await page.goto(`${app.url}/filing/new/1`)
  await fillWho(page)
  await next(page)
  await fillCategoryAndDestination(page)
  await next(page)
  await expect(page.getByText('第 5 / 6 步')).toBeVisible()

  await next(page)
  const notice = page.locator('.van-cell-group').filter({ has: page.locator('[data-test="filing-notice"]') })
  await expect(notice.getByText('请阅读并确认《备案告知书》')).toBeVisible()
  await expect(page.getByText('请确认承诺事项')).toBeVisible()
  // The notice is confirmed once: its own checkbox, not again among the commitments.
  await expect(page.locator('[data-test="commitment"]').filter({ hasText: '告知书' })).toHaveCount(0)
  await page.getByText('我已阅读并了解《备案告知书》', { exact: true }).click()
  await expect(page.getByText('请阅读并确认《备案告知书》')).toBeHidden()
  for (const box of await page.locator('[data-test="commitment"]').all())
    await box.click()
  await expect(page.getByText('请确认承诺事项')).toBeHidden()

  await page.locator('[data-test="proof-materials"]').click()
  await next(page)
  const materials = page.locator('.van-cell-group').filter({ has: page.locator('[data-test="material-file"]') })
  await expect(materials.getByRole('alert')).toContainText('请提交证明材料')
  await expect(page.getByText('第 5 / 6 步')).toBeVisible()
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64')
  await page.locator('[data-test="material-file"]').setInputFiles({ name: '居住证-2026-长期居住证明-扫描件.png', mimeType: 'image/png', buffer: png })
  await expect(page.locator('[data-test="material-item"]')).toBeVisible()
  await expect(materials.getByRole('alert')).toBeHidden()
  // The remove button stays inside the card, however long the file's name.
  const card = await materials.boundingBox()
  const remove = await page.locator('[data-test="material-item"] .van-button').boundingBox()
  expect(remove && card && remove.x + remove.width <= card.x + card.width).toBe(true)
})

test('a change of the filing: 新就医地 is not marked required, and a wrong phone is said beside it', async ({ page, app }) => {
  await fileByPromiseOnline(page, app.url)
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('有效·待补材料', { timeout: 20_000 })
  await page.locator('[data-test="change-filing"]').click()
  const change = page.locator('form.change')
  await expect(change.locator('.van-field').filter({ hasText: '新就医地' })).not.toHaveClass(/van-cell--required/)
  await expect(change.locator('.van-field').filter({ hasText: '新就医地' }).locator('input')).toHaveAttribute('placeholder', '不改可不选')
  await change.locator('input[name="changePhone"]').fill('123')
  await change.getByRole('button', { name: '提交变更' }).click()
  const phoneField = change.locator('.van-field').filter({ has: page.locator('input[name="changePhone"]') })
  await expect(phoneField.locator('.van-field__error-message')).toBeVisible()
  await change.locator('input[name="changePhone"]').fill('13812345679')
  await expect(phoneField.locator('.van-field__error-message')).toBeHidden()
})
