import { describe, expect, it } from 'vitest'
import { chromiumPath, missingChromium } from '../../e2e/support/chromium.ts'

describe('the browser gate checks for Chromium first', () => {
  it('names the path, how to install Chromium and CHROMIUM_PATH when it is missing', () => {
    const problem = missingChromium(chromiumPath({ CHROMIUM_PATH: '/nonexistent/chromium' }))
    expect(problem).toContain('/nonexistent/chromium')
    expect(problem).toContain('apt-get install chromium')
    expect(problem).toContain('CHROMIUM_PATH')
  })

  it('finds nothing wrong with an executable that is there', () => {
    expect(missingChromium(process.execPath)).toBeUndefined()
    expect(chromiumPath({})).toBe('/usr/bin/chromium')
  })
})
