import { afterEach, describe, expect, it } from 'vitest'
import type { YidiDatabase } from '../../../src/db/database'
import { enqueue } from '../../../src/sync/enqueue'
import { leaseFlushLock } from '../../../src/sync/flushLock'
import { flushOutbox } from '../../../src/sync/flushOutbox'
import type { SyncTransport } from '../../../src/sync/transport'
import { freshDatabase, verificationPayload } from './fixtures'

let database: YidiDatabase
afterEach(async () => {
  await database.delete()
})

describe('one flusher at a time', () => {
  it('two flushers sharing one database never send the same action twice at once', async () => {
    database = freshDatabase()
    for (let n = 0; n < 20; n++)
      await enqueue(database, 'counter.verify.logged', verificationPayload(n))
    const inFlight = new Set<string>()
    const overlaps: string[] = []
    const sendCount = new Map<string, number>()
    // A slow server, so the two flushers really do run at the same time.
    const slowServer: SyncTransport = async (body) => {
      for (const action of body.actions) {
        if (inFlight.has(action.id))
          overlaps.push(action.id)
        inFlight.add(action.id)
        sendCount.set(action.id, (sendCount.get(action.id) ?? 0) + 1)
      }
      await new Promise(resolve => setTimeout(resolve, 20))
      for (const action of body.actions)
        inFlight.delete(action.id)
      return { kind: 'answered', response: { serverTime: new Date().toISOString(), results: body.actions.map(action => ({ id: action.id, status: 'applied' })) } }
    }
    const flush = (owner: string) => flushOutbox({ database, transport: slowServer, lock: leaseFlushLock(database, owner), deviceId: owner, maxActions: 5 })

    const outcomes = await Promise.all([flush('tab-a'), flush('tab-b'), flush('tab-c')])

    expect(overlaps).toEqual([])
    expect([...sendCount.values()].every(count => count === 1)).toBe(true)
    expect(sendCount.size).toBe(20)
    expect(outcomes.map(outcome => outcome.kind).toSorted()).toEqual(['busy', 'busy', 'drained'])
  })

  it('takes over the lease of a flusher that died without releasing it', async () => {
    database = freshDatabase()
    await database.meta.put({ key: 'flushLease', value: { owner: 'crashed-tab', expiresAt: Date.now() - 1 } })

    const result = await leaseFlushLock(database, 'tab-a').runExclusive(async () => 'ran')

    expect(result).toBe('ran')
  })
})
