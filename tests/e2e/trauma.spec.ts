import { drawSignature } from './support/filingWizard.ts'
import { expect, test, waitForServiceWorker } from './support/fixtures.ts'
import { signInCounter, signInInsured } from './support/signIn.ts'
import { seedFiling, TRAVELLER } from './support/seedFiling.ts'

test.use({ viewport: { width: 1024, height: 768 } })

test('a patient signs the 外伤无第三方责任承诺书 on the counter tablet offline, locked in patient mode; it syncs and prints on A4', async ({ page, context, app }, testInfo) => {
  await seedFiling(app.url)
  await signInCounter(page, app)
  await waitForServiceWorker(page)
  // The admission starts at the counter: the patient's filing is looked up, the injury has no third party.
  await page.getByLabel('身份证号码').fill(TRAVELLER.idNumber)
  await page.locator('input[name="name"]').fill(TRAVELLER.name)
  await page.locator('[data-test="verify-lookup"]').click()
  await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('可直接结算')
  await page.locator('[data-test="admit-trauma"]').click()
  // The staff choose an unlock PIN before handing the tablet over.
  await page.locator('[data-test="hand-over-pin"] input').fill('2468')
  await page.getByRole('button', { name: '进入患者模式' }).click()
  await expect(page.getByRole('heading', { name: '外伤无第三方责任承诺书' })).toBeVisible()
  await expect(page.locator('input[name="patientName"]')).toHaveValue(TRAVELLER.name)
  await context.setOffline(true)

  await page.locator('input[name="patientPhone"]').fill(TRAVELLER.phone)
  await page.locator('input[name="injuredHour"]').fill('9')
  await page.locator('input[name="place"]').fill('昆明市五华区家中浴室')
  await page.locator('textarea[name="account"]').fill('在家中浴室洗澡时滑倒，右手腕着地，肿胀疼痛，由家人送来就诊')
  // A reload (or a killed browser) mid-form loses nothing, and stays in patient mode.
  await expect.poll(() => page.evaluate(() => new Promise<string | undefined>((resolve) => {
    const open = indexedDB.open('yidi')
    open.onsuccess = () => {
      const read = open.result.transaction('drafts').objectStore('drafts').get('trauma:new')
      read.onsuccess = () => resolve((read.result as { data?: { account?: string } } | undefined)?.data?.account)
    }
  }))).toBe('在家中浴室洗澡时滑倒，右手腕着地，肿胀疼痛，由家人送来就诊')
  await page.reload()
  await expect(page.locator('input[name="place"]')).toHaveValue('昆明市五华区家中浴室')

  // Signing before reading says so, and the message goes the moment every commitment is confirmed.
  await page.locator('[data-test="trauma-submit"]').click()
  await expect(page.getByText('请逐条阅读并确认全部承诺内容')).toBeVisible()
  for (const box of await page.locator('[data-test="trauma-commitment"]').all())
    await box.click()
  await expect(page.getByText('请逐条阅读并确认全部承诺内容')).toBeHidden()
  await page.locator('[data-test="trauma-warning"]').click()
  await drawSignature(page)
  await page.screenshot({ path: testInfo.outputPath('trauma-form.png'), fullPage: true })
  await page.locator('[data-test="trauma-submit"]').click()
  await expect(page.locator('[data-test="trauma-signed"]')).toContainText('承诺书已签署')

  // Patient mode: the rest of the app is out of reach.
  await page.goto(`${app.url}/counter/audit`)
  await expect(page.getByRole('heading', { name: '外伤无第三方责任承诺书' })).toBeVisible()
  await expect(page.locator('[data-test="trauma-signed"]')).toBeHidden()

  await context.setOffline(false)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect.poll(async () => (await app.appliedActions()).filter(action => action.type === 'trauma.sign' && action.status === 'applied').length, { timeout: 20_000 }).toBe(1)
  // 外伤标志 = 是, 涉及第三方标志 = 否 on the admission it started from.
  const [admission] = await app.admissions()
  expect([Number(admission?.trauma_flag), Number(admission?.third_party_flag), admission?.trauma_commitment_id]).toEqual([1, 0, expect.any(String)])

  // Offline the staff password cannot be checked: a wrong PIN keeps the tablet locked, the right one opens it.
  await context.setOffline(true)
  await page.locator('[data-test="leave-patient-mode"]').click()
  await page.locator('[data-test="staff-password"] input').fill('1357')
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click()
  await expect(page.getByText('解锁码不正确')).toBeVisible()
  await page.locator('[data-test="staff-password"] input').fill('2468')
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click()
  await context.setOffline(false)
  await expect(page.locator('[data-test="trauma-state"]')).toHaveText('已同步', { timeout: 20_000 })

  await page.getByRole('link', { name: '查看 / 打印' }).click()
  await expect(page.getByRole('heading', { name: '外伤无第三方责任承诺书' })).toBeVisible()
  await expect(page.getByText(/SHA-256 摘要：[0-9a-f]{64}/)).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: testInfo.outputPath('trauma-commitment.pdf'), format: 'A4' })
  await page.screenshot({ path: testInfo.outputPath('trauma-print.png'), fullPage: true })

  // The patient, signed in on their own phone, finds the commitment signed under their 身份证号码.
  const phone = await page.context().browser()!.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  const mine = await phone.newPage()
  await signInInsured(mine, app.url, TRAVELLER)
  await mine.goto(`${app.url}/me/trauma`)
  await expect(mine.locator('[data-test="my-commitment"]')).toHaveCount(1)
  await expect(mine.locator('[data-test="my-commitment"]')).toContainText('昆明市五华区家中浴室')
  await phone.close()
})
