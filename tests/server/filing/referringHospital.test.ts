import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { createApp } from '../../../server/app.ts'
import { upsertHospitals } from '../../../server/hospitals/repository.ts'
import { seedSampleHospitals } from '../../../server/hospitals/sampleHospitals.ts'
import type { Store } from '../../../server/store/index.ts'
import { chinaDateOf } from '../../../src/domain/dates/calendarDate.ts'
import { designatedHospitalSchema } from '../../../src/domain/schemas/hospital.ts'
import { testApp } from '../support/app.ts'
import { filingCreatePayload } from '../support/filingPayload.ts'
import { captureLogger } from '../support/logs.ts'
import { action, type Person, person, signInCounter, signInInsured, sync } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

const SHENZHEN = { username: 'sz_referrals', hospitalCode: 'H44030400001', hospitalName: '深圳市第一人民医院（示例）', cityCode: '440300' }
const LEIZHOU = { code: 'H44088200001', name: '雷州市人民医院' }

describeEachStore('a referral\'s hospital, chosen from the directory (湛江 二(六))', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let counter: string
  const today = chinaDateOf(new Date())
  beforeAll(async () => {
    store = await openTestStore()
    await seedSampleHospitals(store.db)
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens', counterLookupsPerMinute: 60 })
    counter = await signInCounter(app, store, SHENZHEN)
  })
  afterAll(() => store.close())

  async function refer(who: Person, referral: Record<string, unknown>) {
    const payload = filingCreatePayload(who, '440800', today, {
      category: 'referral', destination: '440300', address: '深圳市福田区示例路1号', promise: undefined,
      materials: [{ kind: 'referral_certificate', description: '转诊转院证明' }], ...referral,
    })
    return (await sync(app, await signInInsured(app, who), [action('filing.create', payload)])).body.results[0]
  }
  const verify = (who: Person) => request(app).post('/api/counter/verify').set('authorization', `Bearer ${counter}`)
    .send({ idNumber: who.idNumber, name: who.name, admissionDate: today, admissionType: 'normal' })

  it('湛江 二(六): a referral from 雷州市人民医院, chosen by its code, settles at the local rate; the name is the directory\'s', async () => {
    const who = person(201, '440882')
    const result = await refer(who, { referringHospitalCode: LEIZHOU.code, referringHospital: '雷州医院' })
    expect(result.status, JSON.stringify(result)).toBe('applied')
    expect(result.result.filing).toMatchObject({ referredByCode: LEIZHOU.code, referredBy: LEIZHOU.name })
    expect((await verify(who)).body).toMatchObject({ outcome: 'valid', ratioCutPoints: 0 })
  })

  it('湛江 二(六): the same name typed without a code, or a near spelling, pays 10 points less', async () => {
    for (const [n, typed] of [[202, '雷州市人民医院'], [203, '湛江市中心人民医院']] as const) {
      const who = person(n, '440882')
      expect((await refer(who, { referringHospital: typed })).status).toBe('applied')
      expect((await verify(who)).body).toMatchObject({ outcome: 'valid', ratioCutPoints: 10 })
    }
  })

  it('refuses a code that is no hospital of the 参保地, or one without referral rights, at the field', async () => {
    const unknown = await refer(person(204, '440882'), { referringHospitalCode: 'H44088299999' })
    expect(unknown).toMatchObject({ status: 'rejected', error: { code: 'referring_hospital_unknown', field: 'referringHospital' } })
    const elsewhere = await refer(person(205, '440882'), { referringHospitalCode: 'H53010200001' })
    expect(elsewhere).toMatchObject({ status: 'rejected', error: { code: 'referring_hospital_unknown' } })
    const clinic = designatedHospitalSchema.parse({ code: 'H44088200002', name: '雷州市社区卫生服务中心（示例）', city: '440800', level: 'primary', address: '雷州市示例路3号', phone: null, outpatient: true, sample: true })
    await upsertHospitals(store.db, [clinic], new Date().toISOString())
    const noRights = await refer(person(206, '440882'), { referringHospitalCode: 'H44088200002' })
    expect(noRights).toMatchObject({ status: 'rejected', error: { code: 'referring_hospital_cannot_refer', field: 'referringHospital' } })
    expect(noRights.error.message).toContain('不具备转诊资格')
  })
})
