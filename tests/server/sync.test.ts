import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { AppDeps } from '../../server/app.ts'
import type { ActionHandlers } from '../../server/sync/actionHandler.ts'
import { testApp } from './support/app.ts'
import type { Store } from '../../server/store/index.ts'
import { captureLogger } from './support/logs.ts'
import { action, person, signInCounter, signInInsured, sync, verification } from './support/session.ts'
import { describeEachStore } from './support/stores.ts'

const SECRET = 'a-test-secret-that-is-long-enough-for-tokens'

describeEachStore('POST /api/sync', ({ kind, openTestStore, createTestDatabase }) => {
  let store: Store
  const appOver = (over: Store, deps: Partial<AppDeps> = {}) => testApp({ store: over, logger: captureLogger().logger, devEchoCode: true, tokenSecret: SECRET, ...deps })
  beforeAll(async () => {
    store = await openTestStore()
  })
  afterAll(() => store.close())

  const auditRows = (over = store) => over.db.selectFrom('audit_log').selectAll().execute()

  it('applies an action once; a replay answers duplicate with the first result and changes nothing', async () => {
    const app = appOver(store)
    const token = await signInCounter(app, store, { username: 'replay', hospitalCode: 'H1', hospitalName: '甲医院', cityCode: '530100' })
    const logged = action('counter.verify.logged', verification(1))
    const first = await sync(app, token, [logged])
    expect(first.status).toBe(200)
    expect(first.body.results).toEqual([{ id: logged.id, status: 'applied', result: { verificationId: logged.payload.verificationId, logged: true } }])
    const replay = await sync(app, token, [logged])
    expect(replay.body.results).toEqual([{ id: logged.id, status: 'duplicate', result: first.body.results[0].result }])
    expect((await auditRows()).filter(row => row.action_id === logged.id)).toHaveLength(1)
  })

  it('an offline lookup is audited under the staff account and the account\'s city, whatever the device says', async () => {
    const app = appOver(store)
    const token = await signInCounter(app, store, { username: 'city', hospitalCode: 'H2', hospitalName: '乙医院', cityCode: '440100' })
    const logged = action('counter.verify.logged', verification(5, { hospitalCity: '530100' }))
    expect((await sync(app, token, [logged])).body.results[0].status).toBe('applied')
    const [row] = (await auditRows()).filter(entry => entry.action_id === logged.id)
    expect(row).toMatchObject({ staff_username: 'city', hospital_code: 'H2', city_code: '440100', target_masked: expect.stringMatching(/^\d{3}\*+\w{4}$/) })
  })

  it('remembers applied ids across a server restart', async () => {
    const database = await createTestDatabase()
    const before = await database.open()
    const app = appOver(before)
    const token = await signInCounter(app, before, { username: 'restart', hospitalCode: 'H1', hospitalName: '甲医院', cityCode: '530100' })
    const logged = action('counter.verify.logged', verification(2))
    expect((await sync(app, token, [logged])).body.results[0].status).toBe('applied')
    await before.close()

    const after = await database.open()
    try {
      const replay = await sync(appOver(after), token, [logged])
      expect(replay.body.results[0].status).toBe('duplicate')
      expect(await auditRows(after)).toHaveLength(1)
    }
    finally {
      await after.close()
    }
  })

  it(`applies one id once when the same batch arrives twice at the same time (${kind})`, async () => {
    // Two apps over one database: on PostgreSQL they use separate connections, as two instances would.
    const database = await createTestDatabase()
    const [one, two] = [await database.open(), await database.open()]
    try {
      const token = await signInCounter(appOver(one), one, { username: 'race', hospitalCode: 'H1', hospitalName: '甲医院', cityCode: '530100' })
      const batch = Array.from({ length: 20 }, (_, n) => action('counter.verify.logged', verification(100 + n)))
      const [a, b] = await Promise.all([sync(appOver(one), token, batch), sync(appOver(two), token, batch)])
      expect([a.status, b.status]).toEqual([200, 200])
      const statuses = [...a.body.results, ...b.body.results].map((result: { status: string }) => result.status)
      expect(statuses.filter(status => status === 'applied')).toHaveLength(20)
      expect(statuses.filter(status => status === 'duplicate')).toHaveLength(20)
      expect(await auditRows(one)).toHaveLength(20)
    }
    finally {
      await one.close()
      await two.close()
    }
  })

  it('answers each action of a mixed batch on its own, in order', async () => {
    const app = appOver(store)
    const token = await signInCounter(app, store, { username: 'mixed', hospitalCode: 'H1', hospitalName: '甲医院', cityCode: '530100' })
    const good = action('counter.verify.logged', verification(3))
    const badId = action('counter.verify.logged', verification(4, { idNumber: '110105194912310021' }))
    const dependent = action('counter.verify.logged', verification(5), { dependsOn: [badId.id] })
    const orphan = action('counter.verify.logged', verification(6), { dependsOn: [crypto.randomUUID()] })
    const unknown = action('filing.delete', {})
    const later = action('counter.verify.logged', verification(7), { dependsOn: [good.id] })
    const response = await sync(app, token, [good, badId, dependent, orphan, unknown, later])
    expect(response.status).toBe(200)
    expect(response.body.results.map((result: { id: string, status: string, error?: { code: string, field?: string } }) => [result.id, result.status, result.error?.code, result.error?.field])).toEqual([
      [good.id, 'applied', undefined, undefined],
      [badId.id, 'rejected', 'invalid_id_number', 'idNumber'],
      [dependent.id, 'rejected', 'dependency_rejected', undefined],
      [orphan.id, 'rejected', 'dependency_rejected', undefined],
      [unknown.id, 'rejected', 'unknown_type', undefined],
      [later.id, 'applied', undefined, undefined],
    ])
    // A rejection is kept too: the same id sent again gets the same answer, nothing applied.
    const again = await sync(app, token, [badId])
    expect(again.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid_id_number' } })
  })

  it('refuses a replayed id from another person, or with another payload (idempotency_key_reused)', async () => {
    const app = appOver(store)
    const first = await signInCounter(app, store, { username: 'owner1', hospitalCode: 'H1', hospitalName: '甲医院', cityCode: '530100' })
    const second = await signInCounter(app, store, { username: 'owner2', hospitalCode: 'H2', hospitalName: '乙医院', cityCode: '530100' })
    const logged = action('counter.verify.logged', verification(8))
    await sync(app, first, [logged])
    const stolen = await sync(app, second, [logged])
    expect(stolen.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'idempotency_key_reused' } })
    const altered = await sync(app, first, [{ ...logged, payload: verification(9) }])
    expect(altered.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'idempotency_key_reused' } })
    expect((await auditRows()).filter(row => row.action_id === logged.id)).toHaveLength(1)
  })

  it('keeps counter actions to counters and filing actions to insured people', async () => {
    const app = appOver(store)
    const insured = await signInInsured(app, person(11))
    const response = await sync(app, insured, [action('counter.verify.logged', verification(10))])
    expect(response.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden', message: '此操作仅限医保窗口工作人员' } })
  })

  it('answers not_supported for an action type the server cannot apply yet', async () => {
    const app = appOver(store, { actionHandlers: { 'counter.verify.logged': undefined } as ActionHandlers })
    const token = await signInCounter(app, store, { username: 'unsupported', hospitalCode: 'H1', hospitalName: '甲医院', cityCode: '530100' })
    const response = await sync(app, token, [action('counter.verify.logged', verification(12))])
    expect(response.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'not_supported' } })
  })

  it('undoes everything a handler wrote when it rejects, and never answers 500 for a handler that throws', async () => {
    const handlers: ActionHandlers = {
      'counter.verify.logged': async (db, context, payload) => {
        await db.insertInto('audit_log').values({ id: crypto.randomUUID(), staff_username: 'x', hospital_code: 'x', city_code: 'x', at: 'x', target_masked: 'x', method: 'x', outcome: 'x', filing_number: null, action_id: context.actionId }).execute()
        if (payload.name === person(1).name)
          return { reject: { code: 'rule', message: '不符合规定' } }
        throw new Error('a bug')
      },
    }
    const database = await openTestStore()
    try {
      const app = appOver(database, { actionHandlers: handlers })
      const token = await signInCounter(app, database, { username: 'undo', hospitalCode: 'H1', hospitalName: '甲医院', cityCode: '530100' })
      const rejected = action('counter.verify.logged', verification(1))
      const broken = action('counter.verify.logged', verification(2))
      const response = await sync(app, token, [rejected, broken])
      expect(response.status).toBe(200)
      expect(response.body.results.map((result: { status: string, error: { code: string } }) => result.error.code)).toEqual(['rule', 'server_error'])
      expect(await auditRows(database)).toEqual([])
    }
    finally {
      await database.close()
    }
  })

  it('401 without a session, 413 over 500 actions, 400 for a malformed batch', async () => {
    const app = appOver(store)
    const none = await request(app).post('/api/sync').send({ deviceId: 'd', actions: [] })
    expect(none.status).toBe(401)
    const token = await signInCounter(app, store, { username: 'limits', hospitalCode: 'H1', hospitalName: '甲医院', cityCode: '530100' })
    const many = Array.from({ length: 501 }, (_, n) => action('counter.verify.logged', verification(n)))
    const tooMany = await sync(app, token, many)
    expect(tooMany.status).toBe(413)
    expect(tooMany.body.detail).toBe('一次最多同步500条操作，请分批发送')
    const malformed = await sync(app, token, [{ id: 'not-a-uuid', type: 'counter.verify.logged', payload: {}, createdAt: 'yesterday' }])
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors.map((error: { field: string }) => error.field)).toEqual(['actions.0.id', 'actions.0.createdAt'])
    const huge = await request(app).post('/api/sync').set('authorization', `Bearer ${token}`).set('content-type', 'application/json')
      .send(JSON.stringify({ deviceId: 'd', actions: [action('counter.verify.logged', { pad: 'x'.repeat(1_100_000) })] }))
    expect(huge.status).toBe(413)
  })
})
