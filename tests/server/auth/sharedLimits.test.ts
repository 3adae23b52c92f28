import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { testApp } from '../support/app.ts'
import { enrol } from '../support/registry.ts'
import type { Store } from '../../../server/store/index.ts'
import { captureLogger } from '../support/logs.ts'
import { person, signInCounter } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

describeEachStore('limits across instances', ({ createTestDatabase }) => {
  let stores: Store[]
  let apps: ReturnType<typeof testApp>[]
  beforeAll(async () => {
    // Two instances behind a load balancer: two stores (connections) on one database.
    const database = await createTestDatabase()
    stores = [await database.open(), await database.open()]
    apps = stores.map(store => testApp({
      store,
      logger: captureLogger().logger,
      devEchoCode: true,
      tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens',
      rateLimits: { windowMs: 60_000, perIp: 1000, perAccount: 2 },
      counterLookupsPerMinute: 2,
    }))
  })
  afterAll(async () => {
    await Promise.all(stores.map(store => store.close()))
  })

  it('sign-in attempts for one person are counted once for all instances, and no 身份证号码 is kept with the count', async () => {
    const who = person(501)
    const [a, b] = apps as [ReturnType<typeof testApp>, ReturnType<typeof testApp>]
    expect((await request(a).post('/api/auth/insured/start').send(who)).status).toBe(200)
    expect((await request(b).post('/api/auth/insured/start').send(who)).status).toBe(200)
    expect((await request(a).post('/api/auth/insured/start').send(who)).status).toBe(429)
    expect((await request(b).post('/api/auth/insured/start').send(who)).status).toBe(429)
    const keys = (await stores[0]!.db.selectFrom('rate_limit_counters').select('key').execute()).map(row => row.key).join(' ')
    expect(keys).not.toContain(who.idNumber)
  })

  it('a counter\'s online lookups per minute are one allowance, whichever instance answers', async () => {
    const [a, b] = apps as [ReturnType<typeof testApp>, ReturnType<typeof testApp>]
    const token = await signInCounter(a, stores[0]!)
    const who = person(502)
    await enrol(stores[0]!, who)
    const lookup = (app: ReturnType<typeof testApp>) => request(app).post('/api/counter/verify').set('authorization', `Bearer ${token}`)
      .send({ idNumber: who.idNumber, name: who.name, admissionDate: '2026-11-20', admissionType: 'normal' })
    expect((await lookup(a)).status).toBe(200)
    expect((await lookup(b)).status).toBe(200)
    expect((await lookup(a)).status).toBe(429)
  })
})
