import type { Page } from '@playwright/test'
import { expect, test, watchPageProblems } from './support/fixtures.ts'
import { signInCounter } from './support/signIn.ts'

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

test.describe('layouts', () => {
  test('the insured area fits a 390×844 phone without horizontal scroll', async ({ page, app }, testInfo) => {
    const problems = watchPageProblems(page)
    await page.setViewportSize({ width: 390, height: 844 })
    for (const path of ['/filing', '/lookup', '/refund', '/me']) {
      await page.goto(`${app.url}${path}`)
      await expect(page.locator('[data-test="tab-bar"]')).toBeVisible()
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0)
      await page.screenshot({ path: testInfo.outputPath(`insured${path.replace('/', '-')}.png`) })
    }
    // Tab targets are large enough for a thumb.
    const box = await page.locator('[data-test="tab-bar"] a').first().boundingBox()
    expect(box?.height).toBeGreaterThanOrEqual(44)
    expect(problems).toEqual([])
  })

  test('nothing on a first visit\'s screen moves once drawn (the icons\' font arrives after the first paint)', async ({ page, app }) => {
    await page.setViewportSize({ width: 412, height: 823 })
    await page.addInitScript(() => {
      const shifts: string[] = []
      Object.assign(window, { layoutShifts: shifts })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number, sources: { node?: Node }[] })[])
          shifts.push(`${entry.value.toFixed(4)}: ${entry.sources.map(source => (source.node as Element | undefined)?.className).join(', ')}`)
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await page.goto(`${app.url}/`)
    await expect(page.locator('[data-test="tab-bar"] .van-icon').first()).toBeVisible()
    await page.evaluate(() => document.fonts.ready)
    // The 长辈模式 switch joins after the first screen: its row is kept for it.
    await expect(page.getByRole('switch')).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts)).toEqual([])
  })

  test('the counter area is laid out for a 1280×800 screen', async ({ page, app }, testInfo) => {
    const problems = watchPageProblems(page)
    await page.setViewportSize({ width: 1280, height: 800 })
    await signInCounter(page, app)

    await expect(page.getByRole('heading', { name: '医保窗口工作台' })).toBeVisible()
    await expect(page.getByRole('navigation')).toBeVisible()
    await expect(page.locator('[data-test="counter-hospital"]')).toBeVisible()
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    const nav = await page.getByRole('navigation').boundingBox()
    const main = await page.locator('main').boundingBox()
    // Navigation and work area sit side by side, not stacked as on a phone.
    expect(nav && main && main.x >= nav.x + nav.width).toBe(true)
    await page.screenshot({ path: testInfo.outputPath('counter.png') })
    expect(problems).toEqual([])
  })

  test('every counter screen fits a tablet either way up and a phone, with the menu within reach', async ({ page, app }, testInfo) => {
    await signInCounter(page, app)
    for (const [width, height] of [[1024, 768], [768, 1024], [390, 844]] as const) {
      await page.setViewportSize({ width, height })
      for (const path of ['/counter', '/counter/trauma', '/counter/settle', '/counter/refunds', '/counter/audit']) {
        await page.goto(`${app.url}${path}`)
        await expect(page.locator('main h2').first()).toBeVisible()
        expect(await horizontalOverflow(page), `${path} at ${width}×${height}`).toBeLessThanOrEqual(0)
      }
      const link = await page.getByRole('navigation').getByRole('link').first().boundingBox()
      expect(link?.height, `menu links at ${width}×${height}`).toBeGreaterThanOrEqual(44)
      await page.screenshot({ path: testInfo.outputPath(`counter-${width}x${height}.png`) })
    }
  })
})
