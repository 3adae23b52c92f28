import { afterEach, describe, expect, it } from 'vitest'
import { YidiDatabase } from '../../../src/db/database'

let database: YidiDatabase | undefined

afterEach(async () => {
  await database?.delete()
  database = undefined
})

describe('local database', () => {
  it('opens its versioned schema with the outbox, drafts, filings and meta tables', async () => {
    database = new YidiDatabase(`schema-${crypto.randomUUID()}`)
    await database.open()

    expect(database.verno).toBeGreaterThanOrEqual(1)
    expect(database.tables.map(table => table.name)).toEqual(expect.arrayContaining(['outbox', 'drafts', 'filings', 'meta']))
  })

  it('finds pending outbox entries in creation order through its compound index', async () => {
    database = new YidiDatabase(`order-${crypto.randomUUID()}`)
    await database.outbox.bulkAdd([
      { id: 'b', type: 'filing.create', payload: {}, createdAt: '2026-11-22T02:00:00.000Z', status: 'pending', attempts: 0 },
      { id: 'a', type: 'filing.create', payload: {}, createdAt: '2026-11-22T01:00:00.000Z', status: 'pending', attempts: 0 },
      { id: 'c', type: 'filing.cancel', payload: {}, createdAt: '2026-11-22T00:30:00.000Z', status: 'applied', attempts: 1 },
    ])

    const pending = await database.outbox
      .where('[status+createdAt]')
      .between(['pending', ''], ['pending', '\uFFFF'])
      .toArray()

    expect(pending.map(entry => entry.id)).toEqual(['a', 'b'])
  })
})
