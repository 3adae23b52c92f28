import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from './support/app.ts'
import type { Store } from '../../server/store/index.ts'
import { captureLogger } from './support/logs.ts'
import { action, HOSPITAL, person, signInCounter, signInInsured, sync, verification } from './support/session.ts'
import { describeEachStore } from './support/stores.ts'

const SECRET = 'a-test-secret-that-is-long-enough-for-tokens'
const NUL = '\u0000'

/** `[[[…]]]` nested `levels` deep, as an attacker sends it (JSON.parse copes; JSON.stringify does not). */
const nestedJson = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`

const settlementLine = () => JSON.stringify({
  settlementId: crypto.randomUUID(),
  idNumber: person(7).idNumber,
  kind: 'outpatient',
  hospitalLevel: 'secondary',
  insuredRegion: '530100',
  insuranceType: 'employee',
  items: [{ id: 'a', coveredFen: 10_000, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 0 }],
  settledOn: '2026-11-20',
})

describeEachStore('hostile input never gets a 5xx', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof testApp>
  let counter: string
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({
      store,
      logger: captureLogger().logger,
      devEchoCode: true,
      tokenSecret: SECRET,
      // A handler whose result cannot be stored: the fault comes after the handler ran.
      actionHandlers: { 'refund.request': async () => ({ result: { amount: 1n } }) },
    })
    counter = await signInCounter(app, store, HOSPITAL)
  })
  afterAll(() => store.close())

  const statuses = (body: { results: { status: string }[] }) => body.results.map(result => result.status)
  const importLines = (lines: string[]) => request(app).post('/api/counter/settlements/import')
    .set('authorization', `Bearer ${counter}`).set('content-type', 'application/x-ndjson').send(lines.join('\n'))

  describe('nesting depth', () => {
    it('a sync action nested 5,000 levels deep is refused alone; the valid action beside it applies', async () => {
      const valid = action('counter.verify.logged', verification(1))
      const deep = { id: crypto.randomUUID(), type: 'counter.verify.logged', createdAt: new Date().toISOString(), payload: '@DEEP@' }
      const body = JSON.stringify({ deviceId: 'd', actions: [valid, deep] }).replace('"@DEEP@"', nestedJson(5_000))
      const response = await request(app).post('/api/sync').set('authorization', `Bearer ${counter}`).set('content-type', 'application/json').send(body)
      expect(response.status).toBe(200)
      expect(statuses(response.body)).toEqual(['applied', 'rejected'])
      expect(response.body.results[1].error).toMatchObject({ code: 'payload_too_deep', message: expect.stringMatching(/嵌套/) })
    })

    it('an imported settlement line nested 5,000 levels deep is refused alone; the line beside it is recorded', async () => {
      const deepLine = `{"settlementId":"${crypto.randomUUID()}","items":${nestedJson(5_000)}}`
      const response = await importLines([settlementLine(), deepLine])
      expect(response.status).toBe(200)
      expect(statuses(response.body)).toEqual(['applied', 'rejected'])
      expect(response.body.results[1].error.code).toBe('payload_too_deep')
    })

    it('any other JSON body nested 5,000 levels deep is answered 400', async () => {
      const response = await request(app).post('/api/auth/staff/login').set('content-type', 'application/json').send(`{"username":${nestedJson(5_000)}}`)
      expect(response.status).toBe(400)
      expect(response.body).toMatchObject({ code: 'body_too_deep', detail: expect.stringMatching(/嵌套/) })
    })
  })

  it('a sign-in whose account field is an object with a "toString" key is answered 400, not 500', async () => {
    const hostile = JSON.parse('{"toString":"JA"}') as object
    for (const [path, body] of [
      ['/api/auth/insured/start', { ...person(11), idNumber: hostile }],
      ['/api/auth/insured/verify', { challengeId: hostile, code: '123456' }],
      ['/api/auth/staff/login', { username: hostile, password: 'x' }],
    ] as const) {
      const response = await request(app).post(path).send(body)
      expect(response.status, path).toBe(400)
      expect(response.body.code, path).toBe('validation_failed')
    }
  })

  it('an import line that is not an object (null, a number, a list) is answered 400 naming the line', async () => {
    for (const line of ['null', '42', '[]', '"text"']) {
      const response = await importLines([settlementLine(), line])
      expect(response.status, line).toBe(400)
      expect(response.body).toMatchObject({ code: 'bad_import', detail: expect.stringContaining('第2行') })
    }
  })

  describe('a NUL character (U+0000), which PostgreSQL text cannot hold', () => {
    it.each([
      ['insured/start 姓名', '/api/auth/insured/start', { ...person(2), name: `测试${NUL}` }, 'name'],
      ['staff/login username', '/api/auth/staff/login', { username: `counter${NUL}`, password: 'whatever-password' }, 'username'],
      ['insured/verify challengeId', '/api/auth/insured/verify', { challengeId: `abc${NUL}`, code: '123456' }, 'challengeId'],
      ['counter/verify 姓名', '/api/counter/verify', { ...person(3), name: `测${NUL}试`, admissionDate: '2026-11-20', admissionType: 'normal' }, 'name'],
    ])('in %s is answered 400 with the field named', async (_label, path, body, field) => {
      const response = await request(app).post(path).set('authorization', `Bearer ${counter}`).send(body)
      expect(response.status).toBe(400)
      expect(response.body).toMatchObject({ code: 'invalid_characters', detail: expect.stringMatching(/控制字符/) })
      expect(response.body.errors).toEqual([expect.objectContaining({ field })])
    })

    it('in an action type is refused for that action alone; the valid action beside it applies', async () => {
      const valid = action('counter.verify.logged', verification(4))
      const response = await sync(app, counter, [action(`counter.verify.logged${NUL}`, verification(5)), valid])
      expect(response.status).toBe(200)
      expect(statuses(response.body)).toEqual(['rejected', 'applied'])
      expect(response.body.results[0].error.code).toBe('invalid_characters')
    })

    it('in an imported settlement line is refused for that line alone; the line beside it is recorded', async () => {
      const withNul = JSON.stringify({ ...JSON.parse(settlementLine()) as object, hospitalLevel: `secondary${NUL}` })
      const response = await importLines([withNul, settlementLine()])
      expect(response.status).toBe(200)
      expect(statuses(response.body)).toEqual(['rejected', 'applied'])
      expect(response.body.results[0].error).toMatchObject({ code: 'invalid_characters', field: 'hospitalLevel' })
    })

    it('inside a payload is refused for that action alone with the field named; the valid action beside it applies', async () => {
      const response = await sync(app, counter, [
        action('counter.verify.logged', verification(6)),
        action('admission.record', { admissionId: crypto.randomUUID(), name: `测${NUL}`, junk: { [`k${NUL}`]: 1 } }),
        action('counter.verify.logged', verification(8)),
      ])
      expect(response.status).toBe(200)
      expect(statuses(response.body)).toEqual(['applied', 'rejected', 'applied'])
      expect(response.body.results[1].error).toMatchObject({ code: 'invalid_characters', field: 'name' })
    })
  })

  it('a fault while storing one action\'s outcome answers server_error for it alone; the batch still commits', async () => {
    const insured = await signInInsured(app, person(9))
    const first = action('refund.request', { refundId: crypto.randomUUID(), settlementId: crypto.randomUUID(), reason: '药品未取', requestedOn: '2026-11-20' })
    const logged = await sync(app, insured, [first])
    expect(logged.status).toBe(200)
    expect(logged.body.results[0].error.code).toBe('server_error')
    // The transaction survived: the next batch of the same connection pool applies.
    const after = await sync(app, counter, [action('counter.verify.logged', verification(10))])
    expect(statuses(after.body)).toEqual(['applied'])
  })
})
