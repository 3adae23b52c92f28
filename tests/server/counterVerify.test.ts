import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { createApp } from '../../server/app.ts'
import { testApp } from './support/app.ts'
import type { NewStaffAccount } from '../../server/auth/staffAccounts.ts'
import type { Store } from '../../server/store/index.ts'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { captureLogger } from './support/logs.ts'
import { action, type Person, person, signInCounter, signInInsured, sync } from './support/session.ts'
import { enrol } from './support/registry.ts'
import { describeEachStore } from './support/stores.ts'
import { filingCreatePayload } from './support/filingPayload.ts'

const GUANGZHOU: NewStaffAccount = { username: 'gz_counter', hospitalCode: 'H44010001', hospitalName: '广州市第一人民医院', cityCode: '440100' }
const SHENZHEN: NewStaffAccount = { username: 'sz_counter', hospitalCode: 'H44030001', hospitalName: '深圳市人民医院', cityCode: '440300' }

describeEachStore('POST /api/counter/verify', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let guangzhou: string
  let shenzhen: string
  const today = chinaDateOf(new Date())
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens', counterLookupsPerMinute: 40 })
    guangzhou = await signInCounter(app, store, GUANGZHOU)
    shenzhen = await signInCounter(app, store, SHENZHEN)
  })
  afterAll(() => store.close())

  async function file(who: Person, insuredRegion: string, overrides: Record<string, unknown> = {}) {
    const payload = filingCreatePayload(who, insuredRegion, today, { address: '广州市天河区体育西路2号', ...overrides })
    const response = await sync(app, await signInInsured(app, who), [action('filing.create', payload)])
    expect(response.body.results[0].status, JSON.stringify(response.body.results[0])).toBe('applied')
    return payload
  }

  const verify = (token: string, who: Person, overrides: Record<string, unknown> = {}) =>
    request(app).post('/api/counter/verify').set('authorization', `Bearer ${token}`)
      .send({ idNumber: who.idNumber, name: who.name, admissionDate: today, admissionType: 'normal', ...overrides })

  it('Jilin 第六条: the card shows a promise filing\'s effective end (its materials deadline), not 长期; Hebei 第九条: a referral is for this visit', async () => {
    const promised = person(61, '220102')
    await enrol(store, promised, { insuredRegion: '220100' })
    await file(promised, '220100')
    const shown = (await verify(guangzhou, promised)).body
    expect(shown).toMatchObject({ outcome: 'valid', filing: { promise: true, oneVisit: false, endDate: expect.any(String) } })
    expect(shown.filing.endDate > today).toBe(true)

    const referred = person(62, '130102')
    await enrol(store, referred, { insuredRegion: '130100' })
    const token = await signInInsured(app, referred)
    const certificate = crypto.randomUUID()
    await request(app).put(`/api/attachments/${certificate}`).set('authorization', `Bearer ${token}`).set('content-type', 'image/jpeg').send(Buffer.from([0xFF, 0xD8, 0xFF, 0xE0, 6, 2]))
    await file(referred, '130100', { category: 'referral', promise: undefined, materials: [{ kind: 'referral_certificate', description: '转诊转院证明', fileRef: certificate }] })
    expect((await verify(guangzhou, referred)).body).toMatchObject({ outcome: 'valid', filing: { oneVisit: true, endDate: null } })
  })

  it('Yunnan 第十二条: a filing in effect for this city settles directly (可直接结算), even if discharge falls after its end', async () => {
    const who = person(51)
    await file(who, '530100', { category: 'other_temporary', promise: undefined })
    const response = await verify(guangzhou, who, { admissionDate: addDays(today, 10) })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ outcome: 'valid', ratioCutPoints: 20, filing: { destination: '440100', promise: false } })
    expect(response.body.notes.map((item: { code: string }) => item.code)).toContain('settles_past_window')
  })

  it('national 二(四): a filing for another city is no filing here (未备案)', async () => {
    const who = person(52)
    await file(who, '530100')
    const response = await verify(shenzhen, who)
    expect(response.body.outcome).toBe('none')
  })

  it('Jilin 第二十六条: an emergency without a filing is deemed filed (视同备案), at the rate of the 参保地 on record', async () => {
    const who = person(53, '220102')
    await enrol(store, who)
    const response = await verify(guangzhou, who, { admissionType: 'emergency' })
    expect(response.body).toMatchObject({ outcome: 'deemed' })
  })

  it('Jilin 第九条: a cancelled filing no longer covers an admission', async () => {
    const who = person(54)
    const payload = await file(who, '530100', { category: 'other_temporary', promise: undefined })
    await sync(app, await signInInsured(app, who), [action('filing.cancel', { filingId: payload.filingId, requestedOn: today })])
    expect((await verify(guangzhou, who)).body.outcome).toBe('none')
  })

  it('湛江 二(六): a temporary referral pays 10 points less', async () => {
    const who = person(55, '440802')
    await file(who, '440800', { category: 'referral', promise: undefined, materials: [{ kind: 'referral_certificate', description: '转诊转院证明' }] })
    expect((await verify(guangzhou, who)).body).toMatchObject({ outcome: 'valid', ratioCutPoints: 10 })
  })

  it('Jilin 第十条 and 第十八条: a referral beside a long-term filing for the same city is filed, and the counter settles with the better one', async () => {
    const who = person(77, '220102')
    await file(who, '220100', { destination: '440100', promise: undefined, materials: [{ kind: 'residence', description: '居住证' }] })
    await file(who, '220100', { destination: '440100', category: 'referral', promise: undefined, materials: [{ kind: 'referral_certificate', description: '转诊转院证明' }] })
    const reply = await verify(guangzhou, who)
    expect(reply.body).toMatchObject({ outcome: 'valid', ratioCutPoints: 0, filing: { category: 'long_term_resident' } })
  })

  it('Hebei 第十五条: a right 身份证号码 with a wrong 姓名 answers 姓名与身份证号码不符, not 未备案', async () => {
    const who = person(56)
    await file(who, '530100')
    const mismatch = await verify(guangzhou, { ...who, name: '别人' })
    expect(mismatch.status).toBe(422)
    expect(mismatch.body).toMatchObject({ code: 'name_mismatch', errors: [{ field: 'name', message: '姓名与身份证号码不符' }] })
    expect(mismatch.body.outcome).toBeUndefined()
  })

  it('audits every lookup, refused ones included, masked; each counter lists only its own', async () => {
    const who = person(57)
    await enrol(store, who)
    await verify(guangzhou, who)
    const refused = await verify(guangzhou, who, { idNumber: '110105194912310021' })
    expect(refused.status).toBe(400)
    const mine = (await request(app).get('/api/counter/audit').set('authorization', `Bearer ${guangzhou}`)).body.entries as { targetMasked: string, outcome: string }[]
    expect(mine).toContainEqual(expect.objectContaining({ targetMasked: `${who.idNumber.slice(0, 3)}***********${who.idNumber.slice(-4)}`, outcome: 'none' }))
    expect(mine).toContainEqual(expect.objectContaining({ outcome: 'invalid_request' }))
    expect(JSON.stringify(mine)).not.toContain(who.idNumber)
    const theirs = (await request(app).get('/api/counter/audit').set('authorization', `Bearer ${shenzhen}`)).body.entries as { targetMasked: string }[]
    expect(theirs.some(entry => entry.targetMasked.endsWith(who.idNumber.slice(-4)) && entry.targetMasked.startsWith(who.idNumber.slice(0, 3)))).toBe(false)
  })

  it('insured people cannot look others up (403), and lookups are rate-limited per counter', async () => {
    const insured = await signInInsured(app, person(58))
    expect((await verify(insured, person(59))).status).toBe(403)
    await enrol(store, person(60))
    const busy = await signInCounter(app, store, { ...GUANGZHOU, username: 'busy_counter' })
    const statuses: number[] = []
    for (let n = 0; n < 41; n++)
      statuses.push((await verify(busy, person(60))).status)
    expect(statuses.slice(0, 40).every(status => status === 200)).toBe(true)
    expect(statuses[40]).toBe(429)
  })
})

const SEED_REGIONS = [
  { name: '云南', insuredRegion: '530100', home: '530102', destination: '440100' },
  { name: '重庆', insuredRegion: '500100', home: '500103', destination: '530100' },
  // 河北 files temporary trips only as referrals (Hebei 第七条).
  { name: '河北', insuredRegion: '130100', home: '130102', destination: '530100', category: 'referral' },
  { name: '湛江', insuredRegion: '440800', home: '440802', destination: '530100' },
  { name: '吉林', insuredRegion: '220100', home: '220102', destination: '530100' },
] as const

describeEachStore('counter lookups under each seed region\'s policy', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  const counters: Record<string, string> = {}
  const today = chinaDateOf(new Date())
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    for (const [username, cityCode] of [['km', '530100'], ['gz', '440100'], ['cd', '510100']] as const)
      counters[cityCode] = await signInCounter(app, store, { username, hospitalCode: `H${cityCode}`, hospitalName: `${username}医院`, cityCode })
  })
  afterAll(() => store.close())

  const verify = (city: string, who: Person, overrides: Record<string, unknown> = {}) =>
    request(app).post('/api/counter/verify').set('authorization', `Bearer ${counters[city]}`)
      .send({ idNumber: who.idNumber, name: who.name, admissionDate: today, admissionType: 'normal', ...overrides })

  it.each(SEED_REGIONS.map((region, n) => ({ category: 'other_temporary', ...region, n })))('$name: settles where filed, not elsewhere; an emergency elsewhere is deemed filed; a cancelled filing no longer counts', async ({ insuredRegion, home, destination, category, n }) => {
    const who = person(70 + n, home)
    const filingId = crypto.randomUUID()
    const token = await signInInsured(app, who)
    const created = await sync(app, token, [action('filing.create', {
      filingId, idNumber: who.idNumber, name: who.name, sex: Number(who.idNumber[16]) % 2 === 1 ? 'male' : 'female', phone: who.phone,
      insuranceType: 'employee', category, insuredRegion, homeAddress: '参保地家庭住址1号', address: '就医地联系地址2号',
      destination, startDate: today, filledOn: today,
      ...(category === 'referral' ? { materials: [{ kind: 'referral_certificate', description: '转诊转院证明' }] } : {}),
    })])
    expect(created.body.results[0].status, JSON.stringify(created.body.results[0])).toBe('applied')

    expect((await verify(destination, who)).body.outcome).toBe('valid')
    expect((await verify('510100', who)).body.outcome).toBe('none')
    expect((await verify('510100', who, { admissionType: 'emergency' })).body.outcome).toBe('deemed')
    await sync(app, token, [action('filing.cancel', { filingId, requestedOn: today })])
    expect((await verify(destination, who)).body.outcome).toBe('none')
  })
})
