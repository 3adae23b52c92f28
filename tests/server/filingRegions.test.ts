import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { createApp } from '../../server/app.ts'
import { testApp } from './support/app.ts'
import type { Store } from '../../server/store/index.ts'
import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { captureLogger } from './support/logs.ts'
import { action, type Person, person, signInInsured, sync } from './support/session.ts'
import { describeEachStore } from './support/stores.ts'
import { filingCreatePayload } from './support/filingPayload.ts'

const DAY = 24 * 3600 * 1000

/**
 * Rulebook scenarios of the seed regions through `POST /api/sync`, with the server's clock moved
 * forward where a rule depends on time passing. Every filing starts on the server's own day.
 */
describeEachStore('filing rules of the seed regions, on the server', ({ openTestStore }) => {
  let store: Store
  let now = new Date('2026-03-02T02:00:00Z')
  let app: ReturnType<typeof createApp>
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens', clock: () => now })
  })
  afterAll(() => store.close())

  const filing = (who: Person, insuredRegion: string, overrides: Record<string, unknown> = {}) =>
    filingCreatePayload(who, insuredRegion, chinaDateOf(now), { address: '就医地联系地址2号', ...overrides })

  const withMaterials = { promise: undefined, materials: [{ kind: 'residence', description: '居住证' }] }

  /** Sends one action as `who`, signing in afresh: a session does not outlive the months a rule spans. */
  async function send(who: Person, type: string, payload: unknown) {
    const response = await sync(app, await signInInsured(app, who), [action(type, payload)])
    expect(response.status).toBe(200)
    return response.body.results[0] as { status: string, result?: { filing: { endDate: string | null, startDate: string } }, error?: { code: string, message: string, field?: string } }
  }

  it('Jilin 第六条: a promise that lapsed without materials bars a new promise (promise_lapsed)', async () => {
    now = new Date('2026-03-02T02:00:00Z')
    const who = person(41, '220102')
    expect((await send(who, 'filing.create', filing(who, '220100'))).status).toBe('applied')
    now = new Date(now.getTime() + 200 * DAY)
    const again = await send(who, 'filing.create', filing(who, '220100'))
    expect(again.error?.code).toBe('promise_lapsed')
    // Materials are still the way to file.
    expect((await send(who, 'filing.create', filing(who, '220100', withMaterials))).status).toBe('applied')
  })

  it('Chongqing 第六条(四): a referral with only a 居住证明 is refused; its 转诊转院证明 files it', async () => {
    now = new Date('2026-03-02T02:00:00Z')
    const who = person(43, '500101')
    const referral = (kind: string) => filing(who, '500100', { category: 'referral', promise: undefined, materials: [{ kind, description: '证明' }] })
    expect(await send(who, 'filing.create', referral('residence'))).toMatchObject({ status: 'rejected', error: { code: 'invalid_payload', field: 'materials' } })
    expect((await send(who, 'filing.create', referral('referral_certificate'))).status).toBe('applied')
  })

  it('Jilin 第三条: supplying a promise filing with materials of no kind its category asks for is refused', async () => {
    now = new Date('2026-03-02T02:00:00Z')
    const who = person(44, '220102')
    const payload = filing(who, '220100', { category: 'referral' })
    expect((await send(who, 'filing.create', payload)).status).toBe('applied')
    const wrong = await send(who, 'filing.supplement', { filingId: payload.filingId, materials: [{ kind: 'work', description: '劳动合同' }], suppliedOn: chinaDateOf(now) })
    expect(wrong).toMatchObject({ status: 'rejected', error: { code: 'materials_wrong_kind', field: 'materials' } })
  })

  it('Jilin 第六条(二): materials supplied in time turn the promise filing into an ordinary one', async () => {
    now = new Date('2026-03-02T02:00:00Z')
    const who = person(42, '220102')
    const payload = filing(who, '220100')
    await send(who, 'filing.create', payload)
    now = new Date(now.getTime() + 30 * DAY)
    const supplied = await send(who, 'filing.supplement', { filingId: payload.filingId, materials: [{ kind: 'residence', description: '居住证' }], suppliedOn: chinaDateOf(now) })
    expect(supplied).toMatchObject({ status: 'applied', result: { filing: { materialsSuppliedOn: chinaDateOf(now) } } })
    const twice = await send(who, 'filing.supplement', { filingId: payload.filingId, materials: [{ kind: 'work', description: '劳动合同' }], suppliedOn: chinaDateOf(now) })
    expect(twice.error?.code).toBe('materials_already_supplied')
  })

  it('Hebei 第七条(一): a long-term filing without the half-year declaration is refused, saying so', async () => {
    now = new Date('2026-03-02T02:00:00Z')
    const who = person(44, '130102')
    const refused = await send(who, 'filing.create', filing(who, '130100', withMaterials))
    expect(refused.error?.code).toBe('long_stay_not_declared')
    expect(refused.error?.message).toContain('临时外出就医')
  })

  it('Hebei 第十条: the 就医地 of a long-term filing cannot change within six months (filing_locked)', async () => {
    now = new Date('2026-03-02T02:00:00Z')
    const who = person(43, '130102')
    const payload = filing(who, '130100', { ...withMaterials, longStayDeclared: true })
    expect((await send(who, 'filing.create', payload)).status).toBe('applied')
    now = new Date(now.getTime() + 60 * DAY)
    const early = await send(who, 'filing.change', { filingId: payload.filingId, changes: { destination: '310000' }, filledOn: chinaDateOf(now) })
    expect(early.error?.code).toBe('filing_locked')
    // Contact details are not locked in 河北.
    expect((await send(who, 'filing.change', { filingId: payload.filingId, changes: { phone: '13700002222' }, filledOn: chinaDateOf(now) })).status).toBe('applied')
    now = new Date('2026-09-03T02:00:00Z')
    expect((await send(who, 'filing.change', { filingId: payload.filingId, changes: { destination: '310000' }, filledOn: chinaDateOf(now) })).status).toBe('applied')
  })

  it('Chongqing: a temporary filing is valid for one year', async () => {
    now = new Date('2026-03-02T02:00:00Z')
    const who = person(44, '500103')
    const created = await send(who, 'filing.create', filing(who, '500100', { category: 'other_temporary', promise: undefined }))
    expect(created.result?.filing).toMatchObject({ startDate: '2026-03-02', endDate: '2027-03-01' })
  })

  it('湛江 二(二): a long-term filing cannot be cancelled within six months', async () => {
    now = new Date('2026-03-02T02:00:00Z')
    const who = person(45, '440802')
    const payload = filing(who, '440800', withMaterials)
    expect((await send(who, 'filing.create', payload)).status).toBe('applied')
    const cancel = await send(who, 'filing.cancel', { filingId: payload.filingId, requestedOn: chinaDateOf(now) })
    expect(cancel.error?.code).toBe('filing_locked')
  })

  it('Yunnan 第十一条: a destination outside the home province is required (destination_is_home)', async () => {
    now = new Date('2026-03-02T02:00:00Z')
    const who = person(46)
    const home = await send(who, 'filing.create', filing(who, '530100', { destination: '530100' }))
    expect(home.error?.code).toBe('destination_is_home')
  })

  it('the credential: any changed byte fails verification', async () => {
    now = new Date()
    const who = person(47)
    const created = await send(who, 'filing.create', filing(who, '530100'))
    const credential = (created.result as unknown as { credential: string }).credential
    const { importJWK } = await import('jose')
    const { decodeCompactCredential, toBeSigned } = await import('../../src/domain/credential/coseSign1.ts')
    const { keys } = (await request(app).get('/api/keys')).body as { keys: Parameters<typeof importJWK>[0][] }
    const key = await importJWK(keys[0]!, 'EdDSA') as CryptoKey
    const { header, payload, signature } = decodeCompactCredential(credential)
    const verifies = (body: Uint8Array, signed: Uint8Array) => crypto.subtle.verify('Ed25519', key, signed as BufferSource, toBeSigned(header, body) as BufferSource)
    expect(await verifies(payload, signature)).toBe(true)
    for (const index of [0, payload.length >> 1, payload.length - 1]) {
      const changed = payload.slice()
      changed[index]! ^= 1
      expect(await verifies(changed, signature)).toBe(false)
    }
    const flipped = signature.slice()
    flipped[10]! ^= 0x80
    expect(await verifies(payload, flipped)).toBe(false)
  })
})
