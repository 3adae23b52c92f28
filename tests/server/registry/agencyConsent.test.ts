import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Store } from '../../../server/store/index.ts'
import { chinaDateOf } from '../../../src/domain/dates/calendarDate.ts'
import { testApp } from '../support/app.ts'
import { filingCreatePayload } from '../support/filingPayload.ts'
import { captureLogger } from '../support/logs.ts'
import { enrol } from '../support/registry.ts'
import { action, person, signInInsured, sync } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

describeEachStore('代办 with the insured person\'s consent by a code to their phone (Hebei 第九条)', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof testApp>
  const sent: { phone: string, code: string, purpose?: unknown }[] = []
  const today = chinaDateOf(new Date())
  const [holder, helper, other] = [person(701), person(702), person(703)]
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({
      store,
      logger: captureLogger().logger,
      devEchoCode: true,
      tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens',
      codeSender: async (phone, code, purpose) => {
        sent.push({ phone, code, purpose })
      },
    })
    await enrol(store, holder, { phones: ['13700000701'] })
  })
  afterAll(() => store.close())

  const settle = () => new Promise(done => setImmediate(done))
  const post = (token: string, path: string, body: object) => request(app).post(`/api/me/agency-consent/${path}`).set('authorization', `Bearer ${token}`).send(body)
  const fileFor = async (token: string) => (await sync(app, token, [action('filing.create', filingCreatePayload(holder, '530100', today, {
    category: 'other_temporary',
    promise: undefined,
    agent: { name: helper.name, idNumber: helper.idNumber, phone: helper.phone, relationship: 'other_relative' },
  }))])).body.results[0] as { status: string, error?: { code: string } }

  it('a helper not on the family record is refused until the holder reads out the code sent to the holder\'s phone', async () => {
    const token = await signInInsured(app, helper)
    expect((await fileFor(token)).error?.code).toBe('not_family_on_record')

    const started = await post(token, 'start', { idNumber: holder.idNumber, name: holder.name })
    await settle()
    expect(started.status).toBe(200)
    expect(sent.at(-1)).toMatchObject({ phone: '13700000701', purpose: { kind: 'agency_consent' } })
    expect((await post(token, 'verify', { challengeId: started.body.challengeId, code: sent.at(-1)!.code === '000000' ? '111111' : '000000' })).body.code).toBe('code_wrong')
    const granted = await post(token, 'verify', { challengeId: started.body.challengeId, code: sent.at(-1)!.code })
    expect(granted.status).toBe(200)
    expect(granted.body.holder.nameMasked).toBe(`${holder.name[0]}${'*'.repeat(holder.name.length - 1)}`)

    expect((await fileFor(token)).status).toBe('applied')
    // The holder sees that someone they authorised filed it.
    const listed = await request(app).get('/api/me/filings').set('authorization', `Bearer ${await signInInsured(app, { ...holder, phone: '13700000701' })}`)
    expect(listed.body.own.at(-1).history).toEqual([expect.objectContaining({ type: 'filing.create', actedBy: { name: helper.name, relationship: 'authorized' } })])
  })

  it('a wrong 姓名 sends nothing and gets a challenge that never verifies; nobody else can use my challenge', async () => {
    const token = await signInInsured(app, other)
    const before = sent.length
    const wrong = await post(token, 'start', { idNumber: holder.idNumber, name: '别人' })
    await settle()
    expect(wrong.status).toBe(200)
    expect(sent.length).toBe(before)
    expect((await post(token, 'verify', { challengeId: wrong.body.challengeId, code: wrong.body.devCode })).status).toBe(400)

    const mine = await post(token, 'start', { idNumber: holder.idNumber, name: holder.name })
    await settle()
    const helperToken = await signInInsured(app, helper)
    expect((await post(helperToken, 'verify', { challengeId: mine.body.challengeId, code: sent.at(-1)!.code })).body.code).toBe('code_expired')
  })
})
