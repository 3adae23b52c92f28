import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { createApp } from '../../server/app.ts'
import { upsertHospitals } from '../../server/hospitals/repository.ts'
import type { NewStaffAccount } from '../../server/auth/staffAccounts.ts'
import type { Store } from '../../server/store/index.ts'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { NO_ACCUMULATORS } from '../../src/domain/money/settle.ts'
import { settleInpatient } from '../../src/domain/money/settleInpatient.ts'
import { stayBill } from '../../src/domain/money/stayBill.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import { testApp } from './support/app.ts'
import { captureLogger } from './support/logs.ts'
import { enrol } from './support/registry.ts'
import { action, type Person, person, signInCounter, signInInsured, sync } from './support/session.ts'
import { describeEachStore } from './support/stores.ts'

const HOSPITAL: NewStaffAccount = { username: 'gz_slips', hospitalCode: 'H44010021', hospitalName: '广州市第二十一人民医院', cityCode: '440100' }
const OTHER: NewStaffAccount = { username: 'gz_slips_other', hospitalCode: 'H44010022', hospitalName: '广州市第二十二人民医院', cityCode: '440100' }
const line = (id: string, coveredFen: number, selfFundedFen = 0) => ({ id, coveredFen, classBSelfPayFen: 2_000, overLimitSelfPayFen: 0, selfFundedFen })
const OWN_BILL = [line('bed', 400_000, 5_000), line('drugs', 600_000)]
const OUTSIDE = [line('cta', 85_000, 1_500)]

describeEachStore('外院检查治疗或购药单 joined to the stay (001 第三十三条, annex 12; Jilin 第二十八条)', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let counter: string
  let otherCounter: string
  const today = chinaDateOf(new Date())
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    counter = await signInCounter(app, store, HOSPITAL)
    otherCounter = await signInCounter(app, store, OTHER)
  })
  afterAll(() => store.close())

  /** An emergency admission (deemed filed, 001 二(三)) of someone on record in 昆明. */
  async function admit(who: Person) {
    await enrol(store, who)
    const admissionId = crypto.randomUUID()
    const response = await sync(app, counter, [action('admission.record', { admissionId, idNumber: who.idNumber, name: who.name, admissionDate: today, admissionType: 'emergency', traumaFlag: false, thirdPartyFlag: false, outcome: 'deemed' })])
    expect(response.body.results[0].status, JSON.stringify(response.body.results[0])).toBe('applied')
    return admissionId
  }
  const slipPayload = (admissionId: string, overrides: Record<string, unknown> = {}) => ({
    slipId: crypto.randomUUID(),
    admissionId,
    kind: 'examination',
    department: '心内科',
    diagnosis: '急性心肌梗死',
    outsideName: '广州市第一人民医院',
    items: '冠状动脉CT血管成像',
    reason: '本院设备检修',
    issuedOn: today,
    ...overrides,
  })
  const send = (token: string, type: string, payload: unknown) => sync(app, token, [action(type, payload)]).then(response => response.body.results[0])
  const discharge = (who: Person, admissionId: string, overrides: Record<string, unknown> = {}) =>
    send(counter, 'settlement.record', { settlementId: crypto.randomUUID(), idNumber: who.idNumber, kind: 'inpatient', hospitalLevel: 'secondary', admissionId, items: OWN_BILL, settledOn: today, ...overrides })

  it('001 第三十三条 "相关费用纳入本次住院费用跨省直接结算": a slip\'s recorded costs settle with the stay, under its one deductible', async () => {
    const who = person(81)
    const admissionId = await admit(who)
    const slip = slipPayload(admissionId)
    expect(await send(counter, 'outsideSlip.issue', slip)).toMatchObject({ status: 'applied', result: { slipId: slip.slipId, admissionId } })
    expect(await send(counter, 'outsideSlip.recordCosts', { slipId: slip.slipId, items: OUTSIDE, recordedOn: today })).toMatchObject({ status: 'applied', result: { totalFen: 88_500 } })

    const settled = await discharge(who, admissionId, { stay: { admissionNumber: 'ZY2026-0081', department: '心内科', diagnosis: '急性心肌梗死' } })
    expect(settled.status, JSON.stringify(settled)).toBe('applied')
    const policy = policyFor('530100')
    const expected = settleInpatient(stayBill(OWN_BILL, [{ slipId: slip.slipId, items: OUTSIDE }]), policy.inpatient.employee, () => NO_ACCUMULATORS, { hospitalLevel: 'secondary', ratioCutPoints: policy.ratioCutPoints.emergency, admissionDate: today, dischargeDate: today, crossYearStay: policy.crossYearStay })
    expect(settled.result.split).toEqual(expected)
    // The outside costs are in the stay's totals: 总费用 is the hospital's bill plus the slip's.
    expect(settled.result.split.totalFen).toBe(1_000_000 + 5_000 + 4_000 + 88_500)
    expect(settled.result.split.deductibleFen).toBe(policy.inpatient.employee.deductibleFenByLevel.secondary)

    const print = await request(app).get(`/api/counter/settlements/${settled.result.settlementId}`).set('authorization', `Bearer ${counter}`)
    expect(print.status).toBe(200)
    expect(print.body.outsideFen).toBe(88_500)
  })

  it('never twice: after discharge the stay takes no new slip and no slip costs, and the costs stay in one settlement', async () => {
    const who = person(82)
    const admissionId = await admit(who)
    const used = slipPayload(admissionId)
    const unused = slipPayload(admissionId, { kind: 'pharmacy', outsideName: '广州大参林药店', items: '注射用曲妥珠单抗' })
    await send(counter, 'outsideSlip.issue', used)
    await send(counter, 'outsideSlip.issue', unused)
    await send(counter, 'outsideSlip.recordCosts', { slipId: used.slipId, items: OUTSIDE, recordedOn: today })
    // A slip whose costs have not come back holds the discharge: the stay cannot be settled again later.
    expect(await discharge(who, admissionId)).toMatchObject({ status: 'rejected', error: { code: 'slip_costs_missing', field: 'admissionId' } })
    // A slip not used is recorded with no lines.
    expect(await send(counter, 'outsideSlip.recordCosts', { slipId: unused.slipId, items: [], recordedOn: today })).toMatchObject({ status: 'applied', result: { totalFen: 0 } })
    const settled = await discharge(who, admissionId)
    expect(settled.status, JSON.stringify(settled)).toBe('applied')

    expect(await send(counter, 'outsideSlip.issue', slipPayload(admissionId))).toMatchObject({ status: 'rejected', error: { code: 'stay_closed' } })
    expect(await send(counter, 'outsideSlip.recordCosts', { slipId: used.slipId, items: OUTSIDE, recordedOn: today })).toMatchObject({ status: 'rejected', error: { code: 'stay_closed' } })
    const rows = await store.db.selectFrom('outside_slips').select('settlement_id').where('admission_id', '=', admissionId).execute()
    expect(rows.map(row => row.settlement_id)).toEqual([settled.result.settlementId, settled.result.settlementId])
    const mine = (await request(app).get('/api/me/settlements').set('authorization', `Bearer ${await signInInsured(app, who)}`)).body.settlements
    expect(mine).toHaveLength(1)
    expect(mine[0].items.filter((item: { id: string }) => item.id.startsWith('slip-'))).toHaveLength(1)
  })

  it('refunding the stay returns what it paid for the outside costs too', async () => {
    const who = person(83)
    const admissionId = await admit(who)
    const slip = slipPayload(admissionId)
    await send(counter, 'outsideSlip.issue', slip)
    await send(counter, 'outsideSlip.recordCosts', { slipId: slip.slipId, items: OUTSIDE, recordedOn: today })
    const settled = await discharge(who, admissionId)
    const refundId = crypto.randomUUID()
    await send(await signInInsured(app, who), 'refund.request', { refundId, settlementId: settled.result.settlementId, reason: '外院费用有误', requestedOn: today })
    const processed = await send(counter, 'refund.process', { refundId, decision: 'approved', processedOn: today })
    expect(processed.result.reversal).toMatchObject({ fundFen: settled.result.split.fundPaidFen, cashFen: settled.result.split.cashPaidFen })
  })

  it('a stay discharged without direct settlement (手工报销) takes no slip and leaves the open stays', async () => {
    const who = person(89)
    const admissionId = await admit(who)
    expect(await send(counter, 'admission.discharge', { admissionId, dischargedOn: today })).toMatchObject({ status: 'applied' })
    expect(await send(counter, 'outsideSlip.issue', slipPayload(admissionId))).toMatchObject({ status: 'rejected', error: { code: 'stay_closed', field: 'admissionId' } })
    const open = (await request(app).get('/api/counter/stays').set('authorization', `Bearer ${counter}`)).body.stays as { admissionId: string }[]
    expect(open.some(stay => stay.admissionId === admissionId)).toBe(false)
  })

  it('a slip is refused for another hospital\'s stay, an unknown admission, a date before admission or after today', async () => {
    const who = person(84)
    const admissionId = await admit(who)
    expect(await send(otherCounter, 'outsideSlip.issue', slipPayload(admissionId))).toMatchObject({ status: 'rejected', error: { code: 'admission_not_found', field: 'admissionId' } })
    expect(await send(counter, 'outsideSlip.issue', slipPayload(crypto.randomUUID()))).toMatchObject({ status: 'rejected', error: { code: 'admission_not_found' } })
    expect(await send(counter, 'outsideSlip.issue', slipPayload(admissionId, { issuedOn: addDays(today, -1) }))).toMatchObject({ status: 'rejected', error: { code: 'slip_before_admission', field: 'issuedOn' } })
    expect(await send(counter, 'outsideSlip.issue', slipPayload(admissionId, { issuedOn: addDays(today, 1) }))).toMatchObject({ status: 'rejected', error: { code: 'slip_in_future' } })
    const slip = slipPayload(admissionId)
    await send(counter, 'outsideSlip.issue', slip)
    expect(await send(otherCounter, 'outsideSlip.recordCosts', { slipId: slip.slipId, items: OUTSIDE, recordedOn: today })).toMatchObject({ status: 'rejected', error: { code: 'slip_not_found' } })
    expect((await request(app).get(`/api/counter/slips/${slip.slipId}`).set('authorization', `Bearer ${otherCounter}`)).status).toBe(404)
    const insured = await signInInsured(app, who)
    expect(await send(insured, 'outsideSlip.issue', slipPayload(admissionId))).toMatchObject({ status: 'rejected' })
    expect((await request(app).get(`/api/counter/slips/${slip.slipId}`).set('authorization', `Bearer ${insured}`)).status).toBe(403)
  })

  it('idempotent: a replayed issue is answered as before and leaves one slip; costs are recorded once', async () => {
    const who = person(85)
    const admissionId = await admit(who)
    const issue = action('outsideSlip.issue', slipPayload(admissionId))
    const first = (await sync(app, counter, [issue])).body.results[0]
    const again = (await sync(app, counter, [issue])).body.results[0]
    expect(again).toMatchObject({ status: 'duplicate', result: first.result })
    const slipId = (issue.payload as { slipId: string }).slipId
    // The slip's row is its audit: who issued it and when, who recorded its costs and when.
    const [row] = await store.db.selectFrom('outside_slips').selectAll().where('admission_id', '=', admissionId).execute()
    expect(row).toMatchObject({ slip_id: slipId, issued_by: HOSPITAL.username, hospital_code: HOSPITAL.hospitalCode, costs: null })
    await send(counter, 'outsideSlip.recordCosts', { slipId, items: OUTSIDE, recordedOn: today })
    expect(await store.db.selectFrom('outside_slips').select(['costs_recorded_by', 'costs_recorded_at']).where('slip_id', '=', slipId).executeTakeFirst()).toEqual({ costs_recorded_by: HOSPITAL.username, costs_recorded_at: expect.any(String) })
    expect(await send(counter, 'outsideSlip.recordCosts', { slipId, items: OUTSIDE, recordedOn: today })).toMatchObject({ status: 'rejected', error: { code: 'slip_costs_recorded' } })
  })

  it('annex 12 prints from the server\'s record: 姓名, 性别, 年龄, 科别, 证件, 诊断, the outside place, items, reason', async () => {
    const who = person(86)
    const admissionId = await admit(who)
    const slip = slipPayload(admissionId, { physician: '李医生' })
    await send(counter, 'outsideSlip.issue', slip)
    const print = await request(app).get(`/api/counter/slips/${slip.slipId}`).set('authorization', `Bearer ${counter}`)
    expect(print.status).toBe(200)
    expect(print.body).toMatchObject({
      slipId: slip.slipId,
      patient: { name: who.name, sex: Number(who.idNumber[16]) % 2 === 1 ? 'male' : 'female', idType: 'resident_id', idNumber: who.idNumber },
      form: { kind: 'examination', department: '心内科', diagnosis: '急性心肌梗死', outsideName: '广州市第一人民医院', items: '冠状动脉CT血管成像', reason: '本院设备检修', physician: '李医生', issuedOn: today },
      hospital: { code: HOSPITAL.hospitalCode },
      items: null,
    })
    expect(print.body.patient.age).toBeGreaterThan(0)
  })

  it('the counter\'s open stays carry what the discharge screen computes with offline; a settled stay leaves the list; another hospital sees none', async () => {
    const who = person(87)
    const admissionId = await admit(who)
    const slip = slipPayload(admissionId)
    await send(counter, 'outsideSlip.issue', slip)
    const listed = await request(app).get('/api/counter/stays').set('authorization', `Bearer ${counter}`)
    expect(listed.status).toBe(200)
    const stay = listed.body.stays.find((item: { admissionId: string }) => item.admissionId === admissionId)
    expect(stay).toMatchObject({
      idNumber: who.idNumber,
      name: who.name,
      admissionType: 'emergency',
      coverage: { ok: true, insuredRegion: '530100', insuranceType: 'employee', ratioCutPoints: policyFor('530100').ratioCutPoints.emergency, outcome: 'deemed' },
      accumulators: { [today.slice(0, 4)]: { deductibleUsedFen: 0, fundPaidFen: 0 } },
      slips: [{ slipId: slip.slipId, items: null, settlementId: null }],
    })
    expect(listed.body.hospital).toMatchObject({ code: HOSPITAL.hospitalCode, city: '440100' })
    // 001 第三十二条: a stay the server will not settle directly says why in the list, so the screen shows no split for it.
    const injured = person(89)
    await enrol(store, injured)
    const injuredStay = crypto.randomUUID()
    await send(counter, 'admission.record', { admissionId: injuredStay, idNumber: injured.idNumber, name: injured.name, admissionDate: today, admissionType: 'emergency', traumaFlag: true, thirdPartyFlag: true, outcome: 'deemed' })
    const relisted = (await request(app).get('/api/counter/stays').set('authorization', `Bearer ${counter}`)).body.stays
    expect(relisted.find((item: { admissionId: string }) => item.admissionId === injuredStay).coverage).toMatchObject({ ok: false, refusal: { code: 'third_party_injury' } })
    const others = (await request(app).get('/api/counter/stays').set('authorization', `Bearer ${otherCounter}`)).body.stays
    expect(others.some((item: { admissionId: string }) => item.admissionId === admissionId)).toBe(false)

    await send(counter, 'outsideSlip.recordCosts', { slipId: slip.slipId, items: [], recordedOn: today })
    expect((await discharge(who, admissionId)).status).toBe('applied')
    const after = (await request(app).get('/api/counter/stays').set('authorization', `Bearer ${counter}`)).body.stays
    expect(after.some((item: { admissionId: string }) => item.admissionId === admissionId)).toBe(false)
  })

  it('001 annex 13: the 住院结算单 has every field from the server\'s record, both identities hold, and the hospital level is the directory\'s', async () => {
    await upsertHospitals(store.db, [{ code: HOSPITAL.hospitalCode, name: HOSPITAL.hospitalName, city: '440100', level: 'tertiary', address: '广州市越秀区', phone: null, inpatient: true, outpatient: true, chronic: false, canRefer: true, sample: false }], new Date().toISOString())
    try {
      const who = person(88)
      const admissionId = await admit(who)
      // The counter typed 一级; the directory lists this hospital as 三级, and that is what the ratio follows.
      const settled = await discharge(who, admissionId, { hospitalLevel: 'primary', stay: { admissionNumber: 'ZY2026-0088', department: '骨科', diagnosis: '股骨颈骨折', secondaryDiagnosis: '高血压', cardNumber: 'K53010012345' } })
      expect(settled.status, JSON.stringify(settled)).toBe('applied')
      expect(settled.result.hospitalLevel).toBe('tertiary')
      const print = (await request(app).get(`/api/counter/settlements/${settled.result.settlementId}`).set('authorization', `Bearer ${counter}`)).body
      expect(print).toMatchObject({
        patient: { name: who.name, idNumber: who.idNumber, cardNumber: 'K53010012345' },
        insuredRegion: '530100',
        insuranceType: 'employee',
        treatmentRegion: '440100',
        hospital: { code: HOSPITAL.hospitalCode, name: HOSPITAL.hospitalName, level: 'tertiary' },
        hospitalLevel: 'tertiary',
        admissionType: 'emergency',
        stay: { admissionNumber: 'ZY2026-0088', department: '骨科', diagnosis: '股骨颈骨折', secondaryDiagnosis: '高血压' },
        admissionDate: today,
        dischargeDate: today,
        stayDays: 1,
        outsideFen: 0,
      })
      expect(print.patient.sex).toMatch(/^(male|female)$/)
      const { split } = print
      expect(split.coveredFen + split.classBSelfPayFen + split.overLimitSelfPayFen + split.selfFundedFen).toBe(split.totalFen)
      expect(split.fundPaidFen + split.cashPaidFen).toBe(split.totalFen)
      expect(split.deductibleFen).toBe(policyFor('530100').inpatient.employee.deductibleFenByLevel.tertiary)
      expect((await request(app).get(`/api/counter/settlements/${settled.result.settlementId}`).set('authorization', `Bearer ${otherCounter}`)).status).toBe(404)
      // An outpatient bill follows the directory's level too.
      const visit = await send(counter, 'settlement.record', { settlementId: crypto.randomUUID(), idNumber: who.idNumber, kind: 'outpatient', hospitalLevel: 'primary', insuredRegion: '530100', insuranceType: 'employee', items: [line('x', 300_000)], settledOn: today })
      expect(visit.result.hospitalLevel).toBe('tertiary')
      expect((await request(app).get('/api/counter/stays').set('authorization', `Bearer ${counter}`)).body.hospital).toMatchObject({ level: 'tertiary', name: HOSPITAL.hospitalName })
    }
    finally {
      await store.db.deleteFrom('hospitals').where('code', '=', HOSPITAL.hospitalCode).execute()
    }
  })
})
