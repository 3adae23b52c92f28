import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { createApp } from '../../server/app.ts'
import type { NewStaffAccount } from '../../server/auth/staffAccounts.ts'
import type { Store } from '../../server/store/index.ts'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { manualClaimDeadline } from '../../src/domain/filing/counterNotes.ts'
import { settleInpatient } from '../../src/domain/money/settleInpatient.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import { testApp } from './support/app.ts'
import { filingCreatePayload } from './support/filingPayload.ts'
import { captureLogger } from './support/logs.ts'
import { enrol } from './support/registry.ts'
import { action, type Person, person, signInCounter, signInInsured, sync } from './support/session.ts'
import { describeEachStore } from './support/stores.ts'

const GUANGZHOU: NewStaffAccount = { username: 'gz_stay', hospitalCode: 'H44010009', hospitalName: '广州市第九人民医院', cityCode: '440100' }
const OTHER: NewStaffAccount = { username: 'gz_other', hospitalCode: 'H44010010', hospitalName: '广州市第十人民医院', cityCode: '440100' }
const billItem = (id: string, coveredFen: number) => ({ id, coveredFen, classBSelfPayFen: 5_000, overLimitSelfPayFen: 1_000, selfFundedFen: 3_000 })
const ITEMS = [billItem('bed', 300_000), billItem('drugs', 900_000)]

describeEachStore('a stay settled once at discharge (/api/sync)', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let counter: string
  let otherCounter: string
  const today = chinaDateOf(new Date())
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    counter = await signInCounter(app, store, GUANGZHOU)
    otherCounter = await signInCounter(app, store, OTHER)
  })
  afterAll(() => store.close())

  async function admit(who: Person, overrides: Record<string, unknown> = {}) {
    const admissionId = crypto.randomUUID()
    const response = await sync(app, counter, [action('admission.record', { admissionId, idNumber: who.idNumber, name: who.name, admissionDate: today, admissionType: 'normal', traumaFlag: false, thirdPartyFlag: false, outcome: 'valid', filingNumber: 'YD-TEST', ...overrides })])
    expect(response.body.results[0].status, JSON.stringify(response.body.results[0])).toBe('applied')
    return admissionId
  }
  const discharge = (token: string, who: Person, admissionId: string, overrides: Record<string, unknown> = {}) =>
    sync(app, token, [action('settlement.record', { settlementId: crypto.randomUUID(), idNumber: who.idNumber, kind: 'inpatient', hospitalLevel: 'secondary', admissionId, items: ITEMS, settledOn: today, ...overrides })])
      .then(response => response.body.results[0])

  async function fileTemporary(who: Person) {
    const payload = filingCreatePayload(who, '530100', today, { category: 'other_temporary', promise: undefined })
    const response = await sync(app, await signInInsured(app, who), [action('filing.create', payload)])
    expect(response.body.results[0].status, JSON.stringify(response.body.results[0])).toBe('applied')
  }

  it('001 第二十八条: the stay settles under the 参保地, 险种 and ratio cut on record; a typed cut, region or 险种 is ignored', async () => {
    const who = person(61)
    await fileTemporary(who)
    const admissionId = await admit(who)
    const result = await discharge(counter, who, admissionId, { ratioCutPoints: 0, insuredRegion: '220100', insuranceType: 'resident' })
    expect(result.status, JSON.stringify(result)).toBe('applied')
    const policy = policyFor('530100')
    const expected = settleInpatient(ITEMS, policy.inpatient.employee, () => ({ deductibleUsedFen: 0, fundPaidFen: 0 }), { hospitalLevel: 'secondary', ratioCutPoints: policy.ratioCutPoints.otherTemporary, admissionDate: today, dischargeDate: today, crossYearStay: policy.crossYearStay })
    expect(result.result).toMatchObject({ kind: 'inpatient', insuredRegion: '530100', insuranceType: 'employee', ratioCutPoints: policy.ratioCutPoints.otherTemporary, split: expected })
    expect(policy.ratioCutPoints.otherTemporary).toBeGreaterThan(0)
    // 001 annex 13: both slip identities hold for what the server settled.
    const split = result.result.split
    expect(split.coveredFen + split.classBSelfPayFen + split.overLimitSelfPayFen + split.selfFundedFen).toBe(split.totalFen)
    expect(split.fundPaidFen + split.cashPaidFen).toBe(split.totalFen)
  })

  it('Jilin 第十六条: an admission is settled once; a second discharge of it is refused', async () => {
    const who = person(62)
    await fileTemporary(who)
    const admissionId = await admit(who)
    expect((await discharge(counter, who, admissionId)).status).toBe('applied')
    expect(await discharge(counter, who, admissionId)).toMatchObject({ status: 'rejected', error: { code: 'stay_already_settled' } })
  })

  it('Jilin 第十六条: a cross-year emergency stay counts one deductible and splits by days, against inpatient accumulators apart from outpatient ones', async () => {
    const who = person(63, '220102')
    await enrol(store, who)
    const admissionDate = `${Number(today.slice(0, 4)) - 1}-12-22`
    const dischargeDate = `${today.slice(0, 4)}-01-11`
    const admissionId = await admit(who, { admissionDate, admissionType: 'emergency', outcome: 'deemed', filingNumber: undefined })
    const result = await discharge(counter, who, admissionId, { settledOn: dischargeDate })
    expect(result.status, JSON.stringify(result)).toBe('applied')
    const { split } = result.result
    expect(split.years.map((y: { year: number, days: number }) => [y.year, y.days])).toEqual([[Number(admissionDate.slice(0, 4)), 10], [Number(dischargeDate.slice(0, 4)), 10]])
    expect(split.deductibleFen).toBe(policyFor('220100').inpatient.employee.deductibleFenByLevel.secondary)
    expect(result.result.ratioCutPoints).toBe(policyFor('220100').ratioCutPoints.emergency)

    // An outpatient visit in the discharge year still pays its whole outpatient deductible.
    const visit = await sync(app, counter, [action('settlement.record', { settlementId: crypto.randomUUID(), idNumber: who.idNumber, kind: 'outpatient', hospitalLevel: 'secondary', insuredRegion: '220100', insuranceType: 'employee', items: [billItem('x', 500_000)], settledOn: dischargeDate })])
    expect(visit.body.results[0].result.split.deductibleFen).toBe(policyFor('220100').outpatient.employee.deductibleFen)
  })

  it('refunding a stay returns exactly what it paid, and its year\'s cap room comes back for the next stay', async () => {
    const who = person(64)
    await fileTemporary(who)
    const first = await discharge(counter, who, await admit(who))
    const insured = await signInInsured(app, who)
    const refundId = crypto.randomUUID()
    expect((await sync(app, insured, [action('refund.request', { refundId, settlementId: first.result.settlementId, reason: '结算有误', requestedOn: today })])).body.results[0].status).toBe('applied')
    const processed = (await sync(app, counter, [action('refund.process', { refundId, decision: 'approved', processedOn: today })])).body.results[0]
    expect(processed.result.reversal).toMatchObject({ kind: 'inpatient', fundFen: first.result.split.fundPaidFen, cashFen: first.result.split.cashPaidFen })
    // The same bill again settles to the same money: the refunded stay left no trace on the cap.
    const again = await discharge(counter, who, await admit(who))
    expect(again.result.split).toEqual(first.result.split)
    const mine = (await request(app).get('/api/me/settlements').set('authorization', `Bearer ${insured}`)).body.settlements
    expect(mine.map((s: { kind: string }) => s.kind)).toEqual(['inpatient', 'inpatient'])
  })

  it('001 二(四): a filing made after admission but before discharge still settles the stay directly', async () => {
    const who = person(70)
    await enrol(store, who)
    const admissionId = await admit(who, { outcome: 'none', filingNumber: undefined })
    expect(await discharge(counter, who, admissionId)).toMatchObject({ status: 'rejected', error: { code: 'no_filing' } })
    await fileTemporary(who)
    expect(await discharge(counter, who, admissionId)).toMatchObject({ status: 'applied', result: { kind: 'inpatient', insuredRegion: '530100' } })
  })

  it('the discharge date is checked by the server\'s clock: not before admission, not in the future', async () => {
    const who = person(65)
    await fileTemporary(who)
    const admissionId = await admit(who)
    expect(await discharge(counter, who, admissionId, { settledOn: addDays(today, -1) })).toMatchObject({ status: 'rejected', error: { code: 'discharge_before_admission' } })
    expect(await discharge(counter, who, admissionId, { settledOn: addDays(today, 1) })).toMatchObject({ status: 'rejected', error: { code: 'discharge_in_future' } })
  })

  it('001 第三十二条: an injury with a third party liable cannot be settled directly', async () => {
    const who = person(66)
    await fileTemporary(who)
    const admissionId = await admit(who, { traumaFlag: true, thirdPartyFlag: true })
    const result = await discharge(counter, who, admissionId)
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'third_party_injury' } })
    expect(result.error.message).toContain('第三方')
  })

  it('only this hospital\'s admission of this patient settles, and only with a filing or an emergency', async () => {
    const who = person(67)
    await fileTemporary(who)
    const admissionId = await admit(who)
    expect(await discharge(otherCounter, who, admissionId)).toMatchObject({ status: 'rejected', error: { code: 'admission_not_found' } })
    expect(await discharge(counter, person(68), admissionId)).toMatchObject({ status: 'rejected', error: { code: 'admission_other_patient' } })
    const unfiled = person(69)
    await enrol(store, unfiled)
    expect(await discharge(counter, unfiled, await admit(unfiled, { outcome: 'none', filingNumber: undefined }))).toMatchObject({ status: 'rejected', error: { code: 'no_filing' } })
  })

  it('Jilin 第十五条: a stay that cannot settle directly lists its 参保地, whose policy gives the counter the same 手工报销 deadline as the server\'s answer to its discharge without settlement', async () => {
    const who = person(70, '220202')
    await enrol(store, who)
    const admissionId = await admit(who, { outcome: 'none', filingNumber: undefined })
    const listed = (await request(app).get('/api/counter/stays').set('authorization', `Bearer ${counter}`)).body.stays.find((stay: { admissionId: string }) => stay.admissionId === admissionId)
    expect(listed).toMatchObject({ coverage: { ok: false, refusal: { code: 'no_filing' } }, claimRegion: '220200' })
    const onDevice = manualClaimDeadline(policyFor(listed.claimRegion), today)
    expect(onDevice).toBe(`${Number(today.slice(0, 4)) + 1}-12-31`)
    const answered = (await sync(app, counter, [action('admission.discharge', { admissionId, dischargedOn: today })])).body.results[0]
    expect(answered).toMatchObject({ status: 'applied', result: { claimDeadline: onDevice } })
    const after = (await request(app).get('/api/counter/stays').set('authorization', `Bearer ${counter}`)).body.stays
    expect(after.map((stay: { admissionId: string }) => stay.admissionId)).not.toContain(admissionId)
  })
})

describeEachStore('a one-visit referral is used up at discharge (Hebei 第九条)', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let counter: string
  const today = chinaDateOf(new Date())
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    counter = await signInCounter(app, store, { username: 'gz_referral', hospitalCode: 'H44010011', hospitalName: '广州市第十一人民医院', cityCode: '440100' })
  })
  afterAll(() => store.close())

  async function refer(who: Person, token: string) {
    const certificate = crypto.randomUUID()
    await request(app).put(`/api/attachments/${certificate}`).set('authorization', `Bearer ${token}`).set('content-type', 'image/jpeg').send(Buffer.from([0xFF, 0xD8, 0xFF, 0xE0, 9, 9]))
    const payload = filingCreatePayload(who, '130100', today, { category: 'referral', promise: undefined, materials: [{ kind: 'referral_certificate', description: '转诊转院证明', fileRef: certificate }] })
    return (await sync(app, token, [action('filing.create', payload)])).body.results[0]
  }

  it('"转诊转院仅限当次异地就医使用": the discharge uses the referral, its QR is revoked, the counter no longer accepts it, and the next referral is filed', async () => {
    const who = person(71, '130102')
    await enrol(store, who, { insuredRegion: '130100' })
    const token = await signInInsured(app, who)
    const first = await refer(who, token)
    expect(first.status, JSON.stringify(first)).toBe('applied')
    const cursor = (await request(app).get('/api/revocations').set('authorization', `Bearer ${counter}`)).body.cursor as number
    expect((await refer(who, token)).error?.code).toBe('destination_conflict')

    const admissionId = crypto.randomUUID()
    await sync(app, counter, [action('admission.record', { admissionId, idNumber: who.idNumber, name: who.name, admissionDate: today, admissionType: 'normal', traumaFlag: false, thirdPartyFlag: false, outcome: 'valid', filingNumber: first.result.filing.filingNumber })])
    const settled = (await sync(app, counter, [action('settlement.record', { settlementId: crypto.randomUUID(), idNumber: who.idNumber, kind: 'inpatient', hospitalLevel: 'tertiary', admissionId, items: ITEMS, settledOn: today })])).body.results[0]
    expect(settled.status, JSON.stringify(settled)).toBe('applied')

    const revoked = (await request(app).get(`/api/revocations?since=${cursor}`).set('authorization', `Bearer ${counter}`)).body.revoked
    expect(revoked).toEqual([expect.objectContaining({ filingNumber: first.result.filing.filingNumber, reason: 'used' })])
    const mine = (await request(app).get('/api/me/filings').set('authorization', `Bearer ${token}`)).body.own
    const used = mine.find((item: { filing: { filingId: string } }) => item.filing.filingId === first.result.filing.filingId)
    expect(used.filing.usedOn).toBe(today)
    expect(used.credential).toBeUndefined()
    // Its "this visit only" SMS reminder (Hebei 第九条) is no longer to be sent.
    const oneVisitReminders = await store.db.selectFrom('reminders').select('status').where('subject_id', '=', first.result.filing.filingId).where('kind', '=', 'referral_one_visit').execute()
    expect(oneVisitReminders).toEqual([{ status: 'cancelled' }])
    expect(used.history.at(-1).type).toBe('settlement.record')
    const tomorrow = addDays(today, 1)
    expect((await request(app).post('/api/counter/verify').set('authorization', `Bearer ${counter}`).send({ idNumber: who.idNumber, name: who.name, admissionDate: tomorrow, admissionType: 'normal' })).body.outcome).toBe('none')
    expect((await refer(who, token)).status).toBe('applied')
  })
})
