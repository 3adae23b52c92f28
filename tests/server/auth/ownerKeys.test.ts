import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insuredOwnerKey, loadOwnerKeyPepper } from '../../../server/auth/ownerKeys.ts'
import { chinaDateOf } from '../../../src/domain/dates/calendarDate.ts'
import { migrationProvider } from '../../../server/store/migrations/index.ts'
import { type Database, openStore, type Store } from '../../../server/store/index.ts'
import { createSqliteDialect } from '../../../server/store/sqlite.ts'
import { testApp } from '../support/app.ts'
import { filingCreatePayload } from '../support/filingPayload.ts'
import { captureLogger } from '../support/logs.ts'
import { action, person, signInInsured, sync } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

describeEachStore('owner keys', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof testApp>
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
  })
  afterAll(() => store.close())

  it('the idempotency record and the uploads name no 身份证号码, and the person still owns both after signing in again', async () => {
    const who = person(701)
    const token = await signInInsured(app, who)
    const photo = crypto.randomUUID()
    const jpeg = Buffer.from([0xFF, 0xD8, 0xFF, 0xE0, 7, 0, 1])
    expect((await request(app).put(`/api/attachments/${photo}`).set('authorization', `Bearer ${token}`).set('content-type', 'image/jpeg').send(jpeg)).status).toBe(201)
    const filing = action('filing.create', filingCreatePayload(who, '530100', chinaDateOf(new Date())))
    const first = await sync(app, token, [filing])
    expect(first.body.results[0].status, JSON.stringify(first.body.results[0])).toBe('applied')

    const callers = (await store.db.selectFrom('applied_actions').select('caller').execute()).map(row => row.caller).join(' ')
    const owners = (await store.db.selectFrom('attachments').select('owner').execute()).map(row => row.owner).join(' ')
    expect(callers).not.toContain(who.idNumber)
    expect(owners).not.toContain(who.idNumber)

    const again = await signInInsured(app, who)
    const replay = await sync(app, again, [filing])
    expect(replay.body.results[0]).toEqual({ ...first.body.results[0], status: 'duplicate' })
    expect((await request(app).get(`/api/attachments/${photo}`).set('authorization', `Bearer ${again}`)).status).toBe(200)
    const stranger = await signInInsured(app, person(702))
    expect((await sync(app, stranger, [filing])).body.results[0].status).toBe('rejected')
    expect((await request(app).get(`/api/attachments/${photo}`).set('authorization', `Bearer ${stranger}`)).status).toBe(403)
  })
})

describe('migration 0014_owner_keys', () => {
  it('rewrites the keys stored before it, so earlier actions and uploads stay their owner\'s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yidi-0014-'))
    const file = join(dir, 'yidi.sqlite')
    const before = new Kysely<Database>({ dialect: createSqliteDialect(file) })
    expect((await new Migrator({ db: before, provider: migrationProvider }).migrateTo('0009_staff_sessions')).error).toBeUndefined()
    const idNumber = person(703).idNumber
    const at = '2026-01-01T00:00:00.000Z'
    await before.insertInto('applied_actions').values({ id: 'a1', caller: `insured:${idNumber}`, type: 'filing.create', payload_hash: 'h', status: 'applied', result: '{}', created_at: at }).execute()
    await before.insertInto('applied_actions').values({ id: 'a2', caller: 'staff:counter_km', type: 'admission.record', payload_hash: 'h', status: 'applied', result: '{}', created_at: at }).execute()
    await before.insertInto('attachments').values({ id: 'p1', owner: `insured:${idNumber}`, mime: 'image/jpeg', size: 1, sha256: 'x', content: 'AA==', created_at: at, referenced_at: null }).execute()
    await before.destroy()

    const upgraded = await openStore({ sqliteFile: file })
    const pepper = await loadOwnerKeyPepper(upgraded.db)
    const callers = await upgraded.db.selectFrom('applied_actions').select(['id', 'caller']).orderBy('id').execute()
    expect(callers).toEqual([{ id: 'a1', caller: insuredOwnerKey(pepper, idNumber) }, { id: 'a2', caller: 'staff:counter_km' }])
    expect((await upgraded.db.selectFrom('attachments').select('owner').executeTakeFirstOrThrow()).owner).toBe(insuredOwnerKey(pepper, idNumber))
    await upgraded.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
