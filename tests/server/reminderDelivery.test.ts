import { afterAll, beforeAll, expect, it } from 'vitest'
import { backfillReminders, REMINDERS_BACKFILLED } from '../../server/reminders/backfillReminders.ts'
import { FIRST_RETRY_MS, MAX_REMINDER_ATTEMPTS } from '../../server/reminders/backoff.ts'
import type { ReminderSender } from '../../server/reminders/reminderSender.ts'
import { scheduleReminders } from '../../server/reminders/scheduleReminders.ts'
import { sendDueReminders } from '../../server/reminders/sendDueReminders.ts'
import type { Store } from '../../server/store/index.ts'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { testApp } from './support/app.ts'
import { filingCreatePayload } from './support/filingPayload.ts'
import { captureLogger } from './support/logs.ts'
import { enrol } from './support/registry.ts'
import { action, person, signInCounter, signInInsured, sync } from './support/session.ts'
import { describeEachStore, type TestDatabase } from './support/stores.ts'

const today = chinaDateOf(new Date())
const noonOn = (date: string) => new Date(`${date}T04:00:00Z`)
const MINUTE = 60_000

/** A gateway that is down: it says so in an error that quotes the number, as some do. */
class GatewayDown extends Error {
  code = 'GATEWAY_DOWN'
}

describeEachStore('delivering reminders: retries, backfill', ({ createTestDatabase }) => {
  let database: TestDatabase
  let store: Store
  let app: ReturnType<typeof testApp>
  beforeAll(async () => {
    database = await createTestDatabase()
    store = await database.open()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
  })
  afterAll(() => store.close())

  /** A Jilin promise filing (吉医保规〔2023〕4号 第六条): its materials are reminded 30 days before their deadline. */
  async function filePromise(n: number) {
    const who = person(n, '220102')
    const token = await signInInsured(app, who)
    const response = await sync(app, token, [action('filing.create', filingCreatePayload(who, '220100', today))])
    expect(response.body.results[0].status, JSON.stringify(response.body)).toBe('applied')
    return { who, filing: response.body.results[0].result.filing as { filingId: string, filingNumber: string, promiseEndDate: string } }
  }
  const materialsReminder = async (filingId: string) => store.db.selectFrom('reminders').selectAll()
    .where('subject_id', '=', filingId).where('kind', '=', 'promise_materials_due').executeTakeFirstOrThrow()

  it('Jilin 第六条: a text the gateway fails is tried again after 15, 30, 60 and 120 minutes, then given up with the reason logged, never the phone', async () => {
    const { who, filing } = await filePromise(501)
    const tries: string[] = []
    const failing: ReminderSender = async (phone) => {
      tries.push(phone)
      throw new GatewayDown(`gateway refused ${phone}`)
    }
    const logs = captureLogger()
    let at = noonOn(addDays(filing.promiseEndDate, -30)).getTime()
    const mine = () => tries.filter(phone => phone === who.phone).length
    await sendDueReminders(store, failing, new Date(at), logs.logger)
    expect(mine()).toBe(1)
    expect(await materialsReminder(filing.filingId)).toMatchObject({ status: 'due', attempts: 1, failure: 'GATEWAY_DOWN', next_attempt_at: new Date(at + FIRST_RETRY_MS).toISOString() })
    for (const [attempt, wait] of [[2, 15], [3, 30], [4, 60], [5, 120]] as const) {
      // Just before the wait is over nothing is tried; at its end, once.
      await sendDueReminders(store, failing, new Date(at + wait * MINUTE - 1000), logs.logger)
      expect(mine()).toBe(attempt - 1)
      at += wait * MINUTE
      await sendDueReminders(store, failing, new Date(at), logs.logger)
      expect(mine()).toBe(attempt)
    }
    expect(MAX_REMINDER_ATTEMPTS).toBe(5)
    expect(await materialsReminder(filing.filingId)).toMatchObject({ status: 'failed', attempts: 5, failure: 'GATEWAY_DOWN', claimed_by: null })
    expect(logs.entries().filter(entry => entry.msg === 'reminder sms given up')).toEqual([expect.objectContaining({ attempts: 5, reason: 'GATEWAY_DOWN', kind: 'promise_materials_due' })])
    expect(logs.text()).not.toContain(who.phone)

    // Given up is final: a gateway back up the next day does not send it.
    const sent: string[] = []
    await sendDueReminders(store, async phone => void sent.push(phone), new Date(at + 24 * 60 * MINUTE))
    expect(sent.filter(phone => phone === who.phone)).toEqual([])
  })

  it('Jilin 第六条: a text that failed once goes out once when the next try succeeds', async () => {
    const { who, filing } = await filePromise(502)
    const sent: string[] = []
    let failures = 0
    const flaky: ReminderSender = async (phone) => {
      if (phone === who.phone && failures++ === 0)
        throw new Error('timeout')
      sent.push(phone)
    }
    const day = noonOn(addDays(filing.promiseEndDate, -30)).getTime()
    await sendDueReminders(store, flaky, new Date(day))
    expect((await materialsReminder(filing.filingId)).failure).toBe('Error')
    await sendDueReminders(store, flaky, new Date(day + FIRST_RETRY_MS))
    await sendDueReminders(store, flaky, new Date(day + 4 * FIRST_RETRY_MS))
    expect(sent.filter(phone => phone === who.phone)).toHaveLength(1)
    expect(await materialsReminder(filing.filingId)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('Jilin 第六条, Hebei 第十一条: filings and emergency admissions from before reminders existed get theirs at start, once, with two instances starting together', async () => {
    const { filing } = await filePromise(503)
    const hebei = person(504, '130102')
    await enrol(store, hebei, { insuredRegion: '130100' })
    const counter = await signInCounter(app, store, { username: 'backfill_gz', hospitalCode: 'H44010004', hospitalName: '广州示例医院', cityCode: '440100' })
    const admissionId = crypto.randomUUID()
    const admitted = await sync(app, counter, [action('admission.record', { admissionId, idNumber: hebei.idNumber, name: hebei.name, admissionDate: today, admissionType: 'emergency', traumaFlag: false, thirdPartyFlag: false, outcome: 'deemed' })])
    expect(admitted.body.results[0].status).toBe('applied')
    const shape = async () => (await store.db.selectFrom('reminders').select(['subject_id', 'kind', 'deadline', 'send_on', 'status']).where('subject_id', 'in', [filing.filingId, admissionId]).execute())
      .map(row => JSON.stringify(row)).toSorted()
    const expected = await shape()
    expect(expected.length).toBeGreaterThanOrEqual(2)
    // As before migration 0016: no reminder rows, and no instance has backfilled yet.
    await store.db.deleteFrom('reminders').execute()
    await store.db.deleteFrom('server_settings').where('key', '=', REMINDERS_BACKFILLED).execute()

    const second = await database.open()
    // Two PostgreSQL instances overlap; two SQLite stores in one process cannot (the driver is
    // synchronous: a second writer would block the thread the first needs), so they take turns.
    const [one, two] = store.kind === 'postgres'
      ? await Promise.all([backfillReminders(store, new Date()), backfillReminders(second, new Date())])
      : [await backfillReminders(store, new Date()), await backfillReminders(second, new Date())]
    await second.close()
    expect(one.filings + two.filings).toBeGreaterThanOrEqual(1)
    expect(await shape()).toEqual(expected)
    // Done once: a later start looks at nothing.
    expect(await backfillReminders(store, new Date())).toEqual({ filings: 0, admissions: 0 })
    const sent: string[] = []
    await sendDueReminders(store, async (_phone, message) => void sent.push(message), noonOn(addDays(filing.promiseEndDate, -30)))
    expect(sent.filter(message => message.includes(filing.filingNumber))).toHaveLength(1)
  })

  it('Jilin 第六条: an instance starting on a database from before reminders gives its filings theirs, then sends what is due, in its first run', async () => {
    const { filing } = await filePromise(505)
    await store.db.deleteFrom('reminders').execute()
    await store.db.deleteFrom('server_settings').where('key', '=', REMINDERS_BACKFILLED).execute()
    const sent: string[] = []
    const logs = captureLogger()
    const schedule = scheduleReminders({ store, sender: async (_phone, message) => void sent.push(message), logger: logs.logger, clock: () => noonOn(addDays(filing.promiseEndDate, -30)) })
    await schedule.first
    schedule.stop()
    expect(sent.filter(message => message.includes(filing.filingNumber))).toHaveLength(1)
    expect(logs.entries().find(entry => entry.msg === 'reminder backfill')).toMatchObject({ filings: expect.any(Number) })
  })
})
