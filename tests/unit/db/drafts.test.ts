import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { YidiDatabase } from '../../../src/db/database'
import { discardDraft, loadDraft, saveDraft } from '../../../src/db/drafts'

let database: YidiDatabase
const persist = vi.fn(async () => true)

beforeEach(() => {
  database = new YidiDatabase(`drafts-${crypto.randomUUID()}`)
  persist.mockClear()
  vi.stubGlobal('navigator', { ...navigator, storage: { persist } })
})

afterEach(async () => {
  vi.unstubAllGlobals()
  await database.delete()
})

describe('drafts', () => {
  it('resumes a half-filled form after the app is opened again', async () => {
    await saveDraft(database, 'filing:new', { name: '张三', step: 2 })
    database.close()

    const reopened = new YidiDatabase(database.name)
    expect(await loadDraft(reopened, 'filing:new')).toEqual({ name: '张三', step: 2 })
    await discardDraft(reopened, 'filing:new')
    expect(await loadDraft(reopened, 'filing:new')).toBeUndefined()
    reopened.close()
  })

  it('asks for persistent storage on the first save only, never at load', async () => {
    expect(persist).not.toHaveBeenCalled()

    await saveDraft(database, 'a', 1)
    await saveDraft(database, 'b', 2)

    expect(persist).toHaveBeenCalledTimes(1)
  })
})
