import { afterAll, beforeAll, expect, it } from 'vitest'
import { compiledOnce } from '../../../server/store/compiledOnce.ts'
import type { Store } from '../../../server/store/index.ts'
import { writeTransaction } from '../../../server/store/writeTransaction.ts'
import { describeEachStore } from '../support/stores.ts'

const insertCounter = compiledOnce<{ prefix: string, start: number }>(
  ['prefix', 'start'],
  (db, { prefix, start }) => db.insertInto('filing_number_counters').values({ prefix, last: start }),
)
const countersFrom = compiledOnce<{ prefix: string }, { prefix: string, last: number }>(
  ['prefix'],
  (db, { prefix }) => db.selectFrom('filing_number_counters').select(['prefix', 'last']).where('prefix', '>=', prefix).where('last', '<', 1_000).orderBy('prefix'),
)

describeEachStore('queries compiled once per connection', ({ openTestStore }) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore()
  })
  afterAll(() => store.close())

  it('runs with each call\'s own parameters, keeps the constants it was built with, and sees the transaction\'s own writes', async () => {
    const seen = await writeTransaction(store, async (db) => {
      for (const [prefix, start] of [['b', 2], ['a', 1], ['c', 3], ['big', 5_000]] as const)
        await insertCounter(db, { prefix, start })
      return (await countersFrom(db, { prefix: 'b' })).rows
    })
    expect(seen.map(row => [row.prefix, Number(row.last)])).toEqual([['b', 2], ['c', 3]])
    // A new connection compiles again and reads what was committed.
    expect((await countersFrom(store.db, { prefix: 'a' })).rows.map(row => row.prefix)).toEqual(['a', 'b', 'c'])
  })

  it('refuses a parameter that the key list leaves out, instead of dropping its column', async () => {
    const sloppy = compiledOnce<{ prefix: string, last: number }>(['prefix'], (db, row) => db.insertInto('filing_number_counters').values(row))
    await expect(sloppy(store.db, { prefix: 'z', last: 4 })).rejects.toThrow('parameters not listed in keys: last')
  })
})
