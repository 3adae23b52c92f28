import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DATABASE_NAME } from '../../../src/db/databaseName'

// The module remembers its answer for the page's life: each test loads it afresh, as a new page.
beforeEach(() => {
  vi.resetModules()
})

afterEach(async () => {
  vi.unstubAllGlobals()
  await new Promise(resolve => indexedDB.deleteDatabase(DATABASE_NAME).addEventListener('success', resolve))
})

const tick = () => new Promise(resolve => setTimeout(resolve, 30))

/** Whether the promise has settled within a short while. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false
  void promise.then(() => (done = true))
  await tick()
  return done
}

describe('waiting for the device\'s database', () => {
  it('a first visit (no database on the device) waits, and creates none, until the app opens it for something', async () => {
    const { whenDatabaseInUse } = await import('../../../src/db/databaseInUse')
    const inUse = whenDatabaseInUse()
    expect(await settled(inUse)).toBe(false)
    expect((await indexedDB.databases()).map(database => database.name)).not.toContain(DATABASE_NAME)

    // A sign-in, a draft or an action loads the database module.
    await import('../../../src/db/database')
    expect(await settled(inUse)).toBe(true)
  })

  it('a device that already holds the database goes on at once', async () => {
    await new Promise(resolve => indexedDB.open(DATABASE_NAME).addEventListener('success', (event) => {
      ;(event.target as IDBOpenDBRequest).result.close()
      resolve(undefined)
    }))
    const { whenDatabaseInUse } = await import('../../../src/db/databaseInUse')
    expect(await settled(whenDatabaseInUse())).toBe(true)
  })

  it('a browser that cannot list its databases goes on at once, as if the database were there', async () => {
    vi.stubGlobal('indexedDB', { ...indexedDB, open: indexedDB.open.bind(indexedDB), databases: undefined })
    const { whenDatabaseInUse } = await import('../../../src/db/databaseInUse')
    expect(await settled(whenDatabaseInUse())).toBe(true)
  })
})
