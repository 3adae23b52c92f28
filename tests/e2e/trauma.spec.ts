import { drawSignature } from './support/filingWizard.ts'
import { expect, test, waitForServiceWorker } from './support/fixtures.ts'
import { COUNTER_PASSWORD, signInCounter, signInInsured } from './support/signIn.ts'
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
  // The patient is told where it is: waiting for the network, then in the insurance system.
  await expect(page.locator('[data-test="trauma-sent-state"]')).toHaveText('当前没有网络，联网后自动提交。')
  await context.setOffline(false)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect(page.locator('[data-test="trauma-sent-state"]')).toHaveText('已提交到医保系统。', { timeout: 20_000 })

  // Patient mode: the rest of the app is out of reach.
  await page.goto(`${app.url}/counter/audit`)
  await expect(page.getByRole('heading', { name: '外伤无第三方责任承诺书' })).toBeVisible()
  await expect(page.locator('[data-test="trauma-signed"]')).toBeHidden()

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

test('patient mode holds the whole device: tabs open before, a new tab, and the browser opened again show only the patient\'s form with its draft; unlocking frees every tab', async ({ page, context, app }, testInfo) => {
  await seedFiling(app.url)
  await signInCounter(page, app)
  // A lookup, so the staff's own screens hold a patient's (masked) number.
  await page.getByLabel('身份证号码').fill(TRAVELLER.idNumber)
  await page.locator('input[name="name"]').fill(TRAVELLER.name)
  await page.locator('[data-test="verify-lookup"]').click()
  await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('可直接结算')
  const masked = `${TRAVELLER.idNumber.slice(0, 3)}${'*'.repeat(11)}${TRAVELLER.idNumber.slice(-4)}`
  await page.getByRole('link', { name: '核验记录', exact: true }).click()
  await expect(page.getByRole('cell', { name: masked })).toBeVisible()

  // A tab left open on the staff's list before the hand-over.
  const openBefore = await context.newPage()
  await openBefore.goto(`${app.url}/counter/audit`)
  await expect(openBefore.getByRole('cell', { name: masked })).toBeVisible()
  const insuredBefore = await context.newPage()
  await insuredBefore.goto(`${app.url}/me`)
  await expect(insuredBefore.getByRole('heading').first()).toBeVisible()

  // Tab A: the staff hand the tablet over; the patient starts typing.
  await page.getByRole('link', { name: '外伤承诺书' }).click()
  await page.locator('[data-test="start-trauma"]').click()
  await page.locator('[data-test="hand-over-pin"] input').fill('2468')
  await page.getByRole('button', { name: '进入患者模式' }).click()
  await expect(page.getByRole('heading', { name: '外伤无第三方责任承诺书' })).toBeVisible()
  await page.locator('input[name="place"]').fill('昆明市五华区家中浴室')
  await expect.poll(() => page.evaluate(() => new Promise<string | undefined>((resolve) => {
    const open = indexedDB.open('yidi')
    open.onsuccess = () => {
      const read = open.result.transaction('drafts').objectStore('drafts').get('trauma:new')
      read.onsuccess = () => resolve((read.result as { data?: { place?: string } } | undefined)?.data?.place)
    }
  }))).toBe('昆明市五华区家中浴室')

  // The tab open before follows at once: the list with the numbers is gone.
  await expect(openBefore.getByRole('heading', { name: '外伤无第三方责任承诺书' })).toBeVisible()
  await expect(openBefore.getByText(masked)).toHaveCount(0)
  await openBefore.close()
  await expect(insuredBefore.getByRole('heading', { name: '外伤无第三方责任承诺书' })).toBeVisible()
  await insuredBefore.close()

  // Tab B, opened after the lock on the staff's audit list: the patient's form, no one's number.
  const tabB = await context.newPage()
  await tabB.goto(`${app.url}/counter/audit`)
  await expect(tabB.getByRole('heading', { name: '外伤无第三方责任承诺书' })).toBeVisible()
  await expect(tabB.locator('input[name="place"]')).toHaveValue('昆明市五华区家中浴室')
  await expect(tabB.getByRole('heading', { name: '核验记录', exact: true })).toHaveCount(0)
  await expect(tabB.getByText(masked)).toHaveCount(0)
  await tabB.screenshot({ path: testInfo.outputPath('patient-mode-new-tab.png') })

  // The browser closed and opened again on the same storage: still locked, the draft still there.
  await page.close()
  await tabB.close()
  const reopened = await context.newPage()
  await reopened.goto(`${app.url}/counter/audit`)
  await expect(reopened.getByRole('heading', { name: '外伤无第三方责任承诺书' })).toBeVisible()
  await expect(reopened.locator('input[name="place"]')).toHaveValue('昆明市五华区家中浴室')
  const other = await context.newPage()
  await other.goto(`${app.url}/me`)
  await expect(other.getByRole('heading', { name: '外伤无第三方责任承诺书' })).toBeVisible()

  // The staff password in one tab frees both.
  await reopened.locator('[data-test="leave-patient-mode"]').click()
  await reopened.locator('[data-test="staff-password"] input').fill(COUNTER_PASSWORD)
  await reopened.getByRole('dialog').getByRole('button', { name: '确认' }).click()
  // Both tabs are back on the staff's list (its heading is the form's title too, so by its id).
  await expect(reopened.locator('#trauma-list-title')).toBeVisible()
  await expect(other.locator('#trauma-list-title')).toBeVisible()
  await other.goto(`${app.url}/counter/audit`)
  await expect(other.getByRole('cell', { name: masked })).toBeVisible()

  // The half-filled commitment is that patient's: no plain hand-over shows it to the next one.
  const unfinished = reopened.locator('[data-test="unfinished-trauma"]')
  await expect(unfinished).toContainText('未签完')
  await expect(reopened.locator('[data-test="start-trauma"]')).toHaveCount(0)
  await reopened.locator('[data-test="clear-trauma"]').click()
  await reopened.locator('[data-test="start-trauma"]').click()
  await reopened.locator('[data-test="hand-over-pin"] input').fill('1357')
  await reopened.getByRole('button', { name: '进入患者模式' }).click()
  await expect(reopened.locator('input[name="place"]')).toHaveValue('')
})
