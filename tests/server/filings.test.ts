import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { createApp } from '../../server/app.ts'
import { testApp } from './support/app.ts'
import type { Store } from '../../server/store/index.ts'
import { addDays, chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { generateIdNumber } from '../../src/domain/identity/idNumberGenerator.ts'
import { decodeClaims } from '../../src/domain/credential/cborClaims.ts'
import { decodeCompactCredential } from '../../src/domain/credential/coseSign1.ts'
import { verifyCredential } from '../../src/features/counter/verify/verifyCredential.ts'
import { verifierDataFor } from './support/verifier.ts'
import { captureLogger } from './support/logs.ts'
import { action, person, signInCounter, signInInsured, sync } from './support/session.ts'
import { enrol } from './support/registry.ts'
import { describeEachStore } from './support/stores.ts'
import { filingCreatePayload } from './support/filingPayload.ts'

const today = chinaDateOf(new Date())


interface ListedFiling { filing: { filingId: string, filingNumber: string, cancelledOn: string | null }, version: number, holder: { name: string }, agent?: { name: string, relationship: string }, credential?: string }

describeEachStore('filings through sync', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
  })
  afterAll(() => store.close())

  const mine = async (token: string) => (await request(app).get('/api/me/filings').set('authorization', `Bearer ${token}`)).body as { own: ListedFiling[], family: ListedFiling[] }

  it('a promise filing is active at once with its 备案编号 and a credential that verifies with the published key', async () => {
    const who = person(21)
    const token = await signInInsured(app, who)
    const created = action('filing.create', filingCreatePayload(who, '530100', today))
    const response = await sync(app, token, [created])
    expect(response.body.results[0].status).toBe('applied')
    const { filing, credential } = response.body.results[0].result as { filing: { filingNumber: string }, credential: string }
    expect(filing.filingNumber).toBe(`YD530000-${today.replaceAll('-', '')}-0001`)

    expect(credential).toMatch(/^YD1:[0-9A-Z $%*+\-./:]+$/)
    const counter = await signInCounter(app, store, { username: 'published_key', hospitalCode: 'H2', hospitalName: '乙医院', cityCode: '440100' })
    const checked = await verifyCredential(credential, await verifierDataFor(app, counter), { hospitalCity: '440100', admissionDate: today, admissionType: 'normal', idNumber: who.idNumber, now: new Date() })
    expect(checked).toMatchObject({ kind: 'checked', impersonation: false, identityChecked: true, claims: { filingNumber: filing.filingNumber, destination: '440100', promise: true } })

    expect((await mine(token)).own.map(item => item.filing.filingNumber)).toEqual([filing.filingNumber])
    // The same action again: the same filing, no second 备案编号.
    const replay = await sync(app, token, [created])
    expect(replay.body.results[0]).toMatchObject({ status: 'duplicate', result: { filing: { filingNumber: filing.filingNumber } } })
    expect((await mine(token)).own).toHaveLength(1)
  })

  it('Jilin 第六条: one active promise filing — a second promise is refused while the first waits for materials', async () => {
    const who = person(22, '220102')
    const token = await signInInsured(app, who)
    const first = await sync(app, token, [action('filing.create', filingCreatePayload(who, '220100', today))])
    expect(first.body.results[0].status).toBe('applied')
    const second = await sync(app, token, [action('filing.create', filingCreatePayload(who, '220100', today, { destination: '310000' }))])
    expect(second.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'promise_already_active' } })
    expect((await mine(token)).own).toHaveLength(1)
  })

  it('Jilin 第六条(一): a promise filing cannot be changed before its materials are supplied', async () => {
    const who = person(23, '220102')
    const token = await signInInsured(app, who)
    const payload = filingCreatePayload(who, '220100', today)
    await sync(app, token, [action('filing.create', payload)])
    const change = await sync(app, token, [action('filing.change', { filingId: payload.filingId, changes: { phone: '13700001111' }, filledOn: today })])
    expect(change.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'promise_change_locked' } })
  })

  it('files only for oneself unless filing as a family member (代办)', async () => {
    const who = person(24)
    const token = await signInInsured(app, who)
    const someoneElse = person(25)
    const response = await sync(app, token, [action('filing.create', filingCreatePayload(someoneElse, '530100', today))])
    expect(response.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'holder_mismatch', field: 'idNumber' } })
  })

  it('GB 11643 on the server\'s day: a birth date after the server\'s China day is refused, whatever date the device wrote', async () => {
    const parent = person(31)
    const nextMonth = addDays(today, 30)
    const unborn = { ...person(32), idNumber: generateIdNumber({ regionCode: '530102', birthDate: nextMonth, sequence: 7, sex: 'male' }) }
    const payload = filingCreatePayload(unborn, '530100', nextMonth, { filledOn: addDays(nextMonth, 1), startDate: today, sex: 'male', agent: { name: parent.name, idNumber: parent.idNumber, phone: parent.phone, relationship: 'parent' } })
    const response = await sync(app, await signInInsured(app, parent), [action('filing.create', payload)])
    expect(response.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid_id_number', field: 'idNumber', message: expect.stringContaining('出生日期') } })
  })

  it('Hebei 第九条: a relative files for a parent; the agent sees it under family, the parent under own with who filed it', async () => {
    const child = person(26)
    const parent = person(27)
    await enrol(store, parent, { family: [{ idNumber: child.idNumber, name: child.name, relationship: 'child' }] })
    const childToken = await signInInsured(app, child)
    const payload = filingCreatePayload(parent, '530100', today, { agent: { name: child.name, idNumber: child.idNumber, phone: child.phone, relationship: 'child' } })
    expect((await sync(app, childToken, [action('filing.create', payload)])).body.results[0].status).toBe('applied')

    const childView = await mine(childToken)
    expect(childView.own).toEqual([])
    expect(childView.family.map(item => [item.holder.name, item.agent?.relationship])).toEqual([[parent.name, 'child']])
    const parentView = await mine(await signInInsured(app, parent))
    expect(parentView.own.map(item => item.agent)).toEqual([{ name: child.name, relationship: 'child' }])
    expect(JSON.stringify(parentView)).not.toContain(child.idNumber)
  })

  it('a change makes version 2 and revokes the earlier credential; cancelling revokes the filing', async () => {
    const who = person(28)
    const token = await signInInsured(app, who)
    const counter = await signInCounter(app, store, { username: 'revocations', hospitalCode: 'H1', hospitalName: '甲医院', cityCode: '440100' })
    const payload = filingCreatePayload(who, '530100', today, { category: 'other_temporary', promise: undefined })
    const created = await sync(app, token, [action('filing.create', payload)])
    const first = created.body.results[0].result as { filing: { filingNumber: string }, credential: string }

    const cursor = (await request(app).get('/api/revocations').set('authorization', `Bearer ${counter}`)).body.cursor as number
    const changed = await sync(app, token, [action('filing.change', { filingId: payload.filingId, changes: { phone: '13700001111', destination: '440300' }, filledOn: today })])
    expect(changed.body.results[0]).toMatchObject({ status: 'applied', result: { version: 2, filing: { destination: '440300' } } })
    const revoked = (await request(app).get(`/api/revocations?since=${cursor}`).set('authorization', `Bearer ${counter}`)).body
    expect(revoked.revoked).toEqual([expect.objectContaining({ filingNumber: first.filing.filingNumber, version: 1, reason: 'superseded' })])
    const issuedAt = (credential: string) => decodeClaims(decodeCompactCredential(credential).payload, 'unused').issuedAt as string
    expect(revoked.revoked[0].revokedAt > issuedAt(first.credential)).toBe(true)
    expect(revoked.revoked[0].revokedAt > issuedAt(changed.body.results[0].result.credential)).toBe(false)

    const cancelled = await sync(app, token, [action('filing.cancel', { filingId: payload.filingId, requestedOn: today })])
    expect(cancelled.body.results[0]).toMatchObject({ status: 'applied', result: { version: 3, filing: { cancelledOn: today } } })
    expect(cancelled.body.results[0].result.credential).toBeUndefined()
    const after = (await request(app).get(`/api/revocations?since=${revoked.cursor}`).set('authorization', `Bearer ${counter}`)).body
    expect(after.revoked.map((entry: { reason: string }) => entry.reason)).toEqual(['cancelled'])
    const versions = await store.db.selectFrom('filing_versions').select('version').where('filing_id', '=', payload.filingId).orderBy('version').execute()
    expect(versions.map(row => Number(row.version))).toEqual([1, 2, 3])
  })

  it('nobody changes or cancels a filing that is not theirs', async () => {
    const owner = person(29)
    const stranger = person(30)
    const payload = filingCreatePayload(owner, '530100', today, { category: 'other_temporary', promise: undefined })
    await sync(app, await signInInsured(app, owner), [action('filing.create', payload)])
    const attempt = await sync(app, await signInInsured(app, stranger), [action('filing.cancel', { filingId: payload.filingId, requestedOn: today })])
    expect(attempt.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'not_found' } })
  })

  it('materials must be uploaded by the same person before the filing that refers to them', async () => {
    const who = person(31)
    const token = await signInInsured(app, who)
    const photo = crypto.randomUUID()
    const materials = [{ kind: 'residence', description: '居住证', fileRef: photo }]
    const early = await sync(app, token, [action('filing.create', filingCreatePayload(who, '530100', today, { promise: undefined, materials }))])
    expect(early.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'attachment_missing' } })

    const jpeg = Buffer.from([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4])
    const put = () => request(app).put(`/api/attachments/${photo}`).set('authorization', `Bearer ${token}`).set('content-type', 'image/jpeg').send(jpeg)
    expect((await put()).status).toBe(201)
    expect((await put()).status).toBe(200)
    const filed = await sync(app, token, [action('filing.create', filingCreatePayload(who, '530100', today, { promise: undefined, materials }))])
    expect(filed.body.results[0].status).toBe('applied')

    const own = await request(app).get(`/api/attachments/${photo}`).set('authorization', `Bearer ${token}`)
    expect(own.status).toBe(200)
    expect(Buffer.from(own.body as Buffer)).toEqual(jpeg)
    const other = await request(app).get(`/api/attachments/${photo}`).set('authorization', `Bearer ${await signInInsured(app, person(32))}`)
    expect(other.status).toBe(403)
    const exe = await request(app).put(`/api/attachments/${crypto.randomUUID()}`).set('authorization', `Bearer ${token}`).set('content-type', 'application/x-msdownload').send(jpeg)
    expect(exe.status).toBe(415)
  })

  it('Hebei 第九条 代办: the holder of a filing a relative made may open its materials; nobody else may', async () => {
    const [parent, child, stranger] = [person(34), person(35), person(36)]
    await enrol(store, parent, { family: [{ idNumber: child.idNumber, name: child.name, relationship: 'child' }] })
    const childToken = await signInInsured(app, child)
    const photo = crypto.randomUUID()
    const jpeg = Buffer.from([0xFF, 0xD8, 0xFF, 0xE0, 5, 6, 7, 8])
    expect((await request(app).put(`/api/attachments/${photo}`).set('authorization', `Bearer ${childToken}`).set('content-type', 'image/jpeg').send(jpeg)).status).toBe(201)
    const payload = filingCreatePayload(parent, '530100', today, {
      promise: undefined,
      materials: [{ kind: 'residence', description: '居住证', fileRef: photo }],
      agent: { name: child.name, idNumber: child.idNumber, phone: child.phone, relationship: 'child' },
    })
    expect((await sync(app, childToken, [action('filing.create', payload)])).body.results[0].status).toBe('applied')

    const asHolder = await request(app).get(`/api/attachments/${photo}`).set('authorization', `Bearer ${await signInInsured(app, parent)}`)
    expect(asHolder.status).toBe(200)
    expect(Buffer.from(asHolder.body as Buffer)).toEqual(jpeg)
    expect((await request(app).get(`/api/attachments/${photo}`).set('authorization', `Bearer ${childToken}`)).status).toBe(200)
    expect((await request(app).get(`/api/attachments/${photo}`).set('authorization', `Bearer ${await signInInsured(app, stranger)}`)).status).toBe(403)
  })

  it('revocations are for counters only', async () => {
    expect((await request(app).get('/api/revocations')).status).toBe(401)
    const insured = await signInInsured(app, person(33))
    expect((await request(app).get('/api/revocations').set('authorization', `Bearer ${insured}`)).status).toBe(403)
  })
})
