import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { seedSampleHospitals } from '../../../server/hospitals/sampleHospitals.ts'
import { importHospitals } from '../../../server/hospitals/importHospitals.ts'
import type { Store } from '../../../server/store/index.ts'
import { designatedHospitalSchema, HOSPITAL_PAGE_SIZE } from '../../../src/domain/schemas/hospital.ts'
import { testApp } from '../support/app.ts'
import { captureLogger } from '../support/logs.ts'
import { describeEachStore } from '../support/stores.ts'

describeEachStore('GET /api/hospitals', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof testApp>
  beforeAll(async () => {
    store = await openTestStore()
    await seedSampleHospitals(store.db)
    app = testApp({ store, logger: captureLogger().logger, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
  })
  afterAll(() => store.close())

  const search = (query: Record<string, string>) => request(app).get('/api/hospitals').query(query)

  it('answers anyone with a city\'s hospitals in code order, cacheable, without sign-in', async () => {
    const response = await search({ city: '530100' })
    expect(response.status).toBe(200)
    expect(response.headers['cache-control']).toBe('public, max-age=3600')
    expect(response.body.total).toBe(3)
    expect(response.body.hospitals.map((hospital: { code: string }) => hospital.code)).toEqual(['H53010200001', 'H53010200002', 'H53010200003'])
    expect(response.body.hospitals[0]).toEqual(designatedHospitalSchema.parse(response.body.hospitals[0]))
  })

  it('finds by part of the name, level and every 联网 service asked for', async () => {
    expect((await search({ city: '440800', q: '人民医院' })).body.total).toBe(6)
    expect((await search({ city: '440800', q: '人民医院', level: 'tertiary' })).body.hospitals.map((hospital: { name: string }) => hospital.name)).toEqual(['湛江中心人民医院'])
    const both = (await search({ city: '530100', services: 'outpatient,chronic' })).body.hospitals.map((hospital: { level: string }) => hospital.level)
    expect(both).toEqual(['tertiary', 'primary'])
    expect((await search({ city: '530100', q: '%' })).body.total).toBe(0)
    expect((await search({ city: '530100', referrals: '1' })).body.hospitals.map((hospital: { code: string }) => hospital.code)).toEqual(['H53010200001'])
  })

  it('pages a large city twenty at a time', async () => {
    const many = Array.from({ length: 45 }, (_, n) => designatedHospitalSchema.parse({ code: `H65010200${String(n).padStart(3, '0')}`, name: `乌鲁木齐测试医院${n}`, city: '650100', level: 'secondary', address: '乌鲁木齐市', inpatient: true }))
    await importHospitals(store, many)
    const third = await search({ city: '650100', page: '3' })
    expect(third.body).toMatchObject({ total: 45, page: 3, pageSize: HOSPITAL_PAGE_SIZE })
    expect(third.body.hospitals).toHaveLength(5)
  })

  it('refuses a bad search with a 400 that says what is wrong', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, '请选择就医地'],
      [{ city: '5301' }, '就医地应为6位行政区划代码'],
      [{ city: '530100', level: 'quaternary' }, '医院等级应为'],
      [{ city: '530100', services: 'dental' }, '联网服务应为'],
      [{ city: '530100', page: '0' }, '页码从1开始'],
      [{ city: '530100', q: '医'.repeat(31) }, '名称不能超过30个字'],
    ]
    for (const [query, message] of cases) {
      const response = await search(query)
      expect(response.status, JSON.stringify(query)).toBe(400)
      expect(JSON.stringify(response.body)).toContain(message)
    }
    expect((await request(app).get('/api/hospitals?city=530100&city=220100')).status).toBe(400)
  })
})
