import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { testApp } from './support/app.ts'
import { MAX_UNREFERENCED_ATTACHMENT_BYTES } from '../../server/filing/attachmentQuota.ts'
import { MAX_ATTACHMENT_BYTES } from '../../server/filing/attachments.ts'
import { scheduleSweep } from '../../server/retention/scheduleSweep.ts'
import { RETENTION, sweepExpiredRecords } from '../../server/retention/sweepExpiredRecords.ts'
import type { Store } from '../../server/store/index.ts'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { filingCreatePayload } from './support/filingPayload.ts'
import { captureLogger } from './support/logs.ts'
import { action, person, signInInsured, sync } from './support/session.ts'
import { describeEachStore } from './support/stores.ts'

const HOUR = 60 * 60_000
const jpeg = (bytes: number, fill = 0x11) => Buffer.concat([Buffer.from([0xFF, 0xD8, 0xFF, 0xE0]), Buffer.alloc(bytes - 4, fill)])

describeEachStore('retention and upload quota', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof testApp>
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
  })
  afterAll(() => store.close())

  const put = (token: string, bytes: Buffer, id: string = crypto.randomUUID()) =>
    request(app).put(`/api/attachments/${id}`).set('authorization', `Bearer ${token}`).set('content-type', 'image/jpeg').send(bytes)

  it('an account keeps at most 20 MiB of attachments no filing refers to (413 with a zh-CN reason); a filing that refers to them frees the room', async () => {
    const who = person(401)
    const token = await signInInsured(app, who)
    const ids: string[] = []
    for (let n = 0; n < MAX_UNREFERENCED_ATTACHMENT_BYTES / MAX_ATTACHMENT_BYTES; n++) {
      ids.push(crypto.randomUUID())
      expect((await put(token, jpeg(MAX_ATTACHMENT_BYTES, n), ids.at(-1))).status).toBe(201)
    }
    const over = await put(token, jpeg(1024))
    expect(over.status).toBe(413)
    expect(over.body).toMatchObject({ code: 'attachment_quota_exceeded' })
    expect(over.body.detail).toContain('20 MB')
    // Sending a stored file again is still harmless, and someone else is not held back.
    expect((await put(token, jpeg(MAX_ATTACHMENT_BYTES, 0), ids[0])).status).toBe(200)
    expect((await put(await signInInsured(app, person(402)), jpeg(1024))).status).toBe(201)

    const today = chinaDateOf(new Date())
    const materials = [{ kind: 'residence', description: '居住证', fileRef: ids[0] }]
    const filed = await sync(app, token, [action('filing.create', filingCreatePayload(who, '530100', today, { promise: undefined, materials }))])
    expect(filed.body.results[0].status).toBe('applied')
    expect((await put(token, jpeg(1024))).status).toBe(201)
  })

  it('the sweep removes expired sign-in challenges (with their 身份证号码, 姓名 and phone) and unreferenced uploads older than a day, and nothing else', async () => {
    const who = person(403)
    const token = await signInInsured(app, who)
    const referenced = crypto.randomUUID()
    const abandoned = crypto.randomUUID()
    expect((await put(token, jpeg(2048, 1), referenced)).status).toBe(201)
    expect((await put(token, jpeg(2048, 2), abandoned)).status).toBe(201)
    const materials = [{ kind: 'residence', description: '居住证', fileRef: referenced }]
    const today = chinaDateOf(new Date())
    expect((await sync(app, token, [action('filing.create', filingCreatePayload(who, '530100', today, { promise: undefined, materials }))])).body.results[0].status).toBe('applied')
    const pending = (await request(app).post('/api/auth/insured/start').send(person(404))).body.challengeId as string

    const challengesOf = async (idNumber: string) => (await store.db.selectFrom('sign_in_challenges').select('id').where('id_number', '=', idNumber).execute()).length
    // A used challenge goes at the next sweep; one still waiting for its code stays until it expires.
    await sweepExpiredRecords(store.db, new Date())
    expect(await challengesOf(who.idNumber)).toBe(0)
    expect(await store.db.selectFrom('sign_in_challenges').select('id').where('id', '=', pending).executeTakeFirst()).toEqual({ id: pending })
    const attachmentIds = async () => (await store.db.selectFrom('attachments').select('id').where('id', 'in', [referenced, abandoned]).execute()).map(row => row.id).toSorted()

    // Six minutes on, every challenge made so far has expired; the uploads are still young.
    await sweepExpiredRecords(store.db, new Date(Date.now() + 6 * 60_000))
    expect(await store.db.selectFrom('sign_in_challenges').select('id').where('id', '=', pending).executeTakeFirst()).toBeUndefined()
    expect(await attachmentIds()).toEqual([referenced, abandoned].toSorted())

    const dayLater = new Date(Date.now() + RETENTION.unreferencedAttachmentMs + HOUR)
    expect((await sweepExpiredRecords(store.db, dayLater)).attachments).toBeGreaterThanOrEqual(1)
    expect(await attachmentIds()).toEqual([referenced])
    // The sign-ins above were counted against rate limits; a day on, every window has ended.
    expect(await store.db.selectFrom('rate_limit_counters').select('key').execute()).toEqual([])
    expect(await sweepExpiredRecords(store.db, dayLater)).toMatchObject({ signInChallenges: 0, attachments: 0 })
  })

  it('the sweep removes reminders 30 days after their deadline whatever their state, and cancelled ones 30 days after cancelling; the rest stay', async () => {
    const now = new Date()
    const today = chinaDateOf(now)
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * HOUR).toISOString()
    const rows = {
      dueLongPast: { status: 'due', deadline: addDays(today, -RETENTION.reminderAfterDeadlineDays - 1) },
      failedLongPast: { status: 'failed', deadline: addDays(today, -RETENTION.reminderAfterDeadlineDays - 1) },
      sentRecentlyPast: { status: 'sent', deadline: addDays(today, -RETENTION.reminderAfterDeadlineDays + 1) },
      // Kept while its deadline is ahead: it is the proof that it was sent, so it is not sent again.
      sentAhead: { status: 'sent', deadline: addDays(today, 10) },
      cancelledLongAgo: { status: 'cancelled', deadline: addDays(today, 100), cancelled_at: daysAgo(31) },
      cancelledRecently: { status: 'cancelled', deadline: addDays(today, 100), cancelled_at: daysAgo(29) },
    } as const
    const ids = Object.fromEntries(Object.keys(rows).map(name => [name, crypto.randomUUID()]))
    for (const [name, row] of Object.entries(rows)) {
      await store.db.insertInto('reminders').values({
        id: ids[name]!, owner: 'insured:retention', subject_id: ids[name]!, subject_kind: 'filing', kind: 'temporary_filing_ends',
        send_on: addDays(row.deadline, -14), reason: '临时异地就医备案有效期截止', article: '云南 第十条', claimed_by: null, claimed_until: null,
        sent_at: null, attempts: 0, next_attempt_at: null, failure: null, cancelled_at: null, ...row,
      }).execute()
    }
    const removed = await sweepExpiredRecords(store.db, now)
    expect(removed.reminders).toBe(3)
    const left = await store.db.selectFrom('reminders').select('id').where('owner', '=', 'insured:retention').execute()
    expect(left.map(row => row.id).toSorted()).toEqual([ids.sentRecentlyPast, ids.sentAhead, ids.cancelledRecently].toSorted())
  })

  it('each instance sweeps on start: a challenge left by an earlier run is gone once the first sweep ends', async () => {
    await request(app).post('/api/auth/insured/start').send(person(405))
    const logs = captureLogger()
    const schedule = scheduleSweep({ store, logger: logs.logger, clock: () => new Date(Date.now() + 6 * 60_000) })
    await schedule.first
    schedule.stop()
    expect(await store.db.selectFrom('sign_in_challenges').select('id').execute()).toEqual([])
    expect(logs.entries().find(entry => entry.msg === 'retention sweep')).toMatchObject({ removed: { signInChallenges: 1 } })
  })
})
