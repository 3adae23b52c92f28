import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { YidiDatabase } from '../../../src/db/database'

let database: YidiDatabase | undefined

afterEach(async () => {
  await database?.delete()
  database = undefined
})

const entry = (id: string, createdAt: string, status: 'pending' | 'applied', payload: object = {}) =>
  ({ id, type: 'filing.create' as const, payload: payload as never, createdAt, status, attempts: 0 })

describe('local database', () => {
  it('opens at version 8 with exactly the tables the app keeps', async () => {
    database = new YidiDatabase(`schema-${crypto.randomUUID()}`)
    await database.open()

    expect(database.verno).toBe(8)
    expect(database.tables.map(table => table.name).toSorted()).toEqual(['attachments', 'drafts', 'filings', 'hospitals', 'locks', 'meta', 'outbox', 'trauma'])
    expect(database.outbox.schema.indexes.map(index => index.name).toSorted()).toEqual(['[status+createdAt]', 'createdAt', 'status', 'subject'])
  })

  it('finds pending outbox entries in creation order through its compound index', async () => {
    database = new YidiDatabase(`order-${crypto.randomUUID()}`)
    await database.outbox.bulkAdd([
      entry('b', '2026-11-22T02:00:00.000Z', 'pending'),
      entry('a', '2026-11-22T01:00:00.000Z', 'pending'),
      entry('c', '2026-11-22T00:30:00.000Z', 'applied'),
    ])

    const pending = await database.outbox
      .where('[status+createdAt]')
      .between(['pending', ''], ['pending', '\uFFFF'])
      .toArray()

    expect(pending.map(item => item.id)).toEqual(['a', 'b'])
  })

  it('an outbox written by the previous version finds each filing\'s actions after the upgrade', async () => {
    const name = `upgrade-${crypto.randomUUID()}`
    const previous = new Dexie(name)
    previous.version(3).stores({ outbox: 'id, createdAt, status, [status+createdAt]', drafts: 'key, updatedAt', filings: 'id, filingNumber, status, updatedAt', meta: 'key', attachments: 'id, createdAt', trauma: 'id, status, createdAt' })
    await previous.table('outbox').bulkAdd([
      entry('change', '2026-11-22T01:00:00.000Z', 'pending', { filingId: 'filing-1' }),
      entry('verify', '2026-11-22T02:00:00.000Z', 'pending', { verificationId: 'v-1' }),
    ])
    previous.close()

    database = new YidiDatabase(name)
    expect(await database.outbox.where('subject').equals('filing-1').primaryKeys()).toEqual(['change'])
    expect((await database.outbox.get('verify'))?.subject).toBeUndefined()
  })
})
