import { afterEach, describe, expect, it } from 'vitest'
import type { YidiDatabase } from '../../../src/db/database'
import { endSession, writeSession } from '../../../src/db/session'
import { enqueue } from '../../../src/sync/enqueue'
import { flushOutbox } from '../../../src/sync/flushOutbox'
import { discardAction, resubmitAction } from '../../../src/sync/manageOutbox'
import { freshDatabase, noLock, recordingTransport, statuses, verificationPayload } from './fixtures'

let database: YidiDatabase
afterEach(async () => {
  await database.delete()
})

async function enqueueMany(count: number, dependsOn?: string[]): Promise<string[]> {
  const ids: string[] = []
  for (let n = 0; n < count; n++)
    ids.push(await enqueue(database, 'counter.verify.logged', verificationPayload(n), dependsOn ? { dependsOn } : {}))
  return ids
}

describe('flushing the outbox', () => {
  it('sends pending actions in creation order and marks them applied with the server record', async () => {
    database = freshDatabase()
    const ids = await enqueueMany(5)
    const server = recordingTransport()

    const outcome = await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1' })

    expect(outcome).toEqual({ kind: 'drained', sent: 5 })
    expect(server.sentIds()).toEqual(ids)
    expect(Object.values(await statuses(database))).toEqual(Array(5).fill('applied'))
    expect((await database.outbox.get(ids[0]!))?.result).toEqual({ stored: ids[0] })
  })

  it('splits a long queue into batches within the action limit', async () => {
    database = freshDatabase()
    const ids = await enqueueMany(7)
    const server = recordingTransport()

    await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1', maxActions: 3 })

    expect(server.requests.map(request => request.actions.length)).toEqual([3, 3, 1])
    expect(server.sentIds()).toEqual(ids)
  })

  it('keeps a rejected action with the server reason and holds back what depends on it', async () => {
    database = freshDatabase()
    const [parent] = await enqueueMany(1)
    const [child] = await enqueueMany(1, [parent!])
    const [independent] = await enqueueMany(1)
    const server = recordingTransport((body) => {
      if (body.actions[0]?.id !== parent)
        return undefined
      return { kind: 'answered', response: { serverTime: new Date().toISOString(), results: [
        { id: parent!, status: 'rejected', error: { code: 'not_found', message: '备案不存在' } },
      ] } }
    })

    await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1', maxActions: 1 })

    expect(await statuses(database)).toEqual({ [parent!]: 'rejected', [child!]: 'pending', [independent!]: 'applied' })
    expect((await database.outbox.get(parent!))?.error).toEqual({ code: 'not_found', message: '备案不存在' })
    expect((await database.outbox.get(parent!))?.payload).toMatchObject({ name: '患者0' })
    expect(server.sentIds()).not.toContain(child)
  })

  it('sends the dependant after its rejected parent is fixed and resubmitted under a new id', async () => {
    database = freshDatabase()
    const [parent] = await enqueueMany(1)
    const [child] = await enqueueMany(1, [parent!])
    let rejectFirst = true
    const server = recordingTransport((body) => {
      if (!rejectFirst)
        return undefined
      rejectFirst = false
      return { kind: 'answered', response: { serverTime: new Date().toISOString(), results: [
        { id: body.actions[0]!.id, status: 'rejected', error: { code: 'invalid_payload', message: '姓名不正确', field: 'name' } },
      ] } }
    })
    await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1', maxActions: 1 })

    const fixed = await resubmitAction(database, parent!, { ...verificationPayload(0), name: '张三' })
    await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1' })

    expect(fixed).not.toBe(parent)
    expect(server.sentIds()).toEqual([parent, fixed, child])
    expect(server.requests.at(-1)?.actions.find(action => action.id === child)?.dependsOn).toEqual([fixed])
    expect(await statuses(database)).toEqual({ [fixed]: 'applied', [child!]: 'applied' })
  })

  it('sends the dependant of a discarded parent, for the server to answer', async () => {
    database = freshDatabase()
    const [parent] = await enqueueMany(1)
    const [child] = await enqueueMany(1, [parent!])
    await database.outbox.update(parent!, { status: 'rejected', error: { code: 'x', message: 'x' } })

    await discardAction(database, parent!)
    const server = recordingTransport()
    await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1' })

    expect(await database.outbox.get(parent!)).toBeUndefined()
    expect(server.sentIds()).toEqual([child])
  })

  it('pauses on 401 and keeps every action for after sign-in', async () => {
    database = freshDatabase()
    const ids = await enqueueMany(3)
    const server = recordingTransport(() => ({ kind: 'unauthorized' }))

    const outcome = await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1' })

    expect(outcome).toEqual({ kind: 'paused-auth' })
    expect(await statuses(database)).toEqual(Object.fromEntries(ids.map(id => [id, 'pending'])))
  })

  it('an idle counter\'s audit entries wait for that staff member: the next account sends only its own', async () => {
    database = freshDatabase()
    const counterSession = (username: string) => ({ token: `t-${username}`, expiresAt: '2099-01-01T00:00:00Z', role: 'counter' as const, displayName: username, account: `staff:${username}` })
    await writeSession(database, counterSession('wang'))
    const byWang = await enqueueMany(2)
    // Wang walks away; the session ends with the entries unsent, and Li signs in at the same counter.
    await endSession(database)
    await writeSession(database, counterSession('li'))
    const byLi = await enqueueMany(1)
    const server = recordingTransport()

    expect(await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1', account: 'staff:li' })).toEqual({ kind: 'drained', sent: 1 })
    expect(server.sentIds()).toEqual(byLi)
    expect(await statuses(database)).toMatchObject(Object.fromEntries(byWang.map(id => [id, 'pending'])))

    await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1', account: 'staff:wang' })
    expect(server.sentIds()).toEqual([...byLi, ...byWang])
  })

  it('halves the batch on 413 until the server takes it', async () => {
    database = freshDatabase()
    await enqueueMany(8)
    const server = recordingTransport(body => body.actions.length > 2 ? { kind: 'too-large' } : undefined)

    const outcome = await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1' })

    expect(outcome).toEqual({ kind: 'drained', sent: 8 })
    expect(server.requests.map(request => request.actions.length)).toEqual([8, 4, 2, 2, 2, 2])
    expect(Object.values(await statuses(database))).toEqual(Array(8).fill('applied'))
  })

  it('marks the batch rejected with the reason when the server refuses the request (4xx)', async () => {
    database = freshDatabase()
    await enqueueMany(2)
    const server = recordingTransport(() => ({ kind: 'refused', status: 403, code: 'forbidden', message: '医保窗口账号才能提交核验记录' }))

    await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1' })

    const entries = await database.outbox.toArray()
    expect(entries.map(entry => [entry.status, entry.error?.message])).toEqual([
      ['rejected', '医保窗口账号才能提交核验记录'],
      ['rejected', '医保窗口账号才能提交核验记录'],
    ])
  })

  it('stops and keeps actions pending on network errors, 408, 429 and 5xx', async () => {
    database = freshDatabase()
    await enqueueMany(2)
    const server = recordingTransport(() => ({ kind: 'retry', reason: 'HTTP 429', retryAfterMs: 7000 }))

    const outcome = await flushOutbox({ database, transport: server.transport, lock: noLock, deviceId: 'd1' })

    expect(outcome).toEqual({ kind: 'retry-later', reason: 'HTTP 429', retryAfterMs: 7000 })
    expect(Object.values(await statuses(database))).toEqual(['pending', 'pending'])
  })

  it('reports progress as answers are stored', async () => {
    database = freshDatabase()
    await enqueueMany(5)
    const progress: string[] = []

    await flushOutbox({
      database,
      transport: recordingTransport().transport,
      lock: noLock,
      deviceId: 'd1',
      maxActions: 2,
      onProgress: p => progress.push(`${p.sent}/${p.total}`),
    })

    expect(progress).toEqual(['0/5', '2/5', '4/5', '5/5'])
  })
})
