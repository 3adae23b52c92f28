import { afterEach, describe, expect, it } from 'vitest'
import { applyRememberedElderMode, ELDER_MODE_CLASS, elderMode, setElderMode } from '../../../src/components/elderMode'

afterEach(() => {
  setElderMode(false)
  localStorage.clear()
})

describe('长辈模式 (large text, larger targets, as the 国家医保服务平台 app offers)', () => {
  it('is off on a device that never chose it', () => {
    applyRememberedElderMode()
    expect(elderMode.value).toBe(false)
    expect(document.documentElement.classList.contains(ELDER_MODE_CLASS)).toBe(false)
  })

  it('turned on, applies at once and is applied again at the next start (a reload)', () => {
    setElderMode(true)
    expect(document.documentElement.classList.contains(ELDER_MODE_CLASS)).toBe(true)
    // A reload: a fresh page with only what the device kept.
    document.documentElement.classList.remove(ELDER_MODE_CLASS)
    applyRememberedElderMode()
    expect(elderMode.value).toBe(true)
    expect(document.documentElement.classList.contains(ELDER_MODE_CLASS)).toBe(true)
  })

  it('turned off, stays off after the next start', () => {
    setElderMode(true)
    setElderMode(false)
    applyRememberedElderMode()
    expect(elderMode.value).toBe(false)
    expect(document.documentElement.classList.contains(ELDER_MODE_CLASS)).toBe(false)
  })
})
