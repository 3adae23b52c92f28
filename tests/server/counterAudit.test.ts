import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { createApp } from '../../server/app.ts'
import type { Store } from '../../server/store/index.ts'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { testApp } from './support/app.ts'
import { captureLogger } from './support/logs.ts'
import { enrol } from './support/registry.ts'
import { action, person, signInCounter, sync } from './support/session.ts'
import { describeEachStore } from './support/stores.ts'

const KUNMING = { username: 'km_audit', hospitalCode: 'H53010099', hospitalName: '昆明市第二人民医院', cityCode: '530100' }

describeEachStore('the counter\'s audit list (核验记录): names, admissions, search and a date range', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let counter: string
  const today = chinaDateOf(new Date())
  const first = person(71)
  const second = person(72)
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    counter = await signInCounter(app, store, KUNMING)
    await enrol(store, first)
    await enrol(store, second)
    for (const who of [first, second]) {
      await request(app).post('/api/counter/verify').set('authorization', `Bearer ${counter}`)
        .send({ idNumber: who.idNumber, name: who.name, admissionDate: today, admissionType: 'normal' })
    }
    // The first patient is admitted after the check (as 未备案: they pay and claim at home).
    await sync(app, counter, [action('admission.record', { admissionId: crypto.randomUUID(), idNumber: first.idNumber, name: first.name, admissionDate: today, admissionType: 'normal', traumaFlag: false, thirdPartyFlag: false, outcome: 'none' })])
  })
  afterAll(() => store.close())

  const audit = (query: Record<string, string> = {}) => request(app).get('/api/counter/audit').query(query).set('authorization', `Bearer ${counter}`)
  // A name or number is searched in the body: personal data never goes into a URL.
  const search = (body: Record<string, string>) => request(app).post('/api/counter/audit/search').send(body).set('authorization', `Bearer ${counter}`)
  type Entry = { patientName: string | null, targetMasked: string, admission: { admissionDate: string, recordedAt: string } | null }

  it('each entry names the patient and shows the admission recorded after the check; the full number is never sent', async () => {
    const response = await audit()
    expect(response.status).toBe(200)
    const entries = response.body.entries as Entry[]
    const mine = entries.find(entry => entry.patientName === first.name)
    expect(mine?.admission).toMatchObject({ admissionDate: today, recordedAt: expect.any(String) })
    expect(entries.find(entry => entry.patientName === second.name)?.admission).toBeNull()
    expect(JSON.stringify(entries)).not.toContain(first.idNumber)
  })

  it('finds one patient by 姓名 or by the whole 身份证号码', async () => {
    const byName = (await search({ q: second.name })).body.entries as Entry[]
    expect(byName.map(entry => entry.patientName)).toEqual([second.name])
    const byNumber = (await search({ q: first.idNumber, from: addDays(today, -3), to: today })).body.entries as Entry[]
    expect(byNumber.map(entry => entry.patientName)).toEqual([first.name])
    expect((await search({ q: '没有这个人' })).body.entries).toEqual([])
  })

  it('lists the days asked for, not only today', async () => {
    expect((await audit({ from: addDays(today, -7), to: addDays(today, -1) })).body.entries).toEqual([])
    expect(((await audit({ from: addDays(today, -7), to: today })).body.entries as Entry[]).length).toBe(2)
  })

  describe('a range that cannot be searched is refused in words (400), never 500', () => {
    it.each([
      ['the start after the end', { from: today, to: addDays(today, -1) }, '开始日期不能晚于结束日期'],
      ['more than 92 days', { from: addDays(today, -200), to: today }, '一次最多查询92天的记录，请缩短日期范围'],
      ['a date that does not exist', { from: '2026-02-30' }, '请填写有效日期（年-月-日）'],
    ])('%s', async (_case, query, message) => {
      for (const response of [await audit(query), await search(query)]) {
        expect(response.status).toBe(400)
        expect(JSON.stringify(response.body)).toContain(message)
      }
    })
  })
})
