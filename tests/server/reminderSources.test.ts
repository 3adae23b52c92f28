import type { Express } from 'express'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReminderSender } from '../../server/reminders/reminderSender.ts'
import { sendDueReminders } from '../../server/reminders/sendDueReminders.ts'
import type { Store } from '../../server/store/index.ts'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { JILIN_CITY_AGENCY, signInAgency } from './support/agency.ts'
import { testApp } from './support/app.ts'
import { filingCreatePayload } from './support/filingPayload.ts'
import { captureLogger } from './support/logs.ts'
import { enrol } from './support/registry.ts'
import { action, type Person, person, signInCounter, signInInsured, sync } from './support/session.ts'
import { describeEachStore } from './support/stores.ts'

const today = chinaDateOf(new Date())
/** Noon in China on `date`, the instant a run happens on that day. */
const noonOn = (date: string) => new Date(`${date}T04:00:00Z`)
const jpeg = (n: number) => Buffer.from([0xFF, 0xD8, 0xFF, 0xE0, n, n + 1, n + 2, n + 3])

function recordingSender(): { sender: ReminderSender, sent: { phone: string, message: string }[] } {
  const sent: { phone: string, message: string }[] = []
  return { sent, sender: async (phone, message) => void sent.push({ phone, message }) }
}

describeEachStore('reminders of deadlines only the server\'s records know', ({ openTestStore }) => {
  let store: Store
  let app: Express
  let counter: string
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    counter = await signInCounter(app, store, { username: 'remind_gz', hospitalCode: 'H44010003', hospitalName: '广州示例医院', cityCode: '440100' })
  })
  afterAll(() => store.close())

  const remindersOf = (subjectId: string) => store.db.selectFrom('reminders').selectAll().where('subject_id', '=', subjectId).execute()
  const deadlinesOf = async (token: string) => {
    const response = await request(app).get('/api/me/deadlines').set('authorization', `Bearer ${token}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return response.body.deadlines as { kind: string, date: string, subject: string, article: string, reason: string }[]
  }

  async function admit(who: Person, admissionDate: string, admissionType: 'emergency' | 'normal' = 'emergency'): Promise<string> {
    const admissionId = crypto.randomUUID()
    const response = await sync(app, counter, [action('admission.record', { admissionId, idNumber: who.idNumber, name: who.name, admissionDate, admissionType, traumaFlag: false, thirdPartyFlag: false, outcome: admissionType === 'emergency' ? 'deemed' : 'none' })])
    expect(response.body.results[0].status, JSON.stringify(response.body.results[0])).toBe('applied')
    return admissionId
  }

  describe('Hebei 第十一条 "可先行住院，10日内补办备案"', () => {
    const hebei = (n: number) => person(n, '130102')

    it('Hebei 第十一条: an emergency admission without a filing is reminded of the 补办\'s last day, 10 days on, by SMS and on the phone', async () => {
      const who = hebei(951)
      await enrol(store, who, { insuredRegion: '130100' })
      const admitted = addDays(today, -2)
      const admissionId = await admit(who, admitted)
      const due = addDays(admitted, 10)
      expect(await remindersOf(admissionId)).toMatchObject([{ subject_kind: 'admission', kind: 'emergency_filing_due', deadline: due, send_on: addDays(due, -3), status: 'due', article: '河北规程 第十一条' }])
      const token = await signInInsured(app, who)
      expect(await deadlinesOf(token)).toEqual([expect.objectContaining({ kind: 'emergency_filing_due', date: due, subject: admissionId, article: '河北规程 第十一条' })])

      const { sent, sender } = recordingSender()
      await sendDueReminders(store, sender, noonOn(addDays(due, -3)))
      const mine = sent.filter(text => text.phone === who.phone)
      expect(mine).toHaveLength(1)
      expect(mine[0]!.message).toContain('补办')
      expect(mine[0]!.message).toContain(due)
      expect(mine[0]!.message).not.toContain(who.idNumber)
      expect(mine[0]!.message).not.toContain(who.name)
    })

    it('Hebei 第十一条: the 补办 filing covering the admission cancels its reminder, and the phone no longer lists it', async () => {
      const who = hebei(952)
      await enrol(store, who, { insuredRegion: '130100' })
      const admitted = addDays(today, -3)
      const admissionId = await admit(who, admitted)
      const token = await signInInsured(app, who)
      // Hebei files no 其他临时外出; a long-term stay by promise, reaching back to the admission.
      const filed = await sync(app, token, [action('filing.create', filingCreatePayload(who, '130100', today, { longStayDeclared: true, startDate: admitted, inHospital: { admissionDate: admitted, hospital: '广州示例医院', emergency: true } }))])
      expect(filed.body.results[0].status, JSON.stringify(filed.body.results[0])).toBe('applied')
      expect(await remindersOf(admissionId)).toMatchObject([{ kind: 'emergency_filing_due', status: 'cancelled' }])
      expect(await deadlinesOf(token)).toEqual([])
      const { sent, sender } = recordingSender()
      await sendDueReminders(store, sender, noonOn(addDays(admitted, 8)))
      expect(sent.filter(text => text.phone === who.phone && text.message.includes('急诊'))).toEqual([])
    })

    it('Hebei 第十一条: an insured region that sets no 补办 window, or a normal admission, is reminded of nothing', async () => {
      const yunnan = person(953)
      await enrol(store, yunnan, { insuredRegion: '530100' })
      expect(await remindersOf(await admit(yunnan, today))).toEqual([])
      const who = hebei(954)
      await enrol(store, who, { insuredRegion: '130100' })
      expect(await remindersOf(await admit(who, today, 'normal'))).toEqual([])
    })
  })

  describe('Jilin 第十五条 "在次年年底前可…申请手工报销", 第十六条 "按照出院时间核定待遇"', () => {
    let agency: string
    beforeAll(async () => {
      agency = await signInAgency(app, store, JILIN_CITY_AGENCY)
    })

    async function claim(token: string, who: Person, n: number, dischargeDate: string) {
      const ids = [crypto.randomUUID(), crypto.randomUUID()]
      for (const [index, id] of ids.entries())
        expect((await request(app).put(`/api/attachments/${id}`).set('authorization', `Bearer ${token}`).set('content-type', 'image/jpeg').send(jpeg(n * 2 + index))).status).toBe(201)
      return {
        claimId: crypto.randomUUID(),
        idNumber: who.idNumber,
        name: who.name,
        kind: 'inpatient',
        hospitalName: '昆明医科大学第一附属医院',
        hospitalLevel: 'tertiary',
        treatmentRegion: '530100',
        admissionDate: addDays(dischargeDate, -5),
        dischargeDate,
        reason: 'network_fault',
        invoicePhotos: [ids[0]],
        costDetailPhotos: [ids[1]],
        bank: { accountName: who.name, bankName: '中国工商银行吉林分行', accountNumber: '6222 0212 3456 7890 128' },
        paidFen: 1_250_000,
        submittedOn: today,
      }
    }

    const discharge = (admissionId: string, dischargedOn: string, token = counter) =>
      sync(app, token, [action('admission.discharge', { admissionId, dischargedOn })]).then(response => response.body.results[0])

    it('Jilin 第十五条: a stay discharged without direct settlement is reminded of the 手工报销 deadline, the end of the year after discharge (第十六条); its claim cancels it', async () => {
      const who = person(960, '220202')
      await enrol(store, who)
      const admitted = addDays(today, -6)
      const admissionId = await admit(who, admitted, 'normal')
      expect(await remindersOf(admissionId)).toEqual([])
      const discharged = addDays(today, -1)
      const lastDay = `${Number(discharged.slice(0, 4)) + 1}-12-31`
      expect(await discharge(admissionId, discharged)).toMatchObject({ status: 'applied', result: { admissionId, dischargedOn: discharged, claimDeadline: lastDay } })
      expect(await remindersOf(admissionId)).toMatchObject([{ subject_kind: 'admission', kind: 'manual_claim_due', deadline: lastDay, send_on: addDays(lastDay, -30), status: 'due', article: '吉医保规〔2023〕4号 第十五条' }])
      const token = await signInInsured(app, who)
      expect(await deadlinesOf(token)).toEqual([expect.objectContaining({ kind: 'manual_claim_due', date: lastDay, subject: admissionId })])

      const { sent, sender } = recordingSender()
      await sendDueReminders(store, sender, noonOn(addDays(lastDay, -30)))
      const texts = sent.filter(text => text.phone === who.phone)
      expect(texts).toEqual([expect.objectContaining({ message: expect.stringContaining('手工报销') })])
      expect(texts[0]!.message).toContain(`${admitted} 入院的住院`)
      expect(texts[0]!.message).not.toContain('急诊')
      expect(texts[0]!.message).not.toContain(who.idNumber)

      const theClaim = { ...await claim(token, who, 960, discharged), admissionDate: admitted }
      expect((await sync(app, token, [action('claim.submit', theClaim)])).body.results[0].status).toBe('applied')
      expect(await remindersOf(admissionId)).toMatchObject([{ status: 'sent' }])
    })

    it('Jilin 第十五条: the claim made before the reminder is sent cancels it, and the phone no longer lists it', async () => {
      const who = person(961, '220202')
      await enrol(store, who)
      const admissionId = await admit(who, addDays(today, -4), 'normal')
      const discharged = addDays(today, -2)
      expect((await discharge(admissionId, discharged)).status).toBe('applied')
      const token = await signInInsured(app, who)
      expect((await sync(app, token, [action('claim.submit', await claim(token, who, 961, discharged))])).body.results[0].status).toBe('applied')
      expect(await remindersOf(admissionId)).toMatchObject([{ kind: 'manual_claim_due', status: 'cancelled' }])
      expect(await deadlinesOf(token)).toEqual([])
    })

    it('Jilin 第十六条: a discharge is recorded once, by this hospital, not before the admission nor after the server\'s today; the stay then settles only by claim', async () => {
      const who = person(962, '220202')
      await enrol(store, who)
      const admitted = addDays(today, -3)
      const admissionId = await admit(who, admitted, 'normal')
      const other = await signInCounter(app, store, { username: 'remind_gz_other', hospitalCode: 'H44010005', hospitalName: '广州另一医院', cityCode: '440100' })
      expect(await discharge(admissionId, today, other)).toMatchObject({ status: 'rejected', error: { code: 'admission_not_found', field: 'admissionId' } })
      expect(await discharge(admissionId, addDays(admitted, -1))).toMatchObject({ status: 'rejected', error: { code: 'discharge_before_admission', field: 'dischargedOn' } })
      expect(await discharge(admissionId, addDays(today, 1))).toMatchObject({ status: 'rejected', error: { code: 'discharge_in_future', field: 'dischargedOn' } })
      expect((await discharge(admissionId, today)).status).toBe('applied')
      const twice = await discharge(admissionId, today)
      expect(twice).toMatchObject({ status: 'rejected', error: { code: 'already_discharged' } })
      expect(twice.error.message).toContain(today)
      const settle = await sync(app, counter, [action('settlement.record', { settlementId: crypto.randomUUID(), idNumber: who.idNumber, kind: 'inpatient', hospitalLevel: 'secondary', admissionId, items: [{ id: 'bed', coveredFen: 100_000, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 0 }], settledOn: today })])
      expect(settle.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'stay_discharged_unsettled' } })
      expect(settle.body.results[0].error.message).toContain('手工报销')
    })

    it('Jilin 第十五条: a claim turned down is reminded of the last day to claim again, the end of the year after discharge; claiming again cancels it', async () => {
      const who = person(955, '220202')
      await enrol(store, who)
      const token = await signInInsured(app, who)
      const discharged = addDays(today, -20)
      const first = await claim(token, who, 955, discharged)
      expect((await sync(app, token, [action('claim.submit', first)])).body.results[0].status).toBe('applied')
      expect(await remindersOf(first.claimId)).toEqual([])
      const decided = await sync(app, agency, [action('claim.decide', { claimId: first.claimId, decision: 'rejected', note: '发票不清晰' })])
      expect(decided.body.results[0].status, JSON.stringify(decided.body.results[0])).toBe('applied')
      const lastDay = `${Number(discharged.slice(0, 4)) + 1}-12-31`
      expect(await remindersOf(first.claimId)).toMatchObject([{ subject_kind: 'claim', kind: 'manual_claim_due', deadline: lastDay, send_on: addDays(lastDay, -30), status: 'due' }])
      expect(await deadlinesOf(token)).toEqual([expect.objectContaining({ kind: 'manual_claim_due', date: lastDay, article: expect.stringContaining('第十五条') })])

      const { sent, sender } = recordingSender()
      await sendDueReminders(store, sender, noonOn(addDays(lastDay, -30)))
      expect(sent.filter(text => text.phone === who.phone)).toEqual([expect.objectContaining({ message: expect.stringContaining('手工报销') })])

      const again = { ...await claim(token, who, 956, discharged), claimId: crypto.randomUUID() }
      expect((await sync(app, token, [action('claim.submit', again)])).body.results[0].status).toBe('applied')
      expect(await remindersOf(first.claimId)).toMatchObject([{ status: 'sent' }])
    })

    it('Jilin 第十五条: a claim for other care leaves the reminder of the rejected one pending', async () => {
      const who = person(957, '220202')
      await enrol(store, who)
      const token = await signInInsured(app, who)
      const rejected = await claim(token, who, 957, addDays(today, -30))
      expect((await sync(app, token, [action('claim.submit', rejected)])).body.results[0].status).toBe('applied')
      expect((await sync(app, agency, [action('claim.decide', { claimId: rejected.claimId, decision: 'rejected', note: '材料不全' })])).body.results[0].status).toBe('applied')
      const other = await claim(token, who, 958, addDays(today, -10))
      expect((await sync(app, token, [action('claim.submit', other)])).body.results[0].status).toBe('applied')
      expect(await remindersOf(rejected.claimId)).toMatchObject([{ status: 'due' }])
      const same = { ...await claim(token, who, 959, rejected.dischargeDate), admissionDate: rejected.admissionDate }
      expect((await sync(app, token, [action('claim.submit', same)])).body.results[0].status).toBe('applied')
      expect(await remindersOf(rejected.claimId)).toMatchObject([{ status: 'cancelled' }])
      expect(await deadlinesOf(token)).toEqual([])
    })
  })

  it('GET /api/me/deadlines is for a signed-in insured person only', async () => {
    expect((await request(app).get('/api/me/deadlines')).status).toBe(401)
    expect((await request(app).get('/api/me/deadlines').set('authorization', `Bearer ${counter}`)).status).toBe(403)
  })
})
