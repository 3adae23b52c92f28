import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useWakeLock } from '../../../src/components/useWakeLock'

afterEach(() => {
  Reflect.deleteProperty(navigator, 'wakeLock')
})

const settle = () => new Promise(resolve => setTimeout(resolve, 0))

describe('keeping the screen on while the QR is full screen', () => {
  it('takes a screen wake lock while shown and releases it when closed', async () => {
    const release = vi.fn(async () => undefined)
    const request = vi.fn(async () => ({ release }))
    Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true })
    const scope = effectScope()
    scope.run(() => useWakeLock())
    await settle()
    expect(request).toHaveBeenCalledWith('screen')
    scope.stop()
    expect(release).toHaveBeenCalledOnce()
  })

  it('shows the QR anyway where the browser has no wake lock or refuses one', async () => {
    expect(() => effectScope().run(() => useWakeLock())).not.toThrow()
    Object.defineProperty(navigator, 'wakeLock', { value: { request: vi.fn(async () => { throw new DOMException('battery saver', 'NotAllowedError') }) }, configurable: true })
    const scope = effectScope()
    scope.run(() => useWakeLock())
    await settle()
    expect(() => scope.stop()).not.toThrow()
  })
})
