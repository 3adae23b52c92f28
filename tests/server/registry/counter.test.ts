import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Store } from '../../../server/store/index.ts'
import { chinaDateOf } from '../../../src/domain/dates/calendarDate.ts'
import { testApp } from '../support/app.ts'
import { filingCreatePayload } from '../support/filingPayload.ts'
import { captureLogger } from '../support/logs.ts'
import { enrol } from '../support/registry.ts'
import { action, type Person, person, signInCounter, signInInsured, sync } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

describeEachStore('the counter reads the registry (DOMAIN §13)', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof testApp>
  let counter: string
  const today = chinaDateOf(new Date())
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    counter = await signInCounter(app, store, { username: 'gz_registry', hospitalCode: 'H44010009', hospitalName: '广州市第九人民医院', cityCode: '440100' })
  })
  afterAll(() => store.close())

  const verify = (who: Person, overrides: Record<string, unknown> = {}) =>
    request(app).post('/api/counter/verify').set('authorization', `Bearer ${counter}`)
      .send({ idNumber: who.idNumber, name: who.name, admissionDate: today, admissionType: 'normal', ...overrides })

  async function fileToGuangzhou(who: Person) {
    const response = await sync(app, await signInInsured(app, who), [action('filing.create', filingCreatePayload(who, '530100', today, { category: 'other_temporary', promise: undefined }))])
    expect(response.body.results[0].status).toBe('applied')
  }

  it('Hebei 第十九条: frozen benefits answer 待遇冻结 even with a valid filing, never 可直接结算', async () => {
    const who = person(501)
    await fileToGuangzhou(who)
    expect((await verify(who)).body.outcome).toBe('valid')
    await enrol(store, who, { benefitStatus: 'frozen', statusSince: today, statusReason: '个人欠缴医疗保险费' })
    const frozen = await verify(who)
    expect(frozen.body).toMatchObject({ outcome: 'frozen', notes: [{ code: 'benefits_frozen' }] })
    expect(frozen.body.filing).toBeUndefined()
    // Restored on the registry: the next check settles again.
    await enrol(store, who)
    expect((await verify(who)).body.outcome).toBe('valid')
  })

  it('Hebei 第十二条: suspended benefits are not settled directly either', async () => {
    const who = person(502)
    await fileToGuangzhou(who)
    await enrol(store, who, { benefitStatus: 'suspended', statusSince: today, statusReason: '参保关系转移中' })
    expect((await verify(who)).body).toMatchObject({ outcome: 'frozen', notes: [{ code: 'benefits_suspended' }] })
  })

  it('an unfiled person gets the policy of the 参保地 on record (Hebei 第十一条: 补办 within 10 days after an emergency)', async () => {
    // Born in 北京, insured in 石家庄: the number alone would give the wrong region.
    const who = person(503, '110105')
    await enrol(store, who, { insuredRegion: '130100' })
    const deemed = await verify(who, { admissionType: 'emergency' })
    expect(deemed.body.outcome).toBe('deemed')
    expect(deemed.body.notes.map((item: { code: string }) => item.code)).toContain('emergency_late_filing_window')
  })

  it('a number nobody is on record with is refused plainly, and audited', async () => {
    const nobody = person(504)
    const response = await verify(nobody)
    expect(response.status).toBe(422)
    expect(response.body).toMatchObject({ code: 'not_on_record', detail: expect.stringContaining('参保登记') })
    const audit = (await request(app).get('/api/counter/audit').set('authorization', `Bearer ${counter}`)).body.entries as { outcome: string }[]
    expect(audit).toContainEqual(expect.objectContaining({ outcome: 'not_on_record' }))
  })
})
