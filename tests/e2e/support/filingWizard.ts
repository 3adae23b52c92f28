import { expect, type Page } from '@playwright/test'

/** A person as the wizard asks for them; the ID number is the GB 11643 standard example. */
export const PERSON = {
  name: '张三',
  idNumber: '11010519491231002X',
  phone: '13812345678',
  homeAddress: '云南省昆明市五华区人民中路 1 号',
  address: '广东省广州市天河区体育西路 2 号',
}

/** Picks a province and city in a RegionPicker; `confirm` is the picker's button in the UI language. */
export async function pickRegion(page: Page, label: string, province: string, city: string, confirm = '确认') {
  await page.locator('.van-field').filter({ hasText: label }).first().click()
  const popup = page.locator('.van-popup').filter({ has: page.locator('.van-picker') }).last()
  await popup.locator('.van-picker-column').nth(0).getByText(province, { exact: true }).click()
  await page.waitForTimeout(350)
  await popup.locator('.van-picker-column').nth(1).getByText(city, { exact: true }).click()
  await page.waitForTimeout(350)
  await popup.getByRole('button', { name: confirm }).click()
}

/** Draws a two-stroke signature with the mouse, like a person signing. */
export async function drawSignature(page: Page) {
  await page.locator('[data-test="signature-canvas"]').scrollIntoViewIfNeeded()
  const box = await page.locator('[data-test="signature-canvas"]').boundingBox()
  if (!box)
    throw new Error('no signature pad on the page')
  for (const row of [0.35, 0.65]) {
    await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * row)
    await page.mouse.down()
    for (let step = 1; step <= 20; step++)
      await page.mouse.move(box.x + box.width * (0.15 + step * 0.035), box.y + box.height * (row + Math.sin(step / 2) * 0.08))
    await page.mouse.up()
  }
}

/**
 * Clicks 下一步 and waits until the move has settled — the next step both on screen and in the
 * address, the same step showing why it cannot go on, or the wizard left after filing — so the
 * following click never lands mid-transition.
 */
export async function next(page: Page) {
  const progress = page.locator('.wizard__progress')
  const before = await progress.getAttribute('aria-valuenow')
  await page.locator('[data-test="wizard-next"]').click()
  await expect.poll(async () => {
    if (!page.url().includes('/filing/new'))
      return true
    const shown = await progress.getAttribute('aria-valuenow', { timeout: 500 }).catch(() => null)
    const inAddress = /\/filing\/new\/(\d)/.exec(page.url())?.[1] ?? '1'
    if (shown !== before && shown === inAddress)
      return true
    return page.locator('.van-field__error-message, [role="alert"]').first().isVisible().catch(() => false)
  }).toBe(true)
}

/**
 * Step 1 for oneself, signed in: 姓名 and 身份证号码 come filled in, and 参保地 and 险种 are shown
 * from the registry (`insuredIn`: the signed-in person's city on record), not asked for.
 */
export async function fillWho(page: Page, who: Pick<typeof PERSON, 'name' | 'idNumber' | 'phone'> = PERSON, insuredIn = '昆明市') {
  const onRecord = page.locator('[data-test="insurance-on-record"]')
  await expect(onRecord).toContainText(insuredIn)
  await expect(page.locator('input[name="name"]')).not.toHaveValue('')
  await expect(page.locator('input[name="idNumber"]')).not.toHaveValue('')
  await fillPerson(page, who)
}

/** Step 1 before signing in: everything typed, 险种 and 参保地 chosen (the server checks them against the record). */
export async function fillWhoSignedOut(page: Page, who: Pick<typeof PERSON, 'name' | 'idNumber' | 'phone'> = PERSON) {
  await fillPerson(page, who)
  await page.getByText('职工医保', { exact: true }).click()
  await pickRegion(page, '参保地', '云南省', '昆明市')
}

async function fillPerson(page: Page, who: Pick<typeof PERSON, 'name' | 'idNumber' | 'phone'>) {
  await page.locator('input[name="name"]').fill(who.name)
  await page.locator('input[name="idNumber"]').fill(who.idNumber)
  await page.locator('input[name="phone"]').fill(who.phone)
  await page.locator('textarea[name="homeAddress"]').fill(PERSON.homeAddress)
}

/** Step 3: 广州 as 就医地 and an address there. */
export async function pickDestination(page: Page) {
  await pickRegion(page, '就医地', '广东省', '广州市')
  await page.locator('textarea[name="address"]').fill(PERSON.address)
}

/** Steps 2 and 3, ending on step 4. */
export async function fillCategoryAndDestination(page: Page) {
  await page.getByText('异地长期居住人员', { exact: true }).click()
  await next(page)
  await pickDestination(page)
  await next(page)
}

export async function signPromise(page: Page) {
  await page.getByText('我已阅读并了解《备案告知书》', { exact: true }).click()
  for (const box of await page.locator('[data-test="commitment"]').all())
    await box.click()
  await drawSignature(page)
}
