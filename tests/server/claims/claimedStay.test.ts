import type { Express } from 'express'
import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Store } from '../../../server/store/index.ts'
import { claimPayment } from '../../../src/domain/claims/claimPayment.ts'
import { addDays, chinaDateOf } from '../../../src/domain/dates/calendarDate.ts'
import { NO_ACCUMULATORS } from '../../../src/domain/money/settle.ts'
import { JILIN_POLICY } from '../../../src/domain/policy/regionalPolicies.ts'
import { JILIN_CITY_AGENCY, signInAgency } from '../support/agency.ts'
import { testApp } from '../support/app.ts'
import { captureLogger } from '../support/logs.ts'
import { enrol } from '../support/registry.ts'
import { action, type Person, person, signInCounter, signInInsured, sync } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

const today = chinaDateOf(new Date())
const admitted = addDays(today, -6)
const discharged = addDays(today, -1)
const jpeg = (n: number) => Buffer.from([0xFF, 0xD8, 0xFF, 0xE0, n, n + 1, n + 2, n + 3])
const OUTSIDE = [{ id: 'cta', coveredFen: 85_000, classBSelfPayFen: 2_000, overLimitSelfPayFen: 0, selfFundedFen: 1_500 }]
const INVOICE = { coveredFen: 1_000_000, classBSelfPayFen: 150_000, overLimitSelfPayFen: 0, selfFundedFen: 100_000 }

describeEachStore('001 第三十三条: a stay\'s 外院检查治疗或购药单 in its 手工报销', ({ openTestStore }) => {
  let store: Store
  let app: Express
  let counter: string
  let agency: string
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    counter = await signInCounter(app, store, { username: 'claim_slips_gz', hospitalCode: 'H44010031', hospitalName: '广州市第三十一人民医院', cityCode: '440100' })
    agency = await signInAgency(app, store, JILIN_CITY_AGENCY)
  })
  afterAll(() => store.close())

  const send = (token: string, type: string, payload: unknown) => sync(app, token, [action(type, payload)]).then(response => response.body.results[0])
  const desk = (path: string) => request(app).get(`/api/agency/claims/${path}`).set('authorization', `Bearer ${agency}`)

  /** A Jilin person's stay at the Guangzhou counter with one slip whose costs came back, discharged unsettled. */
  async function unsettledStayWithSlip(who: Person): Promise<{ admissionId: string, slipId: string }> {
    await enrol(store, who)
    const admissionId = crypto.randomUUID()
    expect(await send(counter, 'admission.record', { admissionId, idNumber: who.idNumber, name: who.name, admissionDate: admitted, admissionType: 'normal', traumaFlag: false, thirdPartyFlag: false, outcome: 'none' })).toMatchObject({ status: 'applied' })
    const slipId = crypto.randomUUID()
    expect(await send(counter, 'outsideSlip.issue', { slipId, admissionId, kind: 'examination', department: '心内科', diagnosis: '急性心肌梗死', outsideName: '广州市第一人民医院', items: '冠状动脉CT血管成像', reason: '本院设备检修', issuedOn: addDays(admitted, 1) })).toMatchObject({ status: 'applied' })
    expect(await send(counter, 'outsideSlip.recordCosts', { slipId, items: OUTSIDE, recordedOn: addDays(admitted, 2) })).toMatchObject({ status: 'applied' })
    expect(await send(counter, 'admission.discharge', { admissionId, dischargedOn: discharged })).toMatchObject({ status: 'applied' })
    return { admissionId, slipId }
  }

  async function submitClaim(who: Person, n: number, overrides: Record<string, unknown> = {}) {
    const token = await signInInsured(app, who)
    const ids = [crypto.randomUUID(), crypto.randomUUID()]
    for (const [index, id] of ids.entries())
      expect((await request(app).put(`/api/attachments/${id}`).set('authorization', `Bearer ${token}`).set('content-type', 'image/jpeg').send(jpeg(n * 2 + index))).status).toBe(201)
    const claim = {
      claimId: crypto.randomUUID(),
      idNumber: who.idNumber,
      name: who.name,
      kind: 'inpatient',
      hospitalName: '广州市第三十一人民医院',
      hospitalLevel: 'tertiary',
      treatmentRegion: '440100',
      admissionDate: admitted,
      dischargeDate: discharged,
      reason: 'unfiled_self_paid',
      invoicePhotos: [ids[0]],
      costDetailPhotos: [ids[1]],
      bank: { accountName: who.name, bankName: '中国工商银行吉林分行', accountNumber: '6222 0212 3456 7890 128' },
      paidFen: 1_338_500,
      submittedOn: today,
      ...overrides,
    }
    return { claim, result: await send(token, 'claim.submit', claim) }
  }

  const care = { kind: 'inpatient' as const, hospitalLevel: 'tertiary' as const, admissionDate: admitted, dischargeDate: discharged }

  it('001 第三十三条 "应将《住院期间外院检查治疗或定点药店购药单》费用纳入本次住院费用手工报销": the desk shows the stay\'s slips and pays their recorded costs with the invoice, once', async () => {
    const who = person(971, '220202')
    const { admissionId, slipId } = await unsettledStayWithSlip(who)
    const { claim, result } = await submitClaim(who, 971)
    expect(result.status, JSON.stringify(result)).toBe('applied')

    const opened = await desk(claim.claimId)
    expect(opened.status).toBe(200)
    expect(opened.body.claim.stay).toMatchObject({ admissionId, admissionDate: admitted, dischargedOn: discharged, slips: [{ slipId, outsideName: '广州市第一人民医院', totalFen: 88_500 }] })

    const withSlip = claimPayment(care, INVOICE, JILIN_POLICY, 'employee', () => NO_ACCUMULATORS, 0, [{ slipId, items: OUTSIDE }]).payment
    const invoiceOnly = claimPayment(care, INVOICE, JILIN_POLICY, 'employee', () => NO_ACCUMULATORS).payment
    expect(withSlip.totalFen).toBe(invoiceOnly.totalFen + 88_500)
    expect(withSlip.fundPaidFen).toBeGreaterThan(invoiceOnly.fundPaidFen)
    const preview = await request(app).post(`/api/agency/claims/${claim.claimId}/preview`).set('authorization', `Bearer ${agency}`).send({ costs: INVOICE })
    expect(preview.body.payment).toEqual(withSlip)

    const decided = await send(agency, 'claim.decide', { claimId: claim.claimId, decision: 'approved', costs: INVOICE })
    expect(decided).toMatchObject({ status: 'applied', result: { status: 'approved', payment: withSlip } })
    const slip = await store.db.selectFrom('outside_slips').select(['claim_id', 'settlement_id']).where('slip_id', '=', slipId).executeTakeFirstOrThrow()
    expect(slip).toEqual({ claim_id: claim.claimId, settlement_id: null })

    // A second claim for the same stay (another hospital name typed, so not a duplicate) is not paid the slip again.
    const again = await submitClaim(who, 972, { hospitalName: '广州市第三十一医院' })
    expect(again.result.status, JSON.stringify(again.result)).toBe('applied')
    expect((await desk(again.claim.claimId)).body.claim.stay.slips).toEqual([])
    const second = await send(agency, 'claim.decide', { claimId: again.claim.claimId, decision: 'approved', costs: INVOICE })
    expect(second.result.payment.totalFen).toBe(invoiceOnly.totalFen)
  })

  it('001 第三十三条: a claim the server cannot link to one stay of its records pays its invoice only', async () => {
    const who = person(973, '220202')
    await unsettledStayWithSlip(who)
    const { claim, result } = await submitClaim(who, 973, { admissionDate: addDays(admitted, -1) })
    expect(result.status).toBe('applied')
    expect((await desk(claim.claimId)).body.claim.stay).toBeNull()
    const decided = await send(agency, 'claim.decide', { claimId: claim.claimId, decision: 'approved', costs: INVOICE })
    expect(decided.result.payment.totalFen).toBe(claimPayment({ ...care, admissionDate: addDays(admitted, -1) }, INVOICE, JILIN_POLICY, 'employee', () => NO_ACCUMULATORS).payment.totalFen)
  })

  it('001 第三十三条: a slip whose costs the hospital never recorded is listed on the desk but pays nothing, and stays unpaid', async () => {
    const who = person(975, '220202')
    await enrol(store, who)
    const admissionId = crypto.randomUUID()
    expect(await send(counter, 'admission.record', { admissionId, idNumber: who.idNumber, name: who.name, admissionDate: admitted, admissionType: 'normal', traumaFlag: false, thirdPartyFlag: false, outcome: 'none' })).toMatchObject({ status: 'applied' })
    const slipId = crypto.randomUUID()
    expect(await send(counter, 'outsideSlip.issue', { slipId, admissionId, kind: 'pharmacy', department: '心内科', diagnosis: '急性心肌梗死', outsideName: '广州大参林药店', items: '替格瑞洛片', reason: '本院无此药', issuedOn: admitted })).toMatchObject({ status: 'applied' })
    expect(await send(counter, 'admission.discharge', { admissionId, dischargedOn: discharged })).toMatchObject({ status: 'applied' })
    const { claim } = await submitClaim(who, 975)
    expect((await desk(claim.claimId)).body.claim.stay.slips).toEqual([expect.objectContaining({ slipId, totalFen: null })])
    const decided = await send(agency, 'claim.decide', { claimId: claim.claimId, decision: 'approved', costs: INVOICE })
    expect(decided.result.payment).toEqual(claimPayment(care, INVOICE, JILIN_POLICY, 'employee', () => NO_ACCUMULATORS).payment)
    expect((await store.db.selectFrom('outside_slips').select('claim_id').where('slip_id', '=', slipId).executeTakeFirstOrThrow()).claim_id).toBeNull()
  })

  it('a stay settled directly at the hospital is not claimable: its money was paid there', async () => {
    const who = person(974, '220202')
    await enrol(store, who)
    const admissionId = crypto.randomUUID()
    expect(await send(counter, 'admission.record', { admissionId, idNumber: who.idNumber, name: who.name, admissionDate: today, admissionType: 'emergency', traumaFlag: false, thirdPartyFlag: false, outcome: 'deemed' })).toMatchObject({ status: 'applied' })
    const settled = await send(counter, 'settlement.record', { settlementId: crypto.randomUUID(), idNumber: who.idNumber, kind: 'inpatient', hospitalLevel: 'secondary', admissionId, items: [{ id: 'bed', ...INVOICE }], settledOn: today })
    expect(settled.status, JSON.stringify(settled)).toBe('applied')
    const { result } = await submitClaim(who, 974, { admissionDate: today, dischargeDate: today })
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'settled_directly', field: 'dischargeDate' } })
  })
})
