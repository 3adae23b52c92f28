import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Store } from '../../../server/store/index.ts'
import { testApp } from '../support/app.ts'
import { captureLogger } from '../support/logs.ts'
import { enrol } from '../support/registry.ts'
import { COUNTER_PASSWORD, HOSPITAL, person, signInCounter } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

describeEachStore('sign-in limits', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof testApp>
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({
      store,
      logger: captureLogger().logger,
      devEchoCode: true,
      tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens',
      rateLimits: { windowMs: 60_000, perIp: 1000, perAccount: 2, perAccountEverywhere: 4 },
      // The test client stands in for a load balancer on loopback reporting each caller's address.
      trustProxy: ['loopback'],
    })
  })
  afterAll(() => store.close())

  const start = (body: object, from = '203.0.113.1') => request(app).post('/api/auth/insured/start').set('x-forwarded-for', from).send(body)
  const staffLogin = (username: string, password: string, from: string) =>
    request(app).post('/api/auth/staff/login').set('x-forwarded-for', from).send({ username, password })

  it('spellings of one 身份证号码 (spaces, a lower-case x, full-width digits) count as one person', async () => {
    const who = { ...person(601), idNumber: '11010519491231002X' }
    await enrol(store, who)
    const fullWidth = who.idNumber.replace(/\d/g, digit => String.fromCharCode(0xFF10 + Number(digit)))
    expect((await start({ ...who, idNumber: ` ${who.idNumber.toLowerCase()} ` })).status).not.toBe(429)
    expect((await start({ ...who, idNumber: fullWidth })).status).not.toBe(429)
    expect((await start(who)).status).toBe(429)
  })

  it('one phone number is limited across different 身份证号码', async () => {
    const phone = '13912340000'
    expect((await start({ ...person(611), phone })).status).toBe(200)
    expect((await start({ ...person(612), phone: ` ${phone}` })).status).toBe(200)
    const third = await start({ ...person(613), phone })
    expect(third.status).toBe(429)
    expect(third.body.detail).toMatch(/尝试次数过多/)
  })

  it('wrong staff passwords from one address lock that address only: the real user elsewhere still signs in', async () => {
    await signInCounter(app, store, { ...HOSPITAL, username: 'staff_target' })
    for (let attempt = 0; attempt < 2; attempt++)
      expect((await staffLogin('staff_target', 'guess-guess-1', '198.51.100.7')).status).toBe(401)
    expect((await staffLogin('staff_target', COUNTER_PASSWORD, '198.51.100.7')).status).toBe(429)
    expect((await staffLogin('staff_target', COUNTER_PASSWORD, '203.0.113.50')).status).toBe(200)
  })

  it('successful staff sign-ins are not counted against the limit', async () => {
    await signInCounter(app, store, { ...HOSPITAL, username: 'staff_busy' })
    for (let shift = 0; shift < 5; shift++)
      expect((await staffLogin('staff_busy', COUNTER_PASSWORD, '203.0.113.60')).status).toBe(200)
  })

  it('a guessing campaign from many addresses locks the account everywhere, at the higher bound', async () => {
    await signInCounter(app, store, { ...HOSPITAL, username: 'staff_campaign' })
    for (let address = 1; address <= 4; address++)
      expect((await staffLogin('staff_campaign', 'guess-guess-1', `192.0.2.${address}`)).status).toBe(401)
    expect((await staffLogin('staff_campaign', COUNTER_PASSWORD, '203.0.113.70')).status).toBe(429)
  })
})
