import { insuredRecordSchema } from '../../src/domain/schemas/registry.ts'
import { fillWho, next, pickDestination } from './support/filingWizard.ts'
import { expect, test } from './support/fixtures.ts'
import { signInInsured } from './support/signIn.ts'

test.use({ viewport: { width: 390, height: 844 } })

/** Someone insured in 湛江, referred on from a hospital there. */
const REFERRED = { name: '陈转诊', idNumber: '44088219800101003X', phone: '13812340003' }
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64')

test('湛江 二(六): the referring hospital is picked from 湛江\'s list by its code, and the filing, its page and its print name it', async ({ page, app }, testInfo) => {
  await app.enrol([insuredRecordSchema.parse({ ...REFERRED, sex: 'male', insuredRegion: '440800', insuranceType: 'employee', phones: [REFERRED.phone], validFrom: '2000-01-01' })])
  await signInInsured(page, app.url, REFERRED)
  await page.goto(`${app.url}/filing/new/1`)
  await fillWho(page, REFERRED, '湛江市')
  await next(page)
  await page.getByText('异地转诊就医人员', { exact: true }).click()
  await next(page)
  await pickDestination(page)
  await next(page)
  await next(page)

  // The 参保地's hospitals that may refer, the nine 二(六) names among them, then "another hospital".
  const referrers = page.locator('[data-test="referrers"]')
  await expect(referrers.getByRole('radio')).toHaveCount(10)
  await referrers.getByText('雷州市人民医院', { exact: true }).click()
  await expect(page.locator('input[name="referringHospital"]')).toHaveCount(0)
  await page.locator('[data-test="material-file"]').setInputFiles({ name: '转诊转院证明.png', mimeType: 'image/png', buffer: PNG })
  await expect(page.getByText('转诊转院证明.png')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('referral-picked.png'), fullPage: true })
  await next(page)
  await expect(page.getByText('雷州市人民医院')).toBeVisible()
  await next(page)

  await expect(page.locator('[data-test="filing-status"]')).toHaveText('有效', { timeout: 20_000 })
  await expect(page.locator('[data-test="filing-referrer"]')).toContainText('雷州市人民医院')
  expect((await app.appliedActions()).filter(entry => entry.type === 'filing.create')).toEqual([expect.objectContaining({ status: 'applied' })])
  await page.locator('[data-test="print-filing"]').click()
  await expect(page.locator('.print-sheet, main').first()).toContainText('雷州市人民医院')
})
