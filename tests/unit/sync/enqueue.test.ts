import { afterEach, describe, expect, it } from 'vitest'
import type { YidiDatabase } from '../../../src/db/database'
import { enqueue } from '../../../src/sync/enqueue'
import { InvalidActionError } from '../../../src/sync/invalidAction'
import type { LocalEffects } from '../../../src/sync/localEffects'
import { freshDatabase, verificationPayload } from './fixtures'

let database: YidiDatabase
afterEach(async () => {
  await database.delete()
})

describe('enqueue', () => {
  it('writes a pending outbox entry with a UUID and the validated payload', async () => {
    database = freshDatabase()
    const id = await enqueue(database, 'counter.verify.logged', { ...verificationPayload(), idNumber: '11010519491231002x' })

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    const entry = await database.outbox.get(id)
    expect(entry?.status).toBe('pending')
    // The rulebook schema normalised the ID number before it was stored.
    expect(entry?.payload).toMatchObject({ idNumber: '11010519491231002X' })
  })

  it('refuses an invalid payload with the field and reason, and stores nothing', async () => {
    database = freshDatabase()
    const attempt = enqueue(database, 'counter.verify.logged', { ...verificationPayload(), idNumber: '110105194912310021' })

    await expect(attempt).rejects.toBeInstanceOf(InvalidActionError)
    await expect(attempt).rejects.toMatchObject({ reason: { field: 'idNumber', code: 'invalid_id_number' } })
    expect(await database.outbox.count()).toBe(0)
  })

  it('writes the entry and its optimistic record together, or neither when one write fails', async () => {
    database = freshDatabase()
    const writesThenFails: LocalEffects = {
      'counter.verify.logged': {
        tables: db => [db.filings],
        async optimistic(db, entry) {
          await db.filings.add({ id: entry.id, status: 'pending', record: entry.payload as never, updatedAt: entry.createdAt })
          throw new Error('disk full')
        },
      },
    }

    await expect(enqueue(database, 'counter.verify.logged', verificationPayload(), { effects: writesThenFails })).rejects.toThrow('disk full')

    expect(await database.outbox.count()).toBe(0)
    expect(await database.filings.count()).toBe(0)
  })

  it('keeps the order the person acted in, even within one millisecond or with the clock set back', async () => {
    database = freshDatabase()
    const frozen = new Date('2026-11-22T08:00:00.000Z')
    const ids = [
      await enqueue(database, 'counter.verify.logged', verificationPayload(1), { now: () => frozen }),
      await enqueue(database, 'counter.verify.logged', verificationPayload(2), { now: () => frozen }),
      await enqueue(database, 'counter.verify.logged', verificationPayload(3), { now: () => new Date('2026-11-21T00:00:00.000Z') }),
    ]

    const ordered = await database.outbox.orderBy('createdAt').primaryKeys()
    expect(ordered).toEqual(ids)
  })
})
