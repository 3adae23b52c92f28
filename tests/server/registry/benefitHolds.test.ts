import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importRegistry } from '../../../server/registry/importRegistry.ts'
import type { Store } from '../../../server/store/index.ts'
import { chinaDateOf } from '../../../src/domain/dates/calendarDate.ts'
import { testApp } from '../support/app.ts'
import { filingCreatePayload } from '../support/filingPayload.ts'
import { captureLogger } from '../support/logs.ts'
import { enrol, registryRecord } from '../support/registry.ts'
import { action, person, signInCounter, signInInsured, sync } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

describeEachStore('benefit status on the offline feed (Hebei 第十九条)', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof testApp>
  let counter: string
  const today = chinaDateOf(new Date())
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    counter = await signInCounter(app, store, { username: 'holds', hospitalCode: 'H44010001', hospitalName: '广州示例医院', cityCode: '440100' })
  })
  afterAll(() => store.close())

  const feed = async () => (await request(app).get('/api/revocations').set('authorization', `Bearer ${counter}`)).body.revoked as { filingNumber: string, reason: string }[]
  const fileFor = async (who: ReturnType<typeof person>) => {
    const result = (await sync(app, await signInInsured(app, who), [action('filing.create', filingCreatePayload(who, '530100', today, { promise: undefined, category: 'other_temporary' }))])).body.results[0]
    expect(result.status).toBe('applied')
    return result.result.filing.filingNumber as string
  }
  const frozen = { benefitStatus: 'frozen' as const, statusSince: '2026-11-01', statusReason: '欠费' }

  it('an import that freezes a person puts their filings on the feed as held, and one that restores them lifts it', async () => {
    const who = person(801)
    await enrol(store, who)
    const filingNumber = await fileFor(who)
    await importRegistry(store, [registryRecord(who, frozen)])
    expect((await feed()).filter(entry => entry.filingNumber === filingNumber).map(entry => entry.reason)).toEqual(['benefits_frozen'])
    await importRegistry(store, [registryRecord(who, frozen)])
    expect((await feed()).filter(entry => entry.filingNumber === filingNumber)).toHaveLength(1)
    await importRegistry(store, [registryRecord(who)])
    expect((await feed()).filter(entry => entry.filingNumber === filingNumber).map(entry => entry.reason)).toEqual(['benefits_frozen', 'benefits_restored'])
  })

  it('a filing made while the benefits are frozen is held from the start', async () => {
    const who = person(802)
    await enrol(store, who, frozen)
    const filingNumber = await fileFor(who)
    expect((await feed()).filter(entry => entry.filingNumber === filingNumber).map(entry => entry.reason)).toEqual(['benefits_frozen'])
  })

  it('another person\'s status change holds nothing of anybody else', async () => {
    const [one, two] = [person(803), person(804)]
    await enrol(store, [one, two])
    const untouched = await fileFor(two)
    await fileFor(one)
    await importRegistry(store, [registryRecord(one, { benefitStatus: 'suspended', statusSince: '2026-11-01', statusReason: '违规' })])
    expect((await feed()).filter(entry => entry.filingNumber === untouched)).toEqual([])
  })
})
