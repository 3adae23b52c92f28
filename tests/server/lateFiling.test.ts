import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Store } from '../../server/store/index.ts'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { testApp } from './support/app.ts'
import { filingCreatePayload } from './support/filingPayload.ts'
import { captureLogger } from './support/logs.ts'
import { enrol } from './support/registry.ts'
import { action, person, signInCounter, signInInsured, sync } from './support/session.ts'
import { describeEachStore } from './support/stores.ts'

describeEachStore('补办 during a stay (national 二(四))', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof testApp>
  let counter: string
  const today = chinaDateOf(new Date())
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    counter = await signInCounter(app, store, { username: 'late_gz', hospitalCode: 'H44010002', hospitalName: '广州示例医院', cityCode: '440100' })
  })
  afterAll(() => store.close())

  const file = async (who: ReturnType<typeof person>, region: string, overrides: Record<string, unknown>) =>
    (await sync(app, await signInInsured(app, who), [action('filing.create', filingCreatePayload(who, region, today, { category: 'other_temporary', promise: undefined, ...overrides }))])).body.results[0]
  const verify = (who: ReturnType<typeof person>, admissionDate: string, admissionType = 'normal') =>
    request(app).post('/api/counter/verify').set('authorization', `Bearer ${counter}`).send({ idNumber: who.idNumber, name: who.name, admissionDate, admissionType })

  it('admitted five days ago and unfiled, the counter said 未备案; a filing made now reaches back and the re-check answers 可直接结算', async () => {
    const who = person(901)
    await enrol(store, who, { insuredRegion: '530100' })
    const admitted = addDays(today, -5)
    expect((await verify(who, admitted)).body.outcome).toBe('none')
    const filed = await file(who, '530100', { startDate: admitted, inHospital: { admissionDate: admitted, hospital: '广州示例医院', emergency: false } })
    expect(filed).toMatchObject({ status: 'applied', result: { filing: { startDate: admitted, filedOn: today } } })
    const again = (await verify(who, admitted)).body
    expect(again.outcome).toBe('valid')
    expect(again.notes.map((item: { code: string }) => item.code)).toContain('filed_before_discharge')
  })

  it('a start before the server\'s day is refused without a stay, whatever day the phone says it is', async () => {
    const who = person(902)
    await enrol(store, who, { insuredRegion: '530100' })
    const refused = await file(who, '530100', { startDate: addDays(today, -3), filledOn: addDays(today, -3) })
    expect(refused).toMatchObject({ status: 'rejected', error: { code: 'start_in_past' } })
    expect(refused.error.message).toContain('已经住院')
  })

  it('Hebei 第十一条: an emergency admitted 12 days ago is past the 10-day 补办: refused with the way to 手工报销', async () => {
    const who = person(903, '130102')
    await enrol(store, who, { insuredRegion: '130100' })
    const admitted = addDays(today, -12)
    // Hebei files no 其他临时外出; a long-term stay by promise is one it does.
    const longTerm = { category: 'long_term_resident', longStayDeclared: true, promise: filingCreatePayload(who, '130100', today).promise }
    const refused = await file(who, '130100', { ...longTerm, startDate: admitted, inHospital: { admissionDate: admitted, hospital: '广州示例医院', emergency: true } })
    expect(refused).toMatchObject({ status: 'rejected', error: { code: 'late_filing_window_missed' } })
    expect(refused.error.message).toMatch(/10日/)
    const inTime = addDays(today, -9)
    expect((await file(who, '130100', { ...longTerm, startDate: inTime, inHospital: { admissionDate: inTime, hospital: '广州示例医院', emergency: true } })).status).toBe('applied')
  })
})
