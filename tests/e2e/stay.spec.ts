import { AxeBuilder } from '@axe-core/playwright'
import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { NO_ACCUMULATORS } from '../../src/domain/money/settle.ts'
import { settleInpatient } from '../../src/domain/money/settleInpatient.ts'
import { stayBill } from '../../src/domain/money/stayBill.ts'
import { formatYuan } from '../../src/domain/money/yuan.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import { expect, test, waitForServiceWorker } from './support/fixtures.ts'
import { signInCounter } from './support/signIn.ts'
import { seedFiling, TRAVELLER } from './support/seedFiling.ts'

test.use({ viewport: { width: 1280, height: 800 } })

const line = (coveredFen: number, selfFundedFen: number) => ({ id: 'line-1', coveredFen, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen })

test('a stay from admission through a 外院检查治疗或购药单 to a discharge settled offline and the printed 住院结算单 (001 第三十三条, annexes 12 and 13)', async ({ page, context, app }, testInfo) => {
  await seedFiling(app.url)
  await signInCounter(page, app)
  await waitForServiceWorker(page)
  // 入院登记 after the filing check.
  await page.getByLabel('身份证号码').fill(TRAVELLER.idNumber)
  await page.locator('input[name="name"]').fill(TRAVELLER.name)
  await page.locator('[data-test="verify-lookup"]').click()
  await expect(page.locator('[data-test="admission-outcome"]')).toHaveText('可直接结算')
  await page.locator('[data-test="admit"]').click()
  await expect(page.locator('[data-test="admitted"]')).toBeVisible()
  await expect.poll(async () => (await app.appliedActions()).filter(action => action.type === 'admission.record' && action.status === 'applied').length, { timeout: 20_000 }).toBe(1)

  // The patient in hospital, with the 参保地 and the ratio cut the server found.
  await page.getByRole('link', { name: '住院与出院结算' }).click()
  await page.locator('[data-test="open-stay"]').filter({ hasText: TRAVELLER.name }).click()
  await expect(page.locator('[data-test="stay-coverage"]')).toContainText('长春市')
  const cut = policyFor('220100').ratioCutPoints.otherTemporary
  await expect(page.locator('[data-test="stay-coverage"]')).toContainText(`降低 ${cut} 个百分点`)

  // Annex 12: the slip is issued and printed from the server's record.
  await page.locator('[data-test="slip-new"]').click()
  await page.locator('input[name="slipDepartment"]').fill('骨科')
  await page.locator('input[name="slipDiagnosis"]').fill('右桡骨远端骨折')
  await page.locator('input[name="slipOutsideName"]').fill('昆明医科大学第一附属医院')
  await page.locator('textarea[name="slipItems"]').fill('右腕关节磁共振成像')
  await page.locator('textarea[name="slipReason"]').fill('本院磁共振设备检修')
  await page.locator('[data-test="slip-issue"]').click()
  await expect(page.locator('[data-test="slip-card"]')).toContainText('昆明医科大学第一附属医院')
  await expect.poll(async () => (await app.appliedActions()).filter(action => action.type === 'outsideSlip.issue' && action.status === 'applied').length, { timeout: 20_000 }).toBe(1)
  await page.locator('[data-test="slip-card"]').getByRole('link', { name: '打印此单' }).click()
  const slipPrint = page.locator('[data-test="slip-print"]')
  await expect(slipPrint).toContainText('住院期间外院检查治疗或定点药店购药单')
  for (const text of [TRAVELLER.name, '男', '骨科', TRAVELLER.idNumber, '右桡骨远端骨折', '右腕关节磁共振成像', '本院磁共振设备检修', '医疗保险办公室盖章'])
    await expect(slipPrint).toContainText(text)
  await page.screenshot({ path: testInfo.outputPath('outside-slip.png'), fullPage: true })
  await page.getByRole('link', { name: '返回该患者' }).click()

  // Offline from here: the slip's costs come back, and the discharge split shows at once.
  await context.setOffline(true)
  await page.locator('[data-test="slip-card"] input[name$="covered-0"]').fill('680')
  await page.locator('[data-test="slip-costs-submit"]').click()
  await expect(page.locator('[data-test="slip-costs"]')).toContainText('680.00')
  await page.locator('input[name="admissionNumber"]').fill('ZY20260001')
  await page.locator('input[name="department"]').fill('骨科')
  await page.locator('input[name="diagnosis"]').fill('右桡骨远端骨折')
  await page.locator('input[name="discharge-covered-0"]').fill('12000')
  await page.locator('input[name="discharge-selfFunded-0"]').fill('350.50')
  const today = chinaDateOf(new Date())
  const policy = policyFor('220100')
  const expected = settleInpatient(
    // Line ids do not change the money; the slip's own id is the server's business.
    stayBill([line(1_200_000, 35_050)], [{ slipId: 'slip', items: [line(68_000, 0)] }]),
    policy.inpatient.employee,
    () => NO_ACCUMULATORS,
    { hospitalLevel: 'secondary', ratioCutPoints: cut, admissionDate: today, dischargeDate: today, crossYearStay: policy.crossYearStay },
  )
  const preview = page.locator('[data-test="discharge-preview"]')
  await expect(preview.locator('[data-test="split-total"]')).toContainText(formatYuan(expected.totalFen))
  await expect(preview.locator('[data-test="split-fund"]')).toContainText(formatYuan(expected.fundPaidFen))
  await expect(preview.locator('[data-test="split-cash"]')).toContainText(formatYuan(expected.cashPaidFen))
  await page.screenshot({ path: testInfo.outputPath('discharge-offline.png'), fullPage: true })
  // The stay's screen, slip and discharge form and split included, meets WCAG 2 AA.
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(violations.map(violation => `${violation.id}: ${violation.nodes.map(node => node.target.join(' ')).join(', ')}`)).toEqual([])
  await page.locator('[data-test="discharge-submit"]').click()
  await expect(page.locator('[data-test="discharge-sent"]')).toContainText('等待联网')

  // Back online: the server settles the stay, outside costs included, and confirms the device's split.
  await context.setOffline(false)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect(page.locator('[data-test="discharge-same"]')).toBeVisible({ timeout: 20_000 })
  await expect(page.locator('[data-test="discharge-server"] [data-test="split-fund"]')).toContainText(formatYuan(expected.fundPaidFen))

  // Annex 13, from the server's record, with both identities of the slip.
  await page.locator('[data-test="discharge-print"]').click()
  const print = page.locator('[data-test="inpatient-print"]')
  await expect(print).toContainText('跨省异地就医住院结算单')
  for (const text of [TRAVELLER.name, TRAVELLER.idNumber, '长春市', '昆明市', '昆明市第一人民医院', '二级', '普通', 'ZY20260001', '骨科', '右桡骨远端骨折', today])
    await expect(print).toContainText(text)
  await expect(print.locator('[data-test="print-days"]')).toHaveText('1')
  await expect(print.locator('[data-test="print-total"]')).toHaveText(formatYuan(expected.totalFen))
  await expect(print.locator('[data-test="print-outside"]')).toHaveText('680.00')
  await expect(print.locator('[data-test="print-fund"]')).toHaveText(formatYuan(expected.fundPaidFen))
  await expect(print.locator('[data-test="print-cash"]')).toHaveText(formatYuan(expected.cashPaidFen))
  await expect(print.locator('[data-test="print-deductible"]')).toHaveText(formatYuan(expected.deductibleFen))
  expect(expected.fundPaidFen + expected.cashPaidFen).toBe(expected.totalFen)
  await page.screenshot({ path: testInfo.outputPath('inpatient-slip.png'), fullPage: true })

  // The settled stay leaves the patients in hospital; its slip can be printed again from the list.
  await page.getByRole('link', { name: '返回在院患者' }).click()
  await expect(page.locator('[data-test="settled-stay"]')).toContainText(TRAVELLER.name)
  await expect(page.locator('[data-test="open-stay"]')).toHaveCount(0)
})
