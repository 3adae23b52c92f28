import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IdentityVerifier } from '../../../server/registry/identityVerifier.ts'
import { registryPhoneCheck } from '../../../server/registry/identityVerifier.ts'
import type { Store } from '../../../server/store/index.ts'
import { testApp } from '../support/app.ts'
import { filingCreatePayload } from '../support/filingPayload.ts'
import { captureLogger } from '../support/logs.ts'
import { enrol } from '../support/registry.ts'
import { action, person, signInInsured, sync } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

const SECRET = 'a-test-secret-that-is-long-enough-for-tokens'

describeEachStore('sign-in against the registry (参保登记, DOMAIN §13)', ({ openTestStore }) => {
  let store: Store
  const sent: { phone: string, code: string }[] = []
  const app = (identityVerifier?: IdentityVerifier) => testApp({
    store,
    logger: captureLogger().logger,
    devEchoCode: true,
    tokenSecret: SECRET,
    codeSender: async (phone, code) => {
      sent.push({ phone, code })
    },
    ...(identityVerifier ? { identityVerifier } : {}),
  })
  beforeAll(async () => {
    store = await openTestStore()
  })
  afterAll(() => store.close())

  describe('someone who knows another person\'s 身份证号码 cannot act as them', () => {
    const victim = person(301)
    const attacker = person(302)
    const takeovers = [
      ['the attacker\'s own 姓名 and 手机号', { idNumber: victim.idNumber, name: attacker.name, phone: attacker.phone }],
      ['the right 姓名 with the attacker\'s 手机号', { idNumber: victim.idNumber, name: victim.name, phone: attacker.phone }],
      ['a number nobody is on record with', { ...person(303) }],
    ] as const

    it.each(takeovers)('start with %s: the same neutral reply as a real one, and no code is sent', async (_label, claim) => {
      const server = app()
      await enrol(store, victim)
      const real = await request(server).post('/api/auth/insured/start').send(victim)
      await new Promise(done => setImmediate(done))
      expect(sent.at(-1)?.phone).toBe(victim.phone)
      const before = sent.length

      const forged = await request(server).post('/api/auth/insured/start').send(claim)
      await new Promise(done => setImmediate(done))
      expect(forged.status).toBe(real.status)
      expect(Object.keys(forged.body).toSorted()).toEqual(Object.keys(real.body).toSorted())
      expect(forged.body.challengeId).toMatch(/^[\da-f-]{36}$/)
      expect(sent.length, 'no code went to anyone').toBe(before)

      // Neither the echoed code nor any other ever verifies that challenge.
      const verify = (code: string) => request(server).post('/api/auth/insured/verify').send({ challengeId: forged.body.challengeId, code })
      expect((await verify(forged.body.devCode)).status).toBe(400)
      expect((await verify(real.body.devCode)).status).toBe(400)
    })

    it('without a session, the victim\'s filings and filing.cancel stay out of reach', async () => {
      const server = app()
      const token = await signInInsured(server, victim)
      const payload = filingCreatePayload(victim, '530100', new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10))
      expect((await sync(server, token, [action('filing.create', payload)])).body.results[0].status).toBe('applied')

      expect((await request(server).get('/api/me/filings')).status).toBe(401)
      const cancel = await request(server).post('/api/sync').send({ deviceId: 'attacker', actions: [action('filing.cancel', { filingId: payload.filingId, requestedOn: payload.startDate })] })
      expect(cancel.status).toBe(401)
      const own = await request(server).get('/api/me/filings').set('authorization', `Bearer ${token}`)
      expect(own.body.own[0].filing.cancelledOn).toBeNull()
    })
  })

  it('sends the code to the phone on record, and tells the person their benefit status (Hebei 第十九条)', async () => {
    const server = app()
    const frozen = person(304)
    await enrol(store, frozen, { benefitStatus: 'frozen', statusSince: '2026-10-01', statusReason: '单位欠缴医疗保险费' })
    const started = await request(server).post('/api/auth/insured/start').send(frozen)
    await new Promise(done => setImmediate(done))
    expect(sent.at(-1)).toEqual({ phone: frozen.phone, code: started.body.devCode })
    const verified = await request(server).post('/api/auth/insured/verify').send({ challengeId: started.body.challengeId, code: started.body.devCode })
    expect(verified.status).toBe(200)
    expect(verified.body.insurance).toEqual([expect.objectContaining({ insuredRegion: '530100', insuranceType: 'employee', benefitStatus: 'frozen', statusSince: '2026-10-01', statusReason: '单位欠缴医疗保险费' })])
    expect(JSON.stringify(verified.body)).not.toContain(frozen.idNumber)
    const mine = await request(server).get('/api/me/insurance').set('authorization', `Bearer ${verified.body.token}`)
    expect(mine.body.records).toEqual([expect.objectContaining({ benefitStatus: 'frozen', phonesMasked: [`${frozen.phone.slice(0, 3)}****${frozen.phone.slice(-4)}`] })])
  })

  it('a second phone on record works too; a number that was removed does not', async () => {
    const server = app()
    const who = person(305)
    await enrol(store, who, { phones: [who.phone, '13600000305'] })
    expect((await request(server).post('/api/auth/insured/verify').send({
      challengeId: (await request(server).post('/api/auth/insured/start').send({ ...who, phone: '13600000305' })).body.challengeId,
      code: sent.at(-1)?.code,
    })).status).toBe(200)
    await enrol(store, who, { phones: [who.phone] })
    const before = sent.length
    await request(server).post('/api/auth/insured/start').send({ ...who, phone: '13600000305' })
    await new Promise(done => setImmediate(done))
    expect(sent.length).toBe(before)
  })

  it('a province\'s own identity check decides who gets a code (createApp({ identityVerifier }))', async () => {
    const who = person(306)
    await enrol(store, who)
    const faceChecked = new Set<string>()
    const withFace: IdentityVerifier = async (claim, db) => {
      const onRecord = await registryPhoneCheck(claim, db)
      return onRecord.verified && !faceChecked.has(claim.idNumber) ? { verified: false, reason: 'face_not_checked' } : onRecord
    }
    const server = app(withFace)
    const before = sent.length
    const refused = await request(server).post('/api/auth/insured/start').send(who)
    await new Promise(done => setImmediate(done))
    expect(refused.status).toBe(200)
    expect(sent.length).toBe(before)
    faceChecked.add(who.idNumber)
    await request(server).post('/api/auth/insured/start').send(who)
    await new Promise(done => setImmediate(done))
    expect(sent.at(-1)?.phone).toBe(who.phone)
  })
})
