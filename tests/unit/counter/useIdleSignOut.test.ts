import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h } from 'vue'
import { useIdleSignOut } from '../../../src/features/counter/useIdleSignOut'

describe('a counter left idle signs out by itself', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function mountWith(signOut: () => void, idleMs: number) {
    const app = createApp(defineComponent({ setup: () => {
      useIdleSignOut(signOut, idleMs)
      return () => h('div')
    } }))
    app.mount(document.createElement('div'))
    return app
  }

  it('after the idle time with no touch or key press', () => {
    const signOut = vi.fn()
    const app = mountWith(signOut, 15 * 60_000)
    vi.advanceTimersByTime(15 * 60_000 - 1)
    expect(signOut).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(signOut).toHaveBeenCalledOnce()
    app.unmount()
  })

  it('each key press or touch starts the wait again', () => {
    const signOut = vi.fn()
    const app = mountWith(signOut, 60_000)
    vi.advanceTimersByTime(50_000)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    vi.advanceTimersByTime(50_000)
    window.dispatchEvent(new Event('pointerdown'))
    vi.advanceTimersByTime(50_000)
    expect(signOut).not.toHaveBeenCalled()
    vi.advanceTimersByTime(10_000)
    expect(signOut).toHaveBeenCalledOnce()
    app.unmount()
  })

  it('stops watching when the counter area is left', () => {
    const signOut = vi.fn()
    mountWith(signOut, 1000).unmount()
    vi.advanceTimersByTime(5000)
    expect(signOut).not.toHaveBeenCalled()
  })
})
