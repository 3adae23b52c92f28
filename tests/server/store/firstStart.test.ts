import { expect, it } from 'vitest'
import { ensureFirstStaffAccount } from '../../../server/auth/staffAccounts.ts'
import type { Store } from '../../../server/store/index.ts'
import { describeEachStore } from '../support/stores.ts'

/** What `main()` does before it listens: open the store (migrations), then the first account. */
async function start(open: () => Promise<Store>): Promise<{ store: Store, printed: boolean }> {
  const store = await open()
  return { store, printed: (await ensureFirstStaffAccount(store.db, '530100')) !== undefined }
}

describeEachStore('first start', ({ createTestDatabase }) => {
  it('two instances starting at once on an empty database both come up, and exactly one creates and prints counter1', async () => {
    for (let round = 0; round < 3; round++) {
      const database = await createTestDatabase()
      const started = await Promise.all([start(database.open), start(database.open)])
      expect(started.filter(instance => instance.printed)).toHaveLength(1)
      const accounts = await started[0]!.store.db.selectFrom('staff_accounts').select('username').execute()
      expect(accounts).toEqual([{ username: 'counter1' }])
      await Promise.all(started.map(instance => instance.store.close()))
      await database.drop()
    }
  })

  it('a database that has a counter account gets no new one on start', async () => {
    const database = await createTestDatabase()
    const first = await start(database.open)
    const again = await start(database.open)
    expect([first.printed, again.printed]).toEqual([true, false])
    await Promise.all([first.store.close(), again.store.close()])
    await database.drop()
  })
})
