import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { db } from '../../../src/db/database'
import { useLiveQueryAfter } from '../../../src/db/useLiveQueryAfter'

const KEY = 'filing:new'

afterEach(async () => {
  await db.drafts.clear()
})

/** A promise and the function that resolves it: the first screen being drawn. */
function firstScreen(): { ready: Promise<void>, drawn: () => void } {
  let drawn = () => {}
  const ready = new Promise<void>((resolve) => {
    drawn = resolve
  })
  return { ready, drawn }
}

const tick = () => new Promise(resolve => setTimeout(resolve, 30))

describe('reading the device\'s database after the first screen', () => {
  it('shows the initial value until the screen is drawn, then the stored draft, and follows later changes', async () => {
    await db.drafts.put({ key: KEY, data: { name: '张三' }, updatedAt: '2026-11-24T08:00:00Z' })
    const { ready, drawn } = firstScreen()
    const scope = effectScope()
    const { data } = scope.run(() => useLiveQueryAfter(ready, database => database.drafts.get(KEY).then(draft => draft?.data), 'none' as unknown))!
    await tick()
    expect(data.value).toBe('none')

    drawn()
    await vi.waitFor(() => expect(data.value).toEqual({ name: '张三' }))
    await db.drafts.delete(KEY)
    await vi.waitFor(() => expect(data.value).toBeUndefined())
    scope.stop()
  })

  it('never reads for a screen that was left before it was drawn', async () => {
    const { ready, drawn } = firstScreen()
    const scope = effectScope()
    const { data } = scope.run(() => useLiveQueryAfter(ready, database => database.drafts.count(), -1))!
    scope.stop()
    drawn()
    await db.drafts.put({ key: KEY, data: {}, updatedAt: '2026-11-24T08:00:00Z' })
    await tick()
    expect(data.value).toBe(-1)
  })
})
