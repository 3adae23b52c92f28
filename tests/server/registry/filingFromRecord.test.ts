import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../../server/store/index.ts'
import { chinaDateOf } from '../../../src/domain/dates/calendarDate.ts'
import { testApp } from '../support/app.ts'
import { filingCreatePayload } from '../support/filingPayload.ts'
import { captureLogger } from '../support/logs.ts'
import { enrol } from '../support/registry.ts'
import { action, type Person, person, signInInsured, sync } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

type Result = { status: string, result?: { filing: { filingId: string, insuredRegion: string, cancelledOn: string | null } }, error?: { code: string, message: string, field?: string } }

describeEachStore('filings follow the registry (DOMAIN §13)', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof testApp>
  const today = chinaDateOf(new Date())
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
  })
  afterAll(() => store.close())

  async function send(who: Person, type: string, payload: unknown): Promise<Result> {
    const response = await sync(app, await signInInsured(app, who), [action(type, payload)])
    expect(response.status).toBe(200)
    return response.body.results[0] as Result
  }

  describe('参保地 and 险种 come from the record, never from the form', () => {
    it('refuses a 参保地 the person is not insured in, naming the record and whom to contact', async () => {
      const who = person(401)
      await enrol(store, who)
      const refused = await send(who, 'filing.create', filingCreatePayload(who, '220100', today))
      expect(refused).toMatchObject({ status: 'rejected', error: { code: 'insurance_not_on_record', field: 'insuredRegion' } })
      expect(refused.error?.message).toContain('参保登记为云南省昆明市职工医保')
      expect(refused.error?.message).toContain('请联系参保地医保经办机构')
    })

    it('Jilin 第十四条: another 险种 is another relationship, refused when not on record', async () => {
      const who = person(402)
      await enrol(store, who)
      const refused = await send(who, 'filing.create', filingCreatePayload(who, '530100', today, { insuranceType: 'resident' }))
      expect(refused.error?.code).toBe('insurance_not_on_record')
    })

    it('refuses a relationship that has ended', async () => {
      const who = person(403)
      await enrol(store, who, { validFrom: '2000-01-01', validTo: '2025-12-31' })
      const refused = await send(who, 'filing.create', filingCreatePayload(who, '530100', today))
      expect(refused.error).toMatchObject({ code: 'insurance_not_on_record' })
      expect(refused.error?.message).toContain('没有有效的参保关系')
    })

    it('files under the record\'s relationship when it matches', async () => {
      const who = person(404)
      await enrol(store, who, { insuredRegion: '220100', insuranceType: 'resident' })
      const filed = await send(who, 'filing.create', filingCreatePayload(who, '220100', today, { insuranceType: 'resident' }))
      expect(filed).toMatchObject({ status: 'applied', result: { filing: { insuredRegion: '220100' } } })
    })
  })

  describe('代办 (Hebei 第九条): only a family member on record may act for someone', () => {
    const parent = person(411)
    const child = person(412)
    const stranger = person(413)
    const agentOf = (who: Person) => ({ name: who.name, idNumber: who.idNumber, phone: who.phone, relationship: 'child' })

    it('refuses a stranger\'s filing for someone, saying why and where to go instead', async () => {
      await enrol(store, parent, { family: [{ idNumber: child.idNumber, name: child.name, relationship: 'child' }] })
      const refused = await send(stranger, 'filing.create', filingCreatePayload(parent, '530100', today, { agent: agentOf(stranger) }))
      expect(refused).toMatchObject({ status: 'rejected', error: { code: 'not_family_on_record', field: 'agent.idNumber' } })
      expect(refused.error?.message).toContain('不在测')
      expect(refused.error?.message).toContain('参保地医保经办机构')
    })

    it('applies a family member\'s filing, change and cancel; a stranger can do neither', async () => {
      await enrol(store, parent, { family: [{ idNumber: child.idNumber, name: child.name, relationship: 'child' }] })
      const payload = filingCreatePayload(parent, '530100', today, { category: 'other_temporary', promise: undefined, agent: agentOf(child) })
      expect((await send(child, 'filing.create', payload)).status).toBe('applied')
      const strangerCancel = await send(stranger, 'filing.cancel', { filingId: payload.filingId, requestedOn: today })
      expect(strangerCancel.error?.code).toBe('not_found')
      const changed = await send(child, 'filing.change', { filingId: payload.filingId, changes: { address: '广东省广州市越秀区中山五路3号' }, filledOn: today })
      expect(changed.status).toBe('applied')
      const cancelled = await send(child, 'filing.cancel', { filingId: payload.filingId, requestedOn: today })
      expect(cancelled).toMatchObject({ status: 'applied', result: { filing: { cancelledOn: today } } })
    })

    it('DOMAIN §13: the holder sees who acted — each version says whether they or a family member (by the record\'s relationship) made it', async () => {
      await enrol(store, parent, { family: [{ idNumber: child.idNumber, name: child.name, relationship: 'child' }] })
      const payload = filingCreatePayload(parent, '530100', today, { category: 'other_temporary', promise: undefined, destination: '330100', agent: { ...agentOf(child), relationship: 'other_relative' } })
      expect((await send(child, 'filing.create', payload)).status).toBe('applied')
      expect((await send(parent, 'filing.change', { filingId: payload.filingId, changes: { phone: '13700004444' }, filledOn: today })).status).toBe('applied')
      expect((await send(child, 'filing.cancel', { filingId: payload.filingId, requestedOn: today })).status).toBe('applied')
      const listed = await request(app).get('/api/me/filings').set('authorization', `Bearer ${await signInInsured(app, parent)}`)
      const mine = listed.body.own.find((item: { filing: { filingId: string } }) => item.filing.filingId === payload.filingId)
      expect(mine.history.map((entry: { type: string, actedBy?: unknown }) => [entry.type, entry.actedBy])).toEqual([
        ['filing.create', { name: child.name, relationship: 'child' }],
        ['filing.change', undefined],
        ['filing.cancel', { name: child.name, relationship: 'child' }],
      ])
    })

    it('a family member taken off the record can no longer act on the filing they made', async () => {
      await enrol(store, parent, { family: [{ idNumber: child.idNumber, name: child.name, relationship: 'child' }] })
      const payload = filingCreatePayload(parent, '530100', today, { category: 'other_temporary', promise: undefined, destination: '310000', agent: agentOf(child) })
      expect((await send(child, 'filing.create', payload)).status).toBe('applied')
      await enrol(store, parent, { family: [] })
      const refused = await send(child, 'filing.cancel', { filingId: payload.filingId, requestedOn: today })
      expect(refused.error?.code).toBe('not_family_on_record')
      const listed = await request(app).get('/api/me/filings').set('authorization', `Bearer ${await signInInsured(app, child)}`)
      expect(listed.body.family.map((item: { filing: { filingId: string } }) => item.filing.filingId)).not.toContain(payload.filingId)
    })
  })
})
