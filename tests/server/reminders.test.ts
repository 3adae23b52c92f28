import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { testApp } from './support/app.ts'
import type { Store } from '../../server/store/index.ts'
import { scheduleReminders } from '../../server/reminders/scheduleReminders.ts'
import { sendDueReminders } from '../../server/reminders/sendDueReminders.ts'
import { logReminderSender, type ReminderSender } from '../../server/reminders/reminderSender.ts'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { captureLogger } from './support/logs.ts'
import { action, person, signInInsured, sync } from './support/session.ts'
import { describeEachStore, type TestDatabase } from './support/stores.ts'
import { filingCreatePayload } from './support/filingPayload.ts'

const today = chinaDateOf(new Date())
/** Noon in China on `date`, the instant a run happens on that day. */
const noonOn = (date: string) => new Date(`${date}T04:00:00Z`)

function recordingSender(): { sender: ReminderSender, sent: { phone: string, message: string }[] } {
  const sent: { phone: string, message: string }[] = []
  // Slow enough that two runs started together overlap while sending.
  const sender: ReminderSender = async (phone, message) => {
    await new Promise(resolve => setTimeout(resolve, 20))
    sent.push({ phone, message })
  }
  return { sender, sent }
}

interface PromiseFiling { filingId: string, filingNumber: string, promiseEndDate: string }

describeEachStore('SMS reminders of a filing\'s deadlines', ({ createTestDatabase }) => {
  let database: TestDatabase
  let store: Store
  let app: ReturnType<typeof testApp>
  beforeAll(async () => {
    database = await createTestDatabase()
    store = await database.open()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
  })
  afterAll(() => store.close())

  /** A Jilin long-term filing by promise (吉医保规〔2023〕4号 第六条: materials within 6 months). */
  async function filePromise(n: number, overrides: Record<string, unknown> = {}): Promise<{ token: string, filing: PromiseFiling, who: ReturnType<typeof person> }> {
    const who = person(n, '220102')
    const token = await signInInsured(app, who)
    const response = await sync(app, token, [action('filing.create', filingCreatePayload(who, '220100', today, overrides))])
    expect(response.body.results[0].status, JSON.stringify(response.body)).toBe('applied')
    return { token, who, filing: response.body.results[0].result.filing as PromiseFiling }
  }

  const remindersOf = (filingId: string) => store.db.selectFrom('reminders').selectAll().where('subject_id', '=', filingId).orderBy('kind').execute()
  const promiseReminder = async (filingId: string) => (await remindersOf(filingId)).filter(row => row.kind === 'promise_materials_due')

  it('Jilin 第六条: a promise filing gets an SMS reminder of its materials deadline, 30 days before it', async () => {
    const { filing } = await filePromise(301)
    const rows = await promiseReminder(filing.filingId)
    expect(rows).toMatchObject([{ deadline: filing.promiseEndDate, send_on: addDays(filing.promiseEndDate, -30), status: 'due' }])
    expect(rows[0]!.owner).not.toContain(person(301, '220102').idNumber)
  })

  it('Yunnan 第十条: moving a temporary filing\'s start date moves the reminder of its end, and the old one is cancelled', async () => {
    const who = person(302)
    const token = await signInInsured(app, who)
    const payload = filingCreatePayload(who, '530100', today, { category: 'other_temporary', promise: undefined })
    const created = await sync(app, token, [action('filing.create', payload)])
    expect(created.body.results[0].status, JSON.stringify(created.body)).toBe('applied')
    const before = created.body.results[0].result.filing as { endDate: string }
    const changed = await sync(app, token, [action('filing.change', { filingId: payload.filingId, changes: { startDate: addDays(today, 10) }, filledOn: today })])
    expect(changed.body.results[0].status, JSON.stringify(changed.body)).toBe('applied')
    const after = changed.body.results[0].result.filing as { endDate: string }
    expect(after.endDate).not.toBe(before.endDate)
    const rows = (await remindersOf(payload.filingId)).filter(row => row.kind === 'temporary_filing_ends')
    expect(rows.map(row => [row.deadline, row.send_on, row.status]).toSorted()).toEqual([
      [before.endDate, addDays(before.endDate, -14), 'cancelled'],
      [after.endDate, addDays(after.endDate, -14), 'due'],
    ].toSorted())
  })

  it('Jilin 第六条: supplying the materials cancels the reminder of the materials deadline', async () => {
    const { token, filing } = await filePromise(308)
    const supplied = await sync(app, token, [action('filing.supplement', { filingId: filing.filingId, materials: [{ kind: 'residence', description: '居住证' }], suppliedOn: today })])
    expect(supplied.body.results[0].status, JSON.stringify(supplied.body)).toBe('applied')
    expect(await promiseReminder(filing.filingId)).toMatchObject([{ deadline: filing.promiseEndDate, status: 'cancelled' }])
  })

  it('Jilin 第六条: cancelling the filing cancels every reminder it still had pending', async () => {
    const { token, filing } = await filePromise(303)
    const cancelled = await sync(app, token, [action('filing.cancel', { filingId: filing.filingId, requestedOn: today })])
    expect(cancelled.body.results[0].status, JSON.stringify(cancelled.body)).toBe('applied')
    const rows = await remindersOf(filing.filingId)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every(row => row.status === 'cancelled')).toBe(true)
    const { sent, sender } = recordingSender()
    await sendDueReminders(store, sender, noonOn(addDays(filing.promiseEndDate, -1)))
    expect(sent.filter(text => text.message.includes(filing.filingNumber))).toEqual([])
  })

  it('Jilin 第六条: a due reminder is texted once, across two instances at once and a restart, saying what is due and when', async () => {
    const { filing, who } = await filePromise(304)
    const second = await database.open()
    const { sent, sender } = recordingSender()
    const day = noonOn(addDays(filing.promiseEndDate, -30))
    const early = await sendDueReminders(store, sender, noonOn(addDays(filing.promiseEndDate, -31)))
    expect(sent.filter(text => text.message.includes(filing.filingNumber))).toEqual([])
    expect(early.sent).toBe(sent.length)
    await Promise.all([sendDueReminders(store, sender, day), sendDueReminders(second, sender, day)])
    await second.close()
    const restarted = await database.open()
    await sendDueReminders(restarted, sender, day)
    await sendDueReminders(restarted, sender, noonOn(addDays(filing.promiseEndDate, -2)))
    await restarted.close()
    const mine = sent.filter(text => text.message.includes(filing.filingNumber))
    expect(mine).toHaveLength(1)
    expect(mine[0]!.phone).toBe(who.phone)
    expect(mine[0]!.message).toContain('补齐备案材料')
    expect(mine[0]!.message).toContain(filing.promiseEndDate)
    expect(mine[0]!.message).not.toContain(who.idNumber)
    expect(await promiseReminder(filing.filingId)).toMatchObject([{ status: 'sent' }])
  })

  it('Jilin 第六条: a claim left by an instance that stopped mid-run is sent by the next run once its lease expires', async () => {
    const { filing } = await filePromise(305)
    const day = addDays(filing.promiseEndDate, -30)
    await store.db.updateTable('reminders').set({ status: 'sending', claimed_by: 'stopped', claimed_until: noonOn(day).toISOString() })
      .where('subject_id', '=', filing.filingId).where('kind', '=', 'promise_materials_due').execute()
    const { sent, sender } = recordingSender()
    await sendDueReminders(store, sender, new Date(noonOn(day).getTime() - 60_000))
    expect(sent.filter(text => text.message.includes(filing.filingNumber))).toEqual([])
    await sendDueReminders(store, sender, new Date(noonOn(day).getTime() + 60_000))
    expect(sent.filter(text => text.message.includes(filing.filingNumber))).toHaveLength(1)
  })

  it('Jilin 第六条: a person who turned SMS reminders off is not texted, and is again once they turn them on', async () => {
    const { token, filing } = await filePromise(306)
    const auth = { authorization: `Bearer ${token}` }
    expect((await request(app).get('/api/me/reminders').set(auth)).body).toEqual({ sms: true })
    expect((await request(app).put('/api/me/reminders').set(auth).send({ sms: false })).body).toEqual({ sms: false })
    expect((await request(app).get('/api/me/reminders').set(auth)).body).toEqual({ sms: false })
    const { sent, sender } = recordingSender()
    const day = noonOn(addDays(filing.promiseEndDate, -30))
    await sendDueReminders(store, sender, day)
    expect(sent.filter(text => text.message.includes(filing.filingNumber))).toEqual([])
    await request(app).put('/api/me/reminders').set(auth).send({ sms: true })
    await sendDueReminders(store, sender, day)
    expect(sent.filter(text => text.message.includes(filing.filingNumber))).toHaveLength(1)
  })

  it('refuses a setting that is not a yes or no with a 400 in Chinese', async () => {
    const token = await signInInsured(app, person(307, '220102'))
    const response = await request(app).put('/api/me/reminders').set('authorization', `Bearer ${token}`).send({ sms: 'maybe' })
    expect(response.status).toBe(400)
    expect(response.body.detail).toMatch(/[\u4E00-\u9FFF]/)
  })

  it('Jilin 第六条: without an SMS gateway the reminder is only logged, with the phone masked and no 身份证号码', async () => {
    const { filing, who } = await filePromise(309)
    const logs = captureLogger()
    await sendDueReminders(store, logReminderSender(logs.logger), noonOn(addDays(filing.promiseEndDate, -30)))
    expect(logs.entries().some(entry => entry.msg === 'reminder sms sent')).toBe(true)
    expect(logs.text()).not.toContain(who.phone)
    expect(logs.text()).not.toContain(who.idNumber)
    expect(await promiseReminder(filing.filingId)).toMatchObject([{ status: 'sent' }])
  })

  it('Jilin 第六条: the schedule sends what is due when the instance starts, by the clock it is given', async () => {
    const { filing } = await filePromise(310)
    const { sent, sender } = recordingSender()
    const schedule = scheduleReminders({ store, sender, logger: captureLogger().logger, clock: () => noonOn(addDays(filing.promiseEndDate, -30)) })
    await schedule.first
    schedule.stop()
    expect(sent.filter(text => text.message.includes(filing.filingNumber))).toHaveLength(1)
  })
})
