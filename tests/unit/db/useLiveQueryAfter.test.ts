import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { db } from '../../../src/db/database'
import { DATABASE_NAME } from '../../../src/db/databaseName'
import { readRecordWithoutDexie } from '../../../src/db/existingDatabase'
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

  it('draws the record from a plain read before Dexie loads, then follows Dexie\'s live answers', async () => {
    await db.drafts.put({ key: KEY, data: { name: '张三' }, updatedAt: '2026-11-24T08:00:00Z' })
    const { ready, drawn } = firstScreen()
    const scope = effectScope()
    const { data } = scope.run(() => useLiveQueryAfter(
      ready,
      database => database.drafts.get(KEY).then(draft => draft?.data ?? null),
      undefined,
      () => readRecordWithoutDexie<{ data: unknown }>('drafts', KEY).then(draft => (draft === undefined ? undefined : draft?.data ?? null)),
    ))!
    await vi.waitFor(() => expect(data.value).toEqual({ name: '张三' }))

    drawn()
    await db.drafts.put({ key: KEY, data: { name: '李四' }, updatedAt: '2026-11-24T09:00:00Z' })
    await vi.waitFor(() => expect(data.value).toEqual({ name: '李四' }))
    scope.stop()
  })
})

describe('reading one record without Dexie', () => {
  it('gives the record Dexie stored, and null for a record or a table the device does not have', async () => {
    await db.drafts.put({ key: KEY, data: { name: '张三' }, updatedAt: '2026-11-24T08:00:00Z' })
    expect(await readRecordWithoutDexie('drafts', KEY)).toEqual({ key: KEY, data: { name: '张三' }, updatedAt: '2026-11-24T08:00:00Z' })
    expect(await readRecordWithoutDexie('drafts', 'filing:other')).toBeNull()
    expect(await readRecordWithoutDexie('no-such-table', KEY)).toBeNull()
  })

  it('on a device without the database answers null and creates none', async () => {
    db.close()
    await db.delete()
    expect(await readRecordWithoutDexie('filings', 'any')).toBeNull()
    expect((await indexedDB.databases()).map(database => database.name)).not.toContain(DATABASE_NAME)
    await db.open()
  })
})
