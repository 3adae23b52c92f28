import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { createApp } from '../../server/app.ts'
import { testApp } from './support/app.ts'
import { closePeriod } from '../../server/settlement/clearing.ts'
import type { Store } from '../../server/store/index.ts'
import { captureLogger } from './support/logs.ts'
import { action, person, signInCounter, signInInsured, sync } from './support/session.ts'
import { describeEachStore } from './support/stores.ts'

const patient = person(91)
const billItem = (id: string, coveredFen: number) => ({ id, coveredFen, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 1_000 })

describeEachStore('settlements and refunds', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let counter: string
  let otherCounter: string
  let insured: string
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    counter = await signInCounter(app, store, { username: 'gz1', hospitalCode: 'H44', hospitalName: '广州甲医院', cityCode: '440100' })
    otherCounter = await signInCounter(app, store, { username: 'gz2', hospitalCode: 'H45', hospitalName: '广州乙医院', cityCode: '440100' })
    insured = await signInInsured(app, patient)
  })
  afterAll(() => store.close())

  const settle = (settledOn: string, items: ReturnType<typeof billItem>[]) => {
    const settlementId = crypto.randomUUID()
    return { settlementId, action: action('settlement.record', { settlementId, idNumber: patient.idNumber, kind: 'outpatient', hospitalLevel: 'secondary', insuredRegion: '530100', insuranceType: 'employee', items, settledOn }) }
  }
  const mine = async () => (await request(app).get('/api/me/settlements').set('authorization', `Bearer ${insured}`)).body.settlements as { settlementId: string, split: { fundPaidFen: number, cashPaidFen: number }, refunds: { status: string, period: string | null, afterClearing: boolean }[] }[]

  it('Yunnan 第三十七条 隔笔退费 and Jilin 第三十二条 清算后退费: refunding the first of two settlements after its month was cleared leaves the second untouched and books into the next period', async () => {
    const first = settle('2026-10-05', [billItem('a', 150_000)])
    const second = settle('2026-10-20', [billItem('b', 100_000)])
    const recorded = await sync(app, counter, [first.action, second.action])
    expect(recorded.body.results.map((result: { status: string }) => result.status)).toEqual(['applied', 'applied'])
    const before = await mine()
    const secondBefore = before.find(item => item.settlementId === second.settlementId)!.split

    const totalsOctober = await closePeriod(store.db, 'H44', '2026-10')
    expect(totalsOctober.fundFen).toBe(before.reduce((total, item) => total + item.split.fundPaidFen, 0))

    const refundId = crypto.randomUUID()
    expect((await sync(app, insured, [action('refund.request', { refundId, settlementId: first.settlementId, reason: '药品未取走', requestedOn: '2026-11-02' })])).body.results[0].status).toBe('applied')
    const queue = (await request(app).get('/api/counter/refunds').set('authorization', `Bearer ${counter}`)).body.refunds
    expect(queue.map((refund: { refundId: string, status: string }) => [refund.refundId, refund.status])).toEqual([[refundId, 'pending']])
    // The card names the patient as the registry has them, beside the masked 身份证号码.
    expect(queue[0]).toMatchObject({ patientName: patient.name, patientMasked: `${patient.idNumber.slice(0, 3)}***********${patient.idNumber.slice(-4)}` })
    expect((await request(app).get('/api/counter/refunds').set('authorization', `Bearer ${otherCounter}`)).body.refunds).toEqual([])

    const approve = action('refund.process', { refundId, decision: 'approved', processedOn: '2026-11-03' })
    const processed = await sync(app, counter, [approve])
    expect(processed.body.results[0]).toMatchObject({ status: 'applied', result: { status: 'approved', reversal: { period: '2026-11', afterClearing: true } } })
    expect((await sync(app, counter, [approve])).body.results[0].status).toBe('duplicate')

    const after = await mine()
    expect(after.find(item => item.settlementId === second.settlementId)!.split).toEqual(secondBefore)
    expect(after.find(item => item.settlementId === first.settlementId)!.refunds).toEqual([expect.objectContaining({ status: 'approved', period: '2026-11', afterClearing: true })])
    const november = await closePeriod(store.db, 'H44', '2026-11')
    expect(november.reversedFundFen).toBe(before.find(item => item.settlementId === first.settlementId)!.split.fundPaidFen)
  })

  it('refunding twice is refused (already_refunded), and a counter of another hospital cannot process it', async () => {
    const bill = settle('2026-11-10', [billItem('c', 90_000)])
    await sync(app, counter, [bill.action])
    const first = crypto.randomUUID()
    await sync(app, insured, [action('refund.request', { refundId: first, settlementId: bill.settlementId, reason: '重复收费', requestedOn: '2026-11-11' })])
    expect((await sync(app, otherCounter, [action('refund.process', { refundId: first, decision: 'approved', processedOn: '2026-11-12' })])).body.results[0].error.code).toBe('not_found')
    await sync(app, counter, [action('refund.process', { refundId: first, decision: 'approved', processedOn: '2026-11-12' })])
    const again = crypto.randomUUID()
    await sync(app, insured, [action('refund.request', { refundId: again, settlementId: bill.settlementId, reason: '重复收费', requestedOn: '2026-11-13' })])
    const refused = await sync(app, counter, [action('refund.process', { refundId: again, decision: 'approved', processedOn: '2026-11-13' })])
    expect(refused.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'already_refunded' } })
  })

  it('a settlement kept before its figures were stored refunds under the figures it was settled with', async () => {
    const bill = settle('2026-11-20', [billItem('e', 120_000), billItem('f', 40_000)])
    const recorded = await sync(app, counter, [bill.action])
    const paid = recorded.body.results[0].result.split
    const row = await store.db.selectFrom('settlements').select('record').where('settlement_id', '=', bill.settlementId).executeTakeFirstOrThrow()
    const { benefit, ...older } = JSON.parse(row.record) as { benefit: unknown }
    expect(benefit).toBeDefined()
    await store.db.updateTable('settlements').set({ record: JSON.stringify(older) }).where('settlement_id', '=', bill.settlementId).execute()

    const refundId = crypto.randomUUID()
    await sync(app, insured, [action('refund.request', { refundId, settlementId: bill.settlementId, reason: '检查未做', requestedOn: '2026-11-21' })])
    const processed = await sync(app, counter, [action('refund.process', { refundId, decision: 'approved', processedOn: '2026-11-22' })])
    expect(processed.body.results[0].result.reversal).toMatchObject({ fundFen: paid.fundPaidFen, cashFen: paid.cashPaidFen })
  })

  it('nobody asks a refund of someone else\'s settlement', async () => {
    const bill = settle('2026-11-15', [billItem('d', 20_000)])
    await sync(app, counter, [bill.action])
    const stranger = await signInInsured(app, person(92))
    const response = await sync(app, stranger, [action('refund.request', { refundId: crypto.randomUUID(), settlementId: bill.settlementId, reason: '退费', requestedOn: '2026-11-16' })])
    expect(response.body.results[0].error.code).toBe('not_found')
    expect((await request(app).get('/api/counter/refunds').set('authorization', `Bearer ${stranger}`)).status).toBe(403)
  })

  it('imports a day\'s settlements from the hospital system as JSON lines; importing the file again applies nothing twice', async () => {
    const lines = [settle('2026-11-20', [billItem('e', 30_000)]), settle('2026-11-20', [billItem('f', 40_000)])]
      .map(({ action: line }) => JSON.stringify(line.payload)).join('\n')
    const post = () => request(app).post('/api/counter/settlements/import').set('authorization', `Bearer ${counter}`).set('content-type', 'application/x-ndjson').send(lines)
    expect((await post()).body.results.map((result: { status: string }) => result.status)).toEqual(['applied', 'applied'])
    expect((await post()).body.results.map((result: { status: string }) => result.status)).toEqual(['duplicate', 'duplicate'])
    const broken = await request(app).post('/api/counter/settlements/import').set('authorization', `Bearer ${counter}`).set('content-type', 'application/x-ndjson').send('{"settlementId": 1}\nnot json')
    expect(broken.status).toBe(400)
    expect(broken.body.detail).toBe('第1行缺少结算编号（settlementId）')
    expect((await request(app).post('/api/counter/settlements/import').set('authorization', `Bearer ${insured}`).set('content-type', 'application/x-ndjson').send(lines)).status).toBe(403)
  })
})
