import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { createApp } from '../../../server/app.ts'
import type { Store } from '../../../server/store/index.ts'
import { chinaDateOf } from '../../../src/domain/dates/calendarDate.ts'
import { generateIdNumber } from '../../../src/domain/identity/idNumberGenerator.ts'
import { verifyCredential } from '../../../src/features/counter/verify/verifyCredential.ts'
import { testApp } from '../support/app.ts'
import { filingCreatePayload } from '../support/filingPayload.ts'
import { captureLogger } from '../support/logs.ts'
import { action, person, signInCounter, signInInsured, sync } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'
import { verifierDataFor } from '../support/verifier.ts'

const today = chinaDateOf(new Date())

describeEachStore('the counters\' ID-tag keys', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
  })
  afterAll(() => store.close())

  it('are refused to anonymous callers and to insured people, whose phones then cannot test a guessed 身份证号码', async () => {
    const anonymous = await request(app).get('/api/counter/credential-keys')
    expect(anonymous.status).toBe(401)
    const insured = await request(app).get('/api/counter/credential-keys').set('authorization', `Bearer ${await signInInsured(app, person(301))}`)
    expect(insured.status).toBe(403)
    expect(insured.body.detail ?? insured.body.title).toMatch(/工作人员/)
    expect(JSON.stringify(insured.body)).not.toMatch(/"key"/)
  })

  it('give a counter its own province\'s key only, the same after a restart, and another province another key', async () => {
    const guangzhou = await signInCounter(app, store, { username: 'tag_gz', hospitalCode: 'H440101', hospitalName: '广州甲医院', cityCode: '440100' })
    const kunming = await signInCounter(app, store, { username: 'tag_km', hospitalCode: 'H530101', hospitalName: '昆明甲医院', cityCode: '530100' })
    const keysOf = async (token: string, on = app) => (await request(on).get('/api/counter/credential-keys').set('authorization', `Bearer ${token}`)).body.keys as { province: string, key: string }[]
    const gz = await keysOf(guangzhou)
    expect(gz.map(entry => entry.province)).toEqual(['440000'])
    expect((await keysOf(kunming)).map(entry => entry.province)).toEqual(['530000'])
    expect((await keysOf(kunming))[0]!.key).not.toBe(gz[0]!.key)
    const restarted = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    expect(await keysOf(guangzhou, restarted)).toEqual(gz)
  })

  it('DOMAIN §8 冒用: with the key, an offline counter tells the holder\'s number from another; without it, it compares nothing', async () => {
    const who = person(302)
    const created = await sync(app, await signInInsured(app, who), [action('filing.create', filingCreatePayload(who, '530100', today))])
    const { credential } = created.body.results[0].result as { credential: string }
    const counter = await signInCounter(app, store, { username: 'tag_check', hospitalCode: 'H440102', hospitalName: '广州乙医院', cityCode: '440100' })
    const data = await verifierDataFor(app, counter)
    const facts = { hospitalCity: '440100', admissionDate: today, admissionType: 'normal' as const, now: new Date() }
    expect(await verifyCredential(credential, data, { ...facts, idNumber: who.idNumber })).toMatchObject({ kind: 'checked', impersonation: false, identityChecked: true })
    const someoneElse = generateIdNumber({ regionCode: '530102', birthDate: '1980-02-02', sequence: 77, sex: 'female' })
    expect(await verifyCredential(credential, data, { ...facts, idNumber: someoneElse })).toMatchObject({ impersonation: true, outcome: 'none' })
    expect(await verifyCredential(credential, { ...data, idTagKeys: {} }, { ...facts, idNumber: someoneElse })).toMatchObject({ impersonation: false, identityChecked: false })
  })
})
